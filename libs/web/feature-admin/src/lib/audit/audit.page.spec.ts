import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AUDIT_REDACTED, type AuditEventView, type Page } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { AuditPage } from './audit.page';
import { buildAuditQuery } from './audit-query';

const event: AuditEventView = {
  id: 'e1',
  occurredAt: '2026-03-02T09:30:00Z',
  actor: {
    id: '4d1c1a3e-0000-4000-8000-000000000001',
    displayName: 'Coordination ADD',
    email: 'coordination@add.gov.ma',
  },
  role: 'COORDINATOR',
  institutionCode: 'ADD',
  action: 'activity.update',
  entityType: 'activity',
  entityId: 'a-7',
  diff: { dueDate: { before: '2022-06-30', after: '2022-12-31' } },
  requestId: 'r1',
  ip: null,
  userAgent: null,
};
const page = (items: AuditEventView[]): Page<AuditEventView> => ({ items, total: items.length, page: 1, pageSize: 25 });

describe('buildAuditQuery', () => {
  it('drops empty filters, keeps valid days and starts at page 1', () => {
    expect(
      buildAuditQuery({
        entityType: 'activity',
        actorId: '',
        institution: ' MEF ',
        from: '2026-01-01',
        to: '2026-02-30',
        page: 'x',
      }),
    ).toEqual({
      entityType: 'activity',
      institution: 'MEF',
      from: '2026-01-01',
      page: 1,
      pageSize: 25,
    });
  });
});

describe('AuditPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService(),
        provideRouter([{ path: ':lang/audit', component: AuditPage }], withComponentInputBinding()),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    http.expectOne('/api/v1/institutions').flush({ items: [], total: 0 });
    http.expectOne('/api/v1/plans/PANDO-2021').flush({ measures: [] });
    return harness.routeNativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('sends the URL’s filters to the API', async () => {
    await open(
      '/fr/audit?entityType=activity&entityId=a-7&institution=MEF&from=2026-01-01&to=2026-01-31&page=3&actorId=u-1',
    );
    const request = http.expectOne((r) => r.url === '/api/v1/audit-events');
    const params = Object.fromEntries(request.request.params.keys().map((k) => [k, request.request.params.get(k)]));
    expect(params).toEqual({
      entityType: 'activity',
      entityId: 'a-7',
      actorId: 'u-1',
      institution: 'MEF',
      from: '2026-01-01',
      to: '2026-01-31',
      page: '3',
      pageSize: '25',
    });
    request.flush({ items: [], total: 0, page: 3, pageSize: 25 });
  });

  it('asks again when a filter changes, back on page 1', async () => {
    await open('/fr/audit?page=2');
    http.expectOne((r) => r.url === '/api/v1/audit-events' && r.params.get('page') === '2').flush(page([event]));
    await TestBed.inject(Router).navigate(['/fr/audit'], { queryParams: { entityType: 'user' } });
    harness.detectChanges();
    const request = http.expectOne((r) => r.url === '/api/v1/audit-events');
    expect(request.request.params.get('entityType')).toBe('user');
    expect(request.request.params.get('page')).toBe('1');
    request.flush(page([]));
  });

  it('shows who changed what, before → after, with a link to the activity', async () => {
    const el = await open('/fr/audit');
    http.expectOne((r) => r.url === '/api/v1/audit-events').flush(page([event]));
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect(el.textContent).toContain('Coordination ADD');
    expect(el.textContent).toContain('audit.actions.activityUpdate');
    const cells = [...el.querySelectorAll('tbody td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual(['30 juin 2022', '→ 31 décembre 2022']);
    expect(el.querySelector('a[href="/fr/activities/a-7"]')).not.toBeNull();
  });

  it('labels personal data the API redacted for this reader', async () => {
    const el = await open('/fr/audit?entityType=officer-appointment');
    const redacted: AuditEventView = {
      ...event,
      action: 'officer.appoint',
      entityType: 'officer-appointment',
      entityId: 'o-1',
      diff: { email: { before: null, after: AUDIT_REDACTED }, role: { before: null, after: 'ROD' } },
    };
    http.expectOne((r) => r.url === '/api/v1/audit-events').flush(page([redacted]));
    harness.detectChanges();
    await harness.fixture.whenStable();
    const cells = [...el.querySelectorAll('tbody td.event__after')].map((td) =>
      td.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(cells[0]).toBe('→ audit.values.redacted');
    expect(el.textContent).not.toContain(AUDIT_REDACTED);
  });

  it('says so when nothing matches', async () => {
    const el = await open('/fr/audit?entityType=user');
    http.expectOne((r) => r.url === '/api/v1/audit-events').flush(page([]));
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect(el.querySelector('msd-empty-state')?.textContent).toContain('audit.empty');
  });
});
