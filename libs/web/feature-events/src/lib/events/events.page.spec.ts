import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { EventSummary, PlanDetail, Role, SessionView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { ADD, eventDetail, eventSummary, institution, page, session } from '../testing/event-fixtures';
import { EventsPage } from './events.page';

const SIGNED_OUT: SessionView = { user: null, csrfToken: null, expiresAt: null };

const PLAN = {
  code: 'PANDO-2021',
  measures: [
    {
      id: 'm-8',
      number: 8,
      title: { fr: 'Former les ROD', ar: 'تكوين' },
      activities: [{ id: 'a-81', code: '8.1', title: { fr: 'Former', ar: 'تكوين' } }],
    },
  ],
} as unknown as PlanDetail;

describe('EventsPage', () => {
  let fixture: ComponentFixture<EventsPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function render(
    who: Role | null,
    query: Record<string, string> = {},
    items: EventSummary[] = [
      eventSummary(),
      eventSummary({
        id: 'e-2',
        type: 'hackathon',
        measureNumber: 12,
        title: { ar: 'هاكاثون المعطيات' },
        format: 'online',
        place: null,
        onlineUrl: 'https://meet.example.ma/h',
        status: 'planned',
        participantCount: 0,
      }),
    ],
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [EventsPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(who ? session(who) : SIGNED_OUT);
    await loading;
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(EventsPage);
    for (const [k, v] of Object.entries(query)) fixture.componentRef.setInput(k, v);
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/v1/events').flush(page(items));
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function type(el: HTMLElement, selector: string, value: string): void {
    const input = el.querySelector(selector) as HTMLInputElement;
    expect(input).not.toBeNull();
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function choose(el: HTMLElement, selectHook: string, optionText: string): Promise<void> {
    const trigger = el.querySelector(`${selectHook} .mat-mdc-select-trigger`) as HTMLElement;
    trigger.click();
    await settle();
    const option = Array.from(document.querySelectorAll('mat-option')).find((o) =>
      o.textContent?.includes(optionText),
    ) as HTMLElement;
    expect(option).toBeDefined();
    option.click();
    await settle();
  }

  /** Opens the form; it asks for the plan's activities, pending until answered. */
  async function openForm(el: HTMLElement): Promise<void> {
    (el.querySelector('[data-new-event]') as HTMLButtonElement).click();
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/v1/plans/PANDO-2021').flush(PLAN);
    await settle();
  }

  afterEach(() => http.verify());

  it('lists the events with their facts, each linked to its page, and no recording button for the public', async () => {
    const el = await render(null);
    const items = el.querySelectorAll('[data-event]');
    expect(items).toHaveLength(2);
    expect(items[0].getAttribute('data-event-id')).toBe('e-1');
    const first = items[0] as HTMLElement;
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/fr/events/e-1');
    expect(first.textContent).toContain('Formation des ROD à la publication');
    expect(first.textContent).toContain('events.types.training');
    expect(first.querySelector('[data-status]')?.getAttribute('data-status')).toBe('held');
    expect(first.textContent).toContain('Région Rabat-Salé-Kénitra');
    expect(first.textContent).toContain('events.organisedBy');
    // A title only in Arabic is shown in Arabic, marked as such.
    const second = items[1] as HTMLElement;
    expect(second.querySelector('a')?.textContent?.trim()).toBe('هاكاثون المعطيات');
    expect(second.querySelector('a')?.getAttribute('lang')).toBe('ar');
    expect(el.querySelector('[data-new-event]')).toBeNull();
  });

  it('offers the recording button only to those who may manage events', async () => {
    const officer = await render('OFFICER');
    expect(officer.querySelector('[data-new-event]')).toBeNull();
    TestBed.resetTestingModule();
    const coordinator = await render('COORDINATOR');
    expect(coordinator.querySelector('[data-new-event]')).not.toBeNull();
  });

  it('asks the API with the filters of the URL, and puts a new filter in the URL', async () => {
    TestBed.configureTestingModule({
      imports: [EventsPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService()],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(SIGNED_OUT);
    await loading;
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(EventsPage);
    fixture.componentRef.setInput('type', 'workshop');
    fixture.componentRef.setInput('year', '2026');
    fixture.componentRef.setInput('status', 'nonsense');
    fixture.detectChanges();
    TestBed.tick();
    const req = http.expectOne((r) => r.url === '/api/v1/events');
    expect(req.request.params.get('type')).toBe('workshop');
    expect(req.request.params.get('year')).toBe('2026');
    expect(req.request.params.has('status')).toBe(false);
    req.flush(page([]));
    await settle();
    const el = fixture.nativeElement as HTMLElement;
    // Filtered and empty: say so, and offer to clear.
    expect(el.querySelector('[data-events-empty]')?.textContent).toContain('events.emptyFilteredTitle');

    await choose(el, '[data-filter="status"]', 'events.statuses.held');
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { status: 'held', page: null }, queryParamsHandling: 'merge' }),
    );
  });

  it('explains what events are when none is recorded', async () => {
    const el = await render(null, {}, []);
    const empty = el.querySelector('[data-events-empty]') as HTMLElement;
    expect(empty.textContent).toContain('events.emptyTitle');
    expect(empty.textContent).toContain('events.emptyMessage');
  });

  it('records an event from the form and opens its page', async () => {
    const el = await render('COORDINATOR');
    await openForm(el);
    await settle();
    expect(el.querySelector('[data-new-event]')).toBeNull();

    // Nothing is sent while the type, a title and the dates are missing.
    (el.querySelector('[data-event-submit]') as HTMLButtonElement).click();
    await settle();
    expect(el.querySelector('[data-missing-title]')).not.toBeNull();
    http.expectNone((r) => r.method === 'POST');

    await choose(el, '[data-event-type]', 'events.types.workshop');
    type(el, '[formcontrolname="titleFr"]', '  Atelier sur les licences  ');
    type(el, '[formcontrolname="startsOn"]', '2026-05-04');
    type(el, '[formcontrolname="endsOn"]', '2026-05-05');
    await choose(el, '[data-event-format]', 'events.formats.hybrid');
    type(el, '[formcontrolname="onlineUrl"]', 'https://meet.example.ma/atelier');
    type(el, '[formcontrolname="capacity"]', '30');
    type(el, '[data-partner-input]', 'Banque mondiale');
    (el.querySelector('[data-add-partner]') as HTMLButtonElement).click();
    await settle();
    (el.querySelector('[data-add-material]') as HTMLButtonElement).click();
    await settle();
    type(el, '[data-material="0"] [formcontrolname="title"]', 'Programme');
    type(el, '[data-material="0"] [formcontrolname="url"]', 'https://example.ma/programme.pdf');
    await choose(el, '[data-event-audiences]', 'events.audiences.civil_servants');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle();

    // The organiser, from the registry.
    type(el, '[data-institution-picker="organiser"]', 'Agence');
    (el.querySelector('[data-institution-picker="organiser"]') as HTMLInputElement).dispatchEvent(new Event('focusin'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    http
      .expectOne((r) => r.url === '/api/v1/institutions' && r.params.get('q') === 'Agence')
      .flush(page([institution(ADD)]));
    await settle();
    (document.querySelector('mat-option[data-option="ADD"]') as HTMLElement).click();
    await settle();

    (el.querySelector('[data-event-submit]') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/events' });
    expect(req.request.body).toEqual({
      type: 'workshop',
      title: { fr: 'Atelier sur les licences' },
      startsOn: '2026-05-04',
      endsOn: '2026-05-05',
      format: 'hybrid',
      placeCode: null,
      onlineUrl: 'https://meet.example.ma/atelier',
      organiserCode: 'ADD',
      partners: ['Banque mondiale'],
      audiences: ['civil_servants'],
      capacity: 30,
      status: 'planned',
      materials: [{ title: 'Programme', url: 'https://example.ma/programme.pdf' }],
      activityCodes: [],
    });
    req.flush(eventDetail({ id: 'e-9' }), { status: 201, statusText: 'Created' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/', 'fr', 'events', 'e-9']);
  });

  it('puts the API’s rule messages on the fields they concern', async () => {
    const el = await render('COORDINATOR');
    await openForm(el);
    await choose(el, '[data-event-type]', 'events.types.training');
    type(el, '[formcontrolname="titleAr"]', 'تكوين');
    type(el, '[formcontrolname="startsOn"]', '2026-05-04');
    type(el, '[formcontrolname="endsOn"]', '2026-05-04');
    (el.querySelector('[data-event-submit]') as HTMLButtonElement).click();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/events' }).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalide',
        fields: [
          { field: 'endsOn', rule: 'min', message: 'La fin précède le début' },
          { field: 'placeCode', rule: 'placeNotDivision', message: 'Choisissez une région, province ou commune' },
          { field: 'activityCodes.0', rule: 'unknownActivity', message: 'Activité inconnue' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const form = el.querySelector('[data-event-form]') as HTMLElement;
    expect(form.textContent).toContain('La fin précède le début');
    expect(form.textContent).toContain('Choisissez une région, province ou commune');
    expect(form.textContent).toContain('Activité inconnue');
    expect(navigate).not.toHaveBeenCalled();
  });
});
