import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { HarvestRunView, PortalStatus, SessionView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { sessionFor } from '../inventory/testing';
import { PortalPage, RUN_POLL_MS, runSeconds, splitDuration } from './portal.page';

const RUN: HarvestRunView = {
  id: '33333333-3333-4333-8333-333333333333',
  mode: 'incremental',
  trigger: 'manual',
  triggeredBy: 'coordination@add.gov.ma',
  status: 'running',
  portalUrl: 'demo',
  startedAt: '2026-11-27T10:00:00.000Z',
  finishedAt: null,
  since: null,
  requests: 1,
  pages: 1,
  organizations: 0,
  seen: 100,
  created: 0,
  updated: 0,
  deleted: 0,
  skipped: 0,
  issues: [],
  issueCount: 0,
  failure: null,
};
const STATUS: PortalStatus = {
  portalUrl: 'demo',
  schedule: '30 2 * * *',
  nextRunAt: null,
  lastGoodRun: null,
  running: null,
  datasets: 10,
  organizations: 2,
  unmappedOrganizations: 1,
};
const EMPTY = { items: [], total: 0, page: 1, pageSize: 10 };

async function open(session: SessionView, dialogAnswer = true) {
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(dialogAnswer) })) };
  TestBed.configureTestingModule({
    imports: [PortalPage],
    providers: [
      provideHttpClient(withInterceptors([apiErrorInterceptor])),
      provideHttpClientTesting(),
      provideRouter([]),
      provideTranslateService(),
      provideNoopAnimations(),
      { provide: MatDialog, useValue: dialog },
    ],
  });
  TestBed.inject(LocaleService).use('fr');
  const http = TestBed.inject(HttpTestingController);
  const loading = TestBed.inject(SessionService).load();
  http.expectOne('/api/v1/auth/session').flush(session);
  await loading;
  const fixture = TestBed.createComponent(PortalPage);
  fixture.detectChanges();
  TestBed.tick();
  http.expectOne('/api/v1/portal/status').flush(STATUS);
  http
    .match((r) => r.url === '/api/v1/portal/runs')
    .forEach((r) =>
      r.flush({
        items: [{ ...RUN, status: 'succeeded', finishedAt: '2026-11-27T10:01:15.000Z' }],
        total: 1,
        page: 1,
        pageSize: 10,
      }),
    );
  http
    .match((r) => r.url === '/api/v1/portal/organizations')
    .forEach((r) =>
      r.flush(
        r.request.params.get('mapped') === 'false'
          ? {
              items: [
                {
                  name: 'org-a',
                  title: 'Organisation A',
                  datasets: 4,
                  institution: null,
                  institutionVersion: null,
                  lastSeenAt: '2026-11-27T10:00:00Z',
                  removedAt: null,
                },
              ],
              total: 1,
              page: 1,
              pageSize: 10,
            }
          : EMPTY,
      ),
    );
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, http, dialog, page: fixture.componentInstance, el: fixture.nativeElement as HTMLElement };
}

describe('run durations', () => {
  it('counts whole seconds, up to now while running', () => {
    expect(runSeconds({ startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:01:15Z' })).toBe(75);
    expect(
      runSeconds({ startedAt: '2026-01-01T00:00:00Z', finishedAt: null }, Date.parse('2026-01-01T00:00:09Z')),
    ).toBe(9);
    expect(splitDuration(3725)).toEqual({ h: 1, m: 2, s: 5 });
  });
});

describe('PortalPage', () => {
  afterEach(() => jest.useRealTimers());

  it('lets the committee read runs and organisations, without any control', async () => {
    const { el, page } = await open(sessionFor('COMMITTEE'));
    expect(page.canManage()).toBe(false);
    expect(el.querySelectorAll('table.prt-runs tbody tr').length).toBe(1);
    expect(el.querySelector('table.prt-runs tbody')?.textContent).toContain('portal.runStatus.succeeded');
    expect(
      el.querySelector('.prt-harvest-incremental, .prt-harvest-full, msd-institution-picker, .prt-map'),
    ).toBeNull();
    expect(el.querySelector('.prt-org')?.textContent).toContain('Organisation A');
    // The schedule in words (its sentence's key and time), not the raw cron expression.
    const schedule = el.querySelector('[data-harvest-schedule]') as HTMLElement;
    expect(schedule.getAttribute('data-kind')).toBe('daily');
    expect(schedule.getAttribute('data-cron')).toBe('30 2 * * *');
    expect(schedule.textContent).toContain('portal.schedule.daily');
    expect(el.querySelector('.prt-status')?.textContent).not.toContain('30 2 * * *');
  });

  it('starts an incremental harvest and follows it every 2 s until it ends', async () => {
    const { el, http, page, fixture, dialog } = await open(sessionFor('COORDINATOR'));
    jest.useFakeTimers();
    (el.querySelector('.prt-harvest-incremental') as HTMLButtonElement).click();
    expect(dialog.open).not.toHaveBeenCalled();
    const start = http.expectOne({ method: 'POST', url: '/api/v1/portal/runs' });
    expect(start.request.body).toEqual({ mode: 'incremental' });
    start.flush(RUN, { status: 202, statusText: 'Accepted' });
    http.match((r) => r.url === '/api/v1/portal/runs');
    expect(page.live()?.status).toBe('running');
    jest.advanceTimersByTime(RUN_POLL_MS);
    http.expectOne(`/api/v1/portal/runs/${RUN.id}`).flush({ ...RUN, pages: 2, seen: 200 });
    expect(page.live()?.seen).toBe(200);
    jest.advanceTimersByTime(RUN_POLL_MS);
    http
      .expectOne(`/api/v1/portal/runs/${RUN.id}`)
      .flush({ ...RUN, status: 'succeeded', finishedAt: '2026-11-27T10:00:30.000Z' });
    expect(page.live()?.status).toBe('succeeded');
    jest.advanceTimersByTime(RUN_POLL_MS * 3);
    http.expectNone(`/api/v1/portal/runs/${RUN.id}`);
    fixture.detectChanges();
    expect(el.querySelector('.prt-live')?.getAttribute('data-status')).toBe('succeeded');
  });

  it('asks before a full harvest, and follows the running one on 409', async () => {
    const { el, http, page, dialog } = await open(sessionFor('COORDINATOR'));
    (el.querySelector('.prt-harvest-full') as HTMLButtonElement).click();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    const start = http.expectOne({ method: 'POST', url: '/api/v1/portal/runs' });
    expect(start.request.body).toEqual({ mode: 'full' });
    start.flush(
      { statusCode: 409, code: 'HARVEST_RUNNING', message: 'déjà en cours', fields: [], requestId: 'r', current: RUN },
      { status: 409, statusText: 'Conflict' },
    );
    expect(page.live()?.id).toBe(RUN.id);
  });

  it('maps an organisation to the administration picked', async () => {
    const { http, page, fixture } = await open(sessionFor('COORDINATOR'));
    const org = {
      name: 'org-a',
      title: 'Organisation A',
      datasets: 4,
      institution: null,
      institutionVersion: null,
      lastSeenAt: '',
      removedAt: null,
    };
    const picker = { reset: jest.fn() };
    const internals = page as unknown as {
      pick(o: typeof org, i: unknown): void;
      mapTo(o: typeof org, p: unknown): void;
    };
    internals.pick(org, { code: 'HCP', name: { ar: 'م', fr: 'HCP' }, type: 'public_institution' });
    internals.mapTo(org, picker);
    const map = http.expectOne({ method: 'PUT', url: '/api/v1/portal/organizations/org-a/institution' });
    expect(map.request.body).toEqual({ institutionCode: 'HCP' });
    map.flush({ ...org, institution: { code: 'HCP', name: { fr: 'HCP' }, type: 'public_institution' } });
    expect(picker.reset).toHaveBeenCalled();
    fixture.detectChanges();
    // A refused mapping shows the API's message on the row.
    internals.pick(org, { code: 'MEF', name: { fr: 'MEF' }, type: 'ministry' });
    internals.mapTo(org, picker);
    http.expectOne({ method: 'PUT', url: '/api/v1/portal/organizations/org-a/institution' }).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'x',
        fields: [
          {
            field: 'institutionCode',
            rule: 'hasOtherPortalOrganization',
            message: 'Cette administration a déjà une organisation',
          },
        ],
        requestId: 'r',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect((page as unknown as { rowErrors(): Record<string, string> }).rowErrors()['org-a']).toBe(
      'Cette administration a déjà une organisation',
    );
  });
});
