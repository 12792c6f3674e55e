import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { Role, SessionView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { meeting } from '../testing/committee-fixtures';
import { MeetingPage } from './meeting.page';

function session(role: Role, email: string): SessionView {
  return {
    user: {
      id: `u-${role}`,
      email,
      displayName: `Person ${role}`,
      role,
      institution: null,
      preferredLocale: 'fr',
      permissions: [],
    },
    csrfToken: 'csrf-1',
    expiresAt: '2030-01-01T00:00:00Z',
  };
}

describe('MeetingPage', () => {
  let fixture: ComponentFixture<MeetingPage>;
  let http: HttpTestingController;
  let confirmAnswer = true;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmAnswer) })) };

  async function render(role: Role, email: string, detail = meeting()): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [MeetingPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: MatDialog, useValue: dialog },
      ],
    });
    TestBed.inject(TranslateService).setTranslation('fr', {
      committee: { lateBy: 'En retard de {{days}} jour(s)' },
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(session(role, email));
    await loading;
    fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('id', detail.id);
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/v1/committee/meetings/m-3').flush(detail);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    confirmAnswer = true;
    dialog.open.mockClear();
  });
  afterEach(() => http.verify());

  it('shows the agenda in order, an overdue action item with its owner and how many days late', async () => {
    const el = await render('COMMITTEE', 'someone@example.ma');
    const items = el.querySelectorAll('[data-agenda-item]');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain("Avancement du plan d'action");
    const follow = el.querySelector('[data-follow-up="R2-D1-A1"]') as HTMLElement;
    expect(follow.classList).toContain('is-late');
    expect(follow.textContent).toContain("Ministère de l'Économie et des Finances");
    expect(follow.querySelector('.late')?.textContent?.trim()).toBe('En retard de 40 jour(s)');
    // The committee reads; it does not record.
    expect(el.querySelector('[data-save-attendance]')).toBeNull();
    expect(el.querySelector('[data-status-moves]')).toBeNull();
    expect(el.querySelector('[data-record-decision]')).toBeNull();
  });

  it('links the meeting pack as HTML, PDF and XLSX in the reader’s language', async () => {
    const el = await render('COMMITTEE', 'someone@example.ma');
    expect(el.querySelector('[data-pack="html"]')?.getAttribute('href')).toBe(
      '/api/v1/committee/meetings/m-3/pack?format=html&lang=fr',
    );
    expect(el.querySelector('[data-pack="html"]')?.getAttribute('target')).toBe('_blank');
    expect(el.querySelector('[data-pack="pdf"]')?.hasAttribute('download')).toBe(true);
    expect(el.querySelector('[data-pack="xlsx"]')?.getAttribute('href')).toContain('format=xlsx');
  });

  it('lets a representative linked to the signed-in account confirm their own attendance', async () => {
    const el = await render('COMMITTEE', 'Committee@example.ma');
    const own = el.querySelector('[data-own-attendance]') as HTMLElement;
    expect(own).not.toBeNull();
    (own.querySelector('[data-confirm-own="excused"]') as HTMLButtonElement).click();
    const req = http.expectOne('/api/v1/committee/meetings/m-3/attendance/me');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ status: 'excused' });
    req.flush(meeting());
    await settle();
  });

  it('shows no confirmation buttons to someone who does not sit on the committee', async () => {
    const el = await render('COMMITTEE', 'someone@example.ma');
    expect(el.querySelector('[data-own-attendance]')).toBeNull();
  });

  it('sends only the attendance a coordinator changed, with the version read', async () => {
    const el = await render('COORDINATOR', 'nobody@add.gov.ma');
    const save = el.querySelector('[data-save-attendance]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const select = el.querySelector('[data-attendee="r-mef"] select') as HTMLSelectElement;
    select.value = 'present';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(save.disabled).toBe(false);
    save.click();
    const req = http.expectOne('/api/v1/committee/meetings/m-3/attendance');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ version: 5, entries: [{ representativeId: 'r-mef', status: 'present' }] });
    req.flush(meeting({ version: 6 }));
    await settle();
  });

  it('reloads the meeting and says so when someone changed it meanwhile (409)', async () => {
    const el = await render('COORDINATOR', 'nobody@add.gov.ma');
    const select = el.querySelector('[data-attendee="r-add"] select') as HTMLSelectElement;
    select.value = 'absent';
    select.dispatchEvent(new Event('change'));
    await settle();
    (el.querySelector('[data-save-attendance]') as HTMLButtonElement).click();
    http
      .expectOne('/api/v1/committee/meetings/m-3/attendance')
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Modifiée', fields: [] },
        { status: 409, statusText: 'Conflict' },
      );
    // The reload is pending: waiting for the page to be stable would wait for it.
    await Promise.resolve();
    TestBed.tick();
    http.expectOne('/api/v1/committee/meetings/m-3').flush(meeting({ version: 9 }));
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('errors.VERSION_CONFLICT');
  });

  it('asks before cancelling a meeting, and does nothing when the coordinator steps back', async () => {
    const el = await render('COORDINATOR', 'nobody@add.gov.ma');
    confirmAnswer = false;
    (el.querySelector('[data-move="cancelled"]') as HTMLButtonElement).click();
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    http.expectNone('/api/v1/committee/meetings/m-3');

    confirmAnswer = true;
    (el.querySelector('[data-move="cancelled"]') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/committee/meetings/m-3' });
    expect(req.request.body).toEqual({ version: 5, status: 'cancelled' });
    req.flush(meeting({ status: 'cancelled', version: 6 }));
    await settle();
    expect(el.querySelector('[data-status-moves]')).toBeNull();
  });

  it('tells the members the pack is ready after a confirmation, and says how many were told', async () => {
    const el = await render('COORDINATOR', 'nobody@add.gov.ma');
    const announce = el.querySelector('button.msd-announce-pack') as HTMLButtonElement;
    confirmAnswer = false;
    announce.click();
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    http.expectNone('/api/v1/committee/meetings/m-3/pack/announce');

    confirmAnswer = true;
    announce.click();
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/committee/meetings/m-3/pack/announce' });
    req.flush({ notified: 3 });
    await settle();
    expect(document.body.textContent).toContain('committee.pack.announced');

    announce.click();
    await settle();
    http.expectOne('/api/v1/committee/meetings/m-3/pack/announce').flush({ notified: 0 });
    await settle();
    expect(document.body.textContent).toContain('committee.pack.announcedNobody');
  });

  it('offers the announcement only to coordinators, on a planned meeting', async () => {
    const el = await render('COMMITTEE', 'someone@example.ma');
    expect(el.querySelector('button.msd-announce-pack')).toBeNull();
  });

  it('offers no announcement once the meeting is held', async () => {
    const el = await render('COORDINATOR', 'nobody@add.gov.ma', meeting({ status: 'held' }));
    expect(el.querySelector('button.msd-announce-pack')).toBeNull();
  });

  it('approves held minutes only after a confirmation; approved minutes are read-only', async () => {
    const held = meeting({ status: 'held', minutes: { fr: 'La séance est ouverte.' } });
    const el = await render('COORDINATOR', 'nobody@add.gov.ma', held);
    (el.querySelector('[data-minutes-approve]') as HTMLButtonElement).click();
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    const req = http.expectOne('/api/v1/committee/meetings/m-3/minutes/approve');
    expect(req.request.body).toEqual({ version: 5 });
    req.flush({
      ...held,
      minutesState: 'approved',
      minutesApprovedAt: '2026-12-11T10:00:00.000Z',
      minutesApprovedBy: 'Coordination ADD',
    });
    await settle();
    expect(el.querySelector('[data-minutes-fr]')).toBeNull();
    expect(el.querySelector('[data-minutes] .minutes')?.textContent).toContain('La séance est ouverte.');
  });
});
