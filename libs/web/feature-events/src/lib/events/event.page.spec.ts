import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type {
  EventDetail,
  PlanDetail,
  Role,
  SessionView,
  SignInSheetPreview,
  SignInSheetResult,
} from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import {
  appointment,
  eventDetail,
  institution,
  MEF,
  NO_SATISFACTION,
  page,
  publicEvent,
  session,
} from '../testing/event-fixtures';
import { EventPage } from './event.page';
import { countChanges, eventFieldsToControls, eventRequest, emptyEventForm, eventsQueryFrom } from './event-rules';
import { FeedbackLinksDialog } from './feedback-links-dialog';
import { addDays, feedbackWindow, todayInMorocco } from './feedback-window';
import { issuesFromFields } from './sign-in-sheet-import';

const SIGNED_OUT: SessionView = { user: null, csrfToken: null, expiresAt: null };

describe('EventPage', () => {
  let fixture: ComponentFixture<EventPage>;
  let http: HttpTestingController;
  let confirmAnswer = true;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmAnswer) })) };

  async function render(who: Role | null, detail: EventDetail): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [EventPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: MatDialog, useValue: dialog },
      ],
    });
    TestBed.inject(TranslateService).setTranslation('fr', {
      events: {
        satisfaction: {
          outOf: '{{value}} / 5',
          responses: '{{count}} réponse(s)',
          requested: '{{sent}} participant(s) ont reçu un lien.',
          withoutAccount: "{{count}} participant(s) inscrit(s) n'ont pas de compte.",
        },
      },
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(who ? session(who) : SIGNED_OUT);
    await loading;
    fixture = TestBed.createComponent(EventPage);
    fixture.componentRef.setInput('id', detail.id);
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne(`/api/v1/events/${detail.id}`).flush(detail);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** Runs change detection without waiting for requests still pending. */
  function tick(): void {
    fixture.detectChanges();
    TestBed.tick();
  }

  beforeEach(() => {
    confirmAnswer = true;
    dialog.open.mockClear();
  });
  afterEach(() => http.verify());

  it('shows the public the counts by category and the materials, but no names and no editing', async () => {
    const el = await render(null, publicEvent());
    const rows = el.querySelectorAll('[data-by-category] tbody tr');
    // Categories with nobody are left out.
    expect(rows).toHaveLength(2);
    expect(el.querySelector('[data-category-row="officers"]')?.textContent).toContain('2');
    expect(el.querySelector('[data-category-row="civil_servants"]')?.textContent).toContain('25');
    expect(el.querySelector('[data-by-category] tfoot')?.textContent).toContain('27');
    expect(el.querySelector('[data-names-hidden]')).not.toBeNull();
    expect(el.querySelector('[data-participants]')).toBeNull();
    expect(el.querySelector('[data-participant]')).toBeNull();
    expect(el.textContent).not.toContain('Amina');
    expect(el.querySelector('[data-add-officers]')).toBeNull();
    expect(el.querySelector('[data-counts]')).toBeNull();
    expect(el.querySelector('[data-edit-event]')).toBeNull();
    const material = el.querySelector('[data-materials] a') as HTMLAnchorElement;
    expect(material.getAttribute('href')).toBe('https://example.ma/support.pdf');
    expect(material.textContent).toContain('Support de la formation');
    expect(el.querySelector('h1')?.textContent).toContain('Formation des ROD à la publication');
  });

  it('lists the registered officers for a coordinator, with their role and administration', async () => {
    const el = await render('COORDINATOR', eventDetail());
    const rows = el.querySelectorAll('[data-participants] [data-participant]');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Amina Bennani');
    expect(rows[0].textContent).toContain('officers.roles.ROD');
    expect(rows[0].textContent).toContain("Ministère de l'Économie et des Finances");
    expect(el.querySelector('[data-edit-event]')).not.toBeNull();
  });

  it('adds the officers ticked in an administration, sending their appointments', async () => {
    const el = await render('COORDINATOR', eventDetail());
    const picker = el.querySelector('[data-add-officers] [data-institution-picker="officers"]') as HTMLInputElement;
    picker.value = 'Finances';
    picker.dispatchEvent(new Event('input'));
    picker.dispatchEvent(new Event('focusin'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    http
      .expectOne((r) => r.url === '/api/v1/institutions' && r.params.get('q') === 'Finances')
      .flush(page([institution(MEF)]));
    await settle();
    (document.querySelector('mat-option[data-option="MEF"]') as HTMLElement).click();
    tick();
    http
      .expectOne('/api/v1/institutions/MEF/officers')
      .flush([
        appointment('a-1'),
        appointment('a-3', { role: 'GDD', fullName: { fr: 'Salma Idrissi', ar: null } }),
        appointment('a-4', { status: 'ended' }),
      ]);
    await settle();

    const options = el.querySelectorAll<HTMLInputElement>('[data-officer-option]');
    expect(Array.from(options).map((o) => o.getAttribute('data-appointment-id'))).toEqual(['a-1', 'a-3']);
    // Already a participant: shown ticked, not added again.
    expect(options[0].disabled).toBe(true);
    expect(options[1].closest('label')?.textContent).toContain('Salma Idrissi');
    expect(options[1].closest('label')?.textContent).toContain('officers.roles.GDD');
    const add = el.querySelector('[data-save-participants]') as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    options[1].click();
    await settle();
    expect(add.disabled).toBe(false);
    add.click();
    const req = http.expectOne({ method: 'PUT', url: '/api/v1/events/e-1/participants' });
    expect(req.request.body).toEqual({ version: 3, addAppointmentIds: ['a-3'] });
    req.flush(eventDetail({ version: 4 }));
    await settle();
  });

  it('removes a participant only after a confirmation', async () => {
    const el = await render('COORDINATOR', eventDetail());
    const remove = el.querySelector('[data-participant-id="p-2"] [data-remove-participant]') as HTMLButtonElement;
    confirmAnswer = false;
    remove.click();
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    http.expectNone('/api/v1/events/e-1/participants');
    confirmAnswer = true;
    remove.click();
    await settle();
    const req = http.expectOne({ method: 'PUT', url: '/api/v1/events/e-1/participants' });
    expect(req.request.body).toEqual({ version: 3, removeParticipantIds: ['p-2'] });
    req.flush(eventDetail({ version: 4, participants: (eventDetail().participants ?? []).slice(0, 1) }));
    await settle();
    expect(el.querySelectorAll('[data-participant]')).toHaveLength(1);
  });

  it('saves the counts a coordinator changed, and only those', async () => {
    const el = await render('COORDINATOR', eventDetail());
    const inputs = el.querySelectorAll<HTMLInputElement>('[data-counts]');
    expect(Array.from(inputs).map((i) => i.getAttribute('data-category'))).toEqual([
      'civil_servants',
      'students_researchers',
      'startups_companies',
      'civil_society',
      'media',
    ]);
    expect(inputs[0].value).toBe('25');
    const save = el.querySelector('[data-save-counts]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const civil = el.querySelector('[data-counts][data-category="civil_society"]') as HTMLInputElement;
    civil.value = '5';
    civil.dispatchEvent(new Event('input'));
    await settle();
    save.click();
    const req = http.expectOne({ method: 'PUT', url: '/api/v1/events/e-1/participants' });
    expect(req.request.body).toEqual({ version: 3, counts: [{ category: 'civil_society', count: 5 }] });
    req.flush(eventDetail({ version: 4 }));
    await settle();
  });

  it('marks a planned event held after a confirmation', async () => {
    const el = await render('COORDINATOR', eventDetail({ status: 'planned' }));
    expect(el.querySelector('[data-status-move="cancelled"]')).not.toBeNull();
    (el.querySelector('[data-status-move="held"]') as HTMLButtonElement).click();
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/events/e-1' });
    expect(req.request.body).toEqual({ version: 3, status: 'held' });
    req.flush(eventDetail({ status: 'held', version: 4 }));
    await settle();
    expect(el.querySelector('[data-status-move]')).toBeNull();
    expect(el.querySelector('[data-event-status]')?.getAttribute('data-status')).toBe('held');
  });

  it('edits the event with the version read, and keeps the edits when someone changed it meanwhile', async () => {
    const el = await render('COORDINATOR', eventDetail());
    (el.querySelector('[data-edit-event]') as HTMLButtonElement).click();
    tick();
    http.expectOne('/api/v1/plans/PANDO-2021').flush({ measures: [] } as unknown as PlanDetail);
    await settle();
    const title = el.querySelector('[formcontrolname="titleFr"]') as HTMLInputElement;
    expect(title.value).toBe('Formation des ROD à la publication');
    title.value = 'Formation des ROD (2e session)';
    title.dispatchEvent(new Event('input'));
    (el.querySelector('[data-event-submit]') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/events/e-1' });
    expect(req.request.body).toMatchObject({
      version: 3,
      type: 'training',
      title: { fr: 'Formation des ROD (2e session)', ar: 'تكوين مسؤولي المعطيات المفتوحة في النشر' },
      placeCode: 'R04',
      organiserCode: 'ADD',
      materials: [{ title: 'Support de la formation', url: 'https://example.ma/support.pdf' }],
    });
    req.flush(
      { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Modifié', fields: [] },
      { status: 409, statusText: 'Conflict' },
    );
    tick();
    http.expectOne('/api/v1/events/e-1').flush(eventDetail({ version: 5 }));
    await settle();
    expect(el.querySelector('[data-event-form] [role="alert"]')?.textContent).toContain('events.form.conflict');
    expect((el.querySelector('[formcontrolname="titleFr"]') as HTMLInputElement).value).toBe(
      'Formation des ROD (2e session)',
    );
    (el.querySelector('[data-event-submit]') as HTMLButtonElement).click();
    await settle();
    const again = http.expectOne({ method: 'PATCH', url: '/api/v1/events/e-1' });
    expect(again.request.body.version).toBe(5);
    again.flush(eventDetail({ version: 6, title: { fr: 'Formation des ROD (2e session)' } }));
    await settle();
    expect(el.querySelector('[data-event-form]')).toBeNull();
    expect(el.querySelector('h1')?.textContent).toContain('Formation des ROD (2e session)');
  });

  describe('satisfaction', () => {
    const today = todayInMorocco();
    /** An event whose feedback window is open today. */
    const current = (overrides: Partial<EventDetail> = {}) =>
      eventDetail({ startsOn: addDays(today, -1), endsOn: today, ...overrides });

    it('shows everyone the averages with one decimal, labelled as anonymous and self-reported, without comments', async () => {
      const el = await render(null, publicEvent());
      const card = el.querySelector('[data-satisfaction]') as HTMLElement;
      expect(card.querySelector('[data-satisfaction-source]')?.textContent).toContain('events.satisfaction.source');
      expect(card.querySelector('[data-satisfaction-responses]')?.textContent).toContain('12 réponse(s)');
      const value = (q: string) => card.querySelector(`[data-rating="${q}"] [data-rating-value]`)?.textContent?.trim();
      expect(value('overall')).toBe('4,3 / 5');
      expect(value('content')).toBe('4,0 / 5');
      expect(value('organisation')).toBe('events.satisfaction.noAnswer');
      expect(card.querySelector('[data-feedback-comments]')).toBeNull();
      expect(card.querySelector('[data-feedback-links]')).toBeNull();
      expect(card.querySelector('[data-request-feedback]')).toBeNull();
      expect(el.querySelector('[data-sign-in-import]')).toBeNull();
    });

    it('says when there is no feedback yet', async () => {
      const el = await render(null, publicEvent({ satisfaction: NO_SATISFACTION }));
      expect(el.querySelector('[data-satisfaction-empty]')?.textContent).toContain('events.satisfaction.emptyTitle');
      expect(el.querySelector('[data-rating]')).toBeNull();
    });

    it('shows a coordinator the comments, newest first', async () => {
      const el = await render('COORDINATOR', current());
      const comments = el.querySelectorAll('[data-feedback-comments] [data-feedback-comment]');
      expect(comments).toHaveLength(2);
      expect(comments[0].textContent).toContain('Très utile, merci.');
      expect(el.querySelector('[data-feedback-window]')?.getAttribute('data-feedback-window')).toBe('open');
    });

    it('opens the feedback links dialog for the event', async () => {
      const el = await render('COORDINATOR', current());
      (el.querySelector('[data-feedback-links]') as HTMLButtonElement).click();
      expect(dialog.open).toHaveBeenCalledWith(
        FeedbackLinksDialog,
        expect.objectContaining({ data: { eventId: 'e-1', title: 'Formation des ROD à la publication' } }),
      );
    });

    it('asks the registered participants after a confirmation, and says who has no account', async () => {
      const el = await render('COORDINATOR', current());
      const ask = el.querySelector('[data-request-feedback]') as HTMLButtonElement;
      expect(ask.disabled).toBe(false);
      confirmAnswer = false;
      ask.click();
      await settle();
      http.expectNone('/api/v1/events/e-1/feedback-requests');
      confirmAnswer = true;
      ask.click();
      await settle();
      http
        .expectOne({ method: 'POST', url: '/api/v1/events/e-1/feedback-requests' })
        .flush({ sent: 1, withoutAccount: 1 });
      await settle();
      const result = el.querySelector('[data-request-result]')?.textContent;
      expect(result).toContain('1 participant(s) ont reçu un lien.');
      expect(result).toContain("1 participant(s) inscrit(s) n'ont pas de compte.");
    });

    it('offers no request once the feedback window closed, nor any link for a cancelled event', async () => {
      let el = await render('COORDINATOR', eventDetail({ startsOn: '2020-01-01', endsOn: '2020-01-02' }));
      expect((el.querySelector('[data-request-feedback]') as HTMLButtonElement).disabled).toBe(true);
      expect((el.querySelector('[data-feedback-links]') as HTMLButtonElement).disabled).toBe(false);
      TestBed.resetTestingModule();
      el = await render('COORDINATOR', current({ status: 'cancelled' }));
      expect((el.querySelector('[data-feedback-links]') as HTMLButtonElement).disabled).toBe(true);
    });
  });

  describe('sign-in sheet', () => {
    const preview = (overrides: Partial<SignInSheetPreview> = {}): SignInSheetPreview => ({
      rows: 3,
      matched: [
        {
          row: 2,
          email: 'a-1@mef.gov.ma',
          appointmentId: 'a-1',
          role: 'ROD',
          institution: MEF,
          fullName: { fr: 'Amina Bennani', ar: null },
          alreadyRegistered: true,
        },
        {
          row: 3,
          email: 'a-3@mef.gov.ma',
          appointmentId: 'a-3',
          role: 'GDD',
          institution: MEF,
          fullName: { fr: 'Salma Idrissi', ar: null },
          alreadyRegistered: false,
        },
      ],
      unmatched: [
        {
          row: 4,
          email: 'etudiant@example.ma',
          name: 'Youssef Alami',
          category: 'students_researchers',
          alreadyCounted: false,
        },
      ],
      issues: [],
      adds: { registered: 1, counted: [{ category: 'students_researchers', count: 1 }] },
      ...overrides,
    });

    async function choose(el: HTMLElement): Promise<TestRequest> {
      (el.querySelector('[data-sign-in-toggle]') as HTMLButtonElement).click();
      await settle();
      const input = el.querySelector('[data-sign-in-file]') as HTMLInputElement;
      const file = new File(['email,name,category\n'], 'emargement.csv', { type: 'text/csv' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      await settle();
      (el.querySelector('[data-sign-in-preview]') as HTMLButtonElement).click();
      const req = http.expectOne({ method: 'POST', url: '/api/v1/events/e-1/sign-in-sheet/preview' });
      expect((req.request.body as FormData).get('file')).toBe(file);
      return req;
    }

    it('offers the templates, previews the sheet and imports it with the version read', async () => {
      const el = await render('COORDINATOR', eventDetail());
      const section = el.querySelector('[data-sign-in-import]') as HTMLElement;
      expect(section).not.toBeNull();
      const previewReq = await choose(el);
      expect(section.querySelector('[data-sign-in-template="csv"]')?.getAttribute('href')).toBe(
        '/api/v1/events/e-1/sign-in-sheet/template?format=csv',
      );
      previewReq.flush(preview());
      await settle();

      const shown = el.querySelector('[data-sign-in-preview-result]') as HTMLElement;
      expect(shown.querySelector('[data-sign-in-count="register"]')?.textContent?.trim()).toBe('1');
      expect(shown.querySelector('[data-sign-in-count="count"]')?.textContent?.trim()).toBe('1');
      const matched = shown.querySelectorAll('[data-sign-in-matched] tbody tr');
      expect(matched).toHaveLength(2);
      expect(matched[0].textContent).toContain('Amina Bennani');
      expect(matched[0].textContent).toContain("Ministère de l'Économie et des Finances");
      expect(matched[0].textContent).toContain('events.signIn.alreadyRegistered');
      expect(matched[1].textContent).toContain('events.signIn.toRegister');
      const unmatched = shown.querySelectorAll('[data-sign-in-unmatched] tbody tr');
      expect(unmatched).toHaveLength(1);
      expect(unmatched[0].textContent).toContain('etudiant@example.ma');
      expect(unmatched[0].textContent).toContain('events.audiences.students_researchers');
      expect(unmatched[0].textContent).toContain('events.signIn.toCount');

      (shown.querySelector('[data-sign-in-commit]') as HTMLButtonElement).click();
      const req = http.expectOne({ method: 'POST', url: '/api/v1/events/e-1/sign-in-sheet' });
      expect((req.request.body as FormData).get('version')).toBe('3');
      const after = eventDetail({
        version: 4,
        participantCount: 29,
        participants: [
          ...(eventDetail().participants ?? []),
          {
            id: 'p-3',
            appointmentId: 'a-3',
            role: 'GDD',
            institution: MEF,
            fullName: { fr: 'Salma Idrissi', ar: null },
          },
        ],
      });
      req.flush({ registered: 1, counted: 1, unchanged: 1, event: after } satisfies SignInSheetResult);
      await settle();
      expect(el.querySelector('[data-participant-count]')?.textContent?.trim()).toBe('29');
      expect(el.querySelectorAll('[data-participants] [data-participant]')).toHaveLength(3);
      expect(el.querySelector('[data-sign-in-done]')).not.toBeNull();
      expect(el.querySelector('[data-sign-in-preview-result]')).toBeNull();
    });

    it('blocks the import of a sheet with problems and lists them', async () => {
      const el = await render('COORDINATOR', eventDetail());
      (await choose(el)).flush(
        preview({
          issues: [{ row: 5, column: 'email', rule: 'isEmail', value: 'pas-un-email', message: 'E-mail invalide' }],
        }),
      );
      await settle();
      const issue = el.querySelector('[data-sign-in-preview-result] [data-sign-in-issue]') as HTMLElement;
      expect(issue.textContent).toContain('pas-un-email');
      expect(issue.textContent).toContain('E-mail invalide');
      expect((el.querySelector('[data-sign-in-commit]') as HTMLButtonElement).disabled).toBe(true);
    });

    it('reloads the event and asks for a new preview when it changed meanwhile', async () => {
      const el = await render('COORDINATOR', eventDetail());
      (await choose(el)).flush(preview());
      await settle();
      (el.querySelector('[data-sign-in-commit]') as HTMLButtonElement).click();
      http
        .expectOne({ method: 'POST', url: '/api/v1/events/e-1/sign-in-sheet' })
        .flush(
          { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Modifié', fields: [] },
          { status: 409, statusText: 'Conflict' },
        );
      tick();
      http.expectOne('/api/v1/events/e-1').flush(eventDetail({ version: 5 }));
      await settle();
      expect(el.querySelector('[data-sign-in-error]')?.textContent).toContain('events.signIn.conflict');
      expect(el.querySelector('[data-sign-in-preview-result]')).toBeNull();
      (el.querySelector('[data-sign-in-preview]') as HTMLButtonElement).click();
      http.expectOne('/api/v1/events/e-1/sign-in-sheet/preview').flush(preview());
      await settle();
      (el.querySelector('[data-sign-in-commit]') as HTMLButtonElement).click();
      const again = http.expectOne({ method: 'POST', url: '/api/v1/events/e-1/sign-in-sheet' });
      expect((again.request.body as FormData).get('version')).toBe('5');
      again.flush({ registered: 1, counted: 1, unchanged: 1, event: eventDetail({ version: 6 }) });
      await settle();
    });

    it('shows the problems the API found when it refuses the sheet', async () => {
      const el = await render('COORDINATOR', eventDetail());
      (await choose(el)).flush(preview());
      await settle();
      (el.querySelector('[data-sign-in-commit]') as HTMLButtonElement).click();
      http.expectOne({ method: 'POST', url: '/api/v1/events/e-1/sign-in-sheet' }).flush(
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Invalide',
          fields: [{ field: 'row 4.category', rule: 'isIn', message: 'Catégorie inconnue' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();
      expect(el.querySelector('[data-sign-in-error]')?.textContent).toContain('events.signIn.refused');
      const issue = el.querySelector('[data-sign-in-issue]') as HTMLElement;
      expect(issue.textContent).toContain('4');
      expect(issue.textContent).toContain('category');
      expect(issue.textContent).toContain('Catégorie inconnue');
    });
  });
});

describe('event rules', () => {
  it('reads only known filters from the URL', () => {
    expect(eventsQueryFrom({ type: 'hackathon', status: 'x', year: '1999', page: '3' })).toEqual({
      type: 'hackathon',
      page: 3,
      pageSize: 20,
    });
  });

  it('builds no request without a title, and leaves out the place of an online event', () => {
    const base = { ...emptyEventForm(), type: 'training' as const, startsOn: '2026-01-01', endsOn: '2026-01-01' };
    expect(eventRequest(base)).toBeNull();
    const online = eventRequest({
      ...base,
      titleAr: 'تكوين',
      format: 'online',
      placeCode: 'R04',
      onlineUrl: ' https://x.ma ',
    });
    expect(online).toMatchObject({ title: { ar: 'تكوين' }, placeCode: null, onlineUrl: 'https://x.ma' });
  });

  it('maps list items and the title to their controls', () => {
    expect(
      eventFieldsToControls([
        { field: 'activityCodes.1', rule: 'unknownActivity', message: 'm' },
        { field: 'title', rule: 'someLocale', message: 't' },
        { field: 'materials.0.url', rule: 'url', message: 'u' },
      ]).map((f) => f.field),
    ).toEqual(['activityCodes', 'titleFr', 'materials.0.url']);
  });

  it('sends only the counts that changed', () => {
    expect(countChanges(eventDetail(), { civil_servants: 25, media: 3, civil_society: null })).toEqual([
      { category: 'media', count: 3 },
    ]);
  });
  it('reads the API’s refusal of a sheet back into rows and columns', () => {
    expect(
      issuesFromFields([
        { field: 'row 12.email', rule: 'isEmail', message: 'm' },
        { field: 'file', rule: 'x', message: 'f' },
      ]),
    ).toEqual([
      { row: 12, column: 'email', rule: 'isEmail', value: '', message: 'm' },
      { row: 0, column: 'file', rule: 'x', value: '', message: 'f' },
    ]);
  });

  it('counts the feedback window from the first day to 60 days after the last, never for a cancelled event', () => {
    const e = { startsOn: '2026-03-10', endsOn: '2026-03-11', status: 'held' as const };
    expect(feedbackWindow(e, '2026-03-09')).toEqual({ state: 'notYet', closesOn: '2026-05-10' });
    expect(feedbackWindow(e, '2026-05-10').state).toBe('open');
    expect(feedbackWindow(e, '2026-05-11').state).toBe('closed');
    expect(feedbackWindow({ ...e, status: 'cancelled' }, '2026-03-10').state).toBe('cancelled');
  });
});
