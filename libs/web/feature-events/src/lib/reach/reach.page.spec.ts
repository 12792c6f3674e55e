import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import type { ReachView, Role } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { EMPTY_REACH, REACH, sessionFor } from './reach-fixtures';
import { overallSatisfaction, ReachPage } from './reach.page';

const EMPTY_SATISFACTION = { responses: 0, overall: null, content: null, organisation: null };

describe('ReachPage', () => {
  let fixture: ComponentFixture<ReachPage>;
  let http: HttpTestingController;
  let el: HTMLElement;
  const snackBar = { open: jest.fn() };

  beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
  afterEach(() => http.verify());

  async function render(view: ReachView, role: Role | null = null): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ReachPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    TestBed.inject(TranslateService).setTranslation('fr', {
      events: {
        satisfaction: {
          outOf: '{{value}} / 5',
          responses: '{{count}} réponse(s)',
          reachSummary: 'Note moyenne {{value}} / 5 ({{responses}} réponses).',
        },
      },
      reach: {
        outOf: '{{count}} sur {{total}}',
        targets: { states: { onTrack: 'Dans les temps : encore {{remaining}}', met: 'Atteint' } },
      },
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    if (role) {
      const loading = TestBed.inject(SessionService).load();
      http.expectOne('/api/v1/auth/session').flush(sessionFor(role));
      await loading;
    }
    fixture = TestBed.createComponent(ReachPage);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne({ method: 'GET', url: '/api/v1/reach' }).flush(view);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows the shares, a null share as "—" (never 0 %), and where the figures come from', async () => {
    await render(REACH);
    expect(text('[data-reach-share="rod"]')).toBe('42,5 %');
    expect(text('[data-reach-share="gdd"]')).toBe('—');
    expect(el.querySelector('[data-reach-share="gdd"]')?.parentElement?.textContent).toContain('reach.noGddInOffice');
    expect(el.querySelector('[data-reach-source]')?.textContent).toContain('reach.source');

    // By type, in the registry's order, each share with its count; "—" where nobody is in office.
    const byType = el.querySelector('[data-reach-by-type]') as HTMLElement;
    expect([...byType.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-row'))).toEqual([
      'ministry',
      'public_institution',
    ]);
    expect(byType.querySelector('[data-row="ministry"] [data-share="rod"]')?.textContent).toContain('15 sur 30');
    expect(byType.querySelector('[data-row="ministry"] [data-share="gdd"] .reach-none')?.textContent).toBe('—');
    expect(byType.querySelector('msd-bar-chart')).not.toBeNull();
    expect(byType.querySelector('[data-summary]')).not.toBeNull();
    expect(byType.textContent).toContain('reach.noShareNote');
    expect(el.querySelectorAll('[data-reach-by-region] tbody tr').length).toBe(2);

    const never = el.querySelector('[data-never-reached]') as HTMLElement;
    expect(never.getAttribute('data-never-reached')).toBe('137');
    expect(never.querySelector('[data-never-reached-total]')?.textContent?.trim()).toBe('137');
    expect(never.querySelector('a')?.getAttribute('href')).toBe('/fr/institutions/MEF');
    expect(never.querySelector('a')?.textContent).toBe("Ministère de l'Économie et des Finances");

    // Quarters oldest first, one column per category counted, with the total.
    const quarters = el.querySelector('[data-reach-quarters]') as HTMLElement;
    expect(quarters.querySelector('msd-bar-chart')).not.toBeNull();
    expect([...quarters.querySelectorAll('tbody tr')].map((r) => r.lastElementChild?.textContent?.trim())).toEqual([
      '5',
      '42',
    ]);
    expect(quarters.querySelectorAll('thead th').length).toBe(4);

    // Targets: "12 sur 20" and on track for an even pace in July; the public sees no form.
    const targets = el.querySelector('[data-reach-targets]') as HTMLElement;
    const training = targets.querySelector(
      '[data-target-year-table="2026"] [data-target-row="training"]',
    ) as HTMLElement;
    expect(training.querySelector('[data-target-cell="events"] [data-progress]')?.textContent?.trim()).toBe(
      '12 sur 20',
    );
    expect(training.querySelector('[data-target-cell="events"] [data-target-state]')?.textContent?.trim()).toBe(
      'Dans les temps : encore 8',
    );
    expect(
      training
        .querySelector('[data-target-cell="participants"] [data-target-state]')
        ?.getAttribute('data-target-state'),
    ).toBe('none');
    expect(
      targets
        .querySelector('[data-target-year-table="2025"] [data-target-cell="events"] [data-target-state]')
        ?.textContent?.trim(),
    ).toBe('Atteint');
    expect(el.querySelector('[data-edit-targets]')).toBeNull();
    expect(el.querySelector('[data-save-targets]')).toBeNull();
  });

  it('shows the participants’ satisfaction per event type, and overall in the summary', async () => {
    await render(REACH);
    const events = el.querySelector('[data-reach-events]') as HTMLElement;
    expect(events.querySelectorAll('thead th')).toHaveLength(5);
    const training = events.querySelector('[data-row="training"] [data-satisfaction]') as HTMLElement;
    expect(training.textContent?.replace(/\s+/g, ' ')).toContain('4,3 / 5');
    expect(training.textContent).toContain('25 réponse(s)');
    // No answer yet: "—", never 0.
    expect(events.querySelector('[data-row="workshop"] [data-satisfaction] .reach-none')?.textContent?.trim()).toBe(
      '—',
    );
    expect(text('[data-satisfaction-summary]')).toBe('Note moyenne 4,3 / 5 (25 réponses).');
  });

  it('weighs each type’s average by its responses for the overall satisfaction', () => {
    const row = (responses: number, overall: number | null) => ({
      satisfaction: { responses, overall, content: null, organisation: null },
    });
    expect(overallSatisfaction([row(30, 4), row(10, 2), row(0, null)])).toEqual({ average: 3.5, responses: 40 });
    expect(overallSatisfaction([row(0, null)])).toBeNull();
  });

  it('says when no participant has given feedback yet', async () => {
    await render({
      ...REACH,
      eventsByType: REACH.eventsByType.map((e) => ({ ...e, satisfaction: EMPTY_SATISFACTION })),
    });
    expect(text('[data-satisfaction-summary]')).toBe('events.satisfaction.reachNone');
  });

  it('explains that coordinators record events on the events page when nothing is recorded', async () => {
    await render(EMPTY_REACH);
    const empty = el.querySelector('msd-empty-state') as HTMLElement;
    expect(empty.textContent).toContain('reach.empty.message');
    expect(empty.querySelector('a')?.getAttribute('href')).toBe('/fr/events');
    expect(el.querySelector('[data-reach-share]')).toBeNull();
    expect(el.querySelector('[data-reach-targets]')?.textContent).toContain('reach.targets.none');
  });

  it('hides the targets form from readers without event:manage', async () => {
    await render(REACH, 'COMMITTEE');
    expect(el.querySelector('[data-edit-targets]')).toBeNull();
  });

  it('lets a coordinator set a year’s targets, blank meaning none, and shows the new figures', async () => {
    await render(REACH, 'COORDINATOR');
    const form = el.querySelector('[data-edit-targets]') as HTMLFormElement;
    expect(form).not.toBeNull();
    const year = form.querySelector('[data-target-year]') as HTMLSelectElement;
    expect(year.options[year.selectedIndex].textContent?.trim()).toBe('2026');
    const events = (type: string) => form.querySelector(`[data-target-events="${type}"]`) as HTMLInputElement;
    const participants = (type: string) =>
      form.querySelector(`[data-target-participants="${type}"]`) as HTMLInputElement;
    // Filled from the targets already set for 2026.
    expect(events('training').value).toBe('20');
    expect(participants('training').value).toBe('');

    participants('training').value = '300';
    participants('training').dispatchEvent(new Event('input'));
    events('hackathon').value = '2';
    events('hackathon').dispatchEvent(new Event('input'));
    await settle();
    (form.querySelector('[data-save-targets]') as HTMLButtonElement).click();

    const req = http.expectOne({ method: 'PUT', url: '/api/v1/reach/targets' });
    expect(req.request.body).toEqual({
      targets: [
        { year: 2026, type: 'workshop', events: null, participants: null },
        { year: 2026, type: 'training', events: 20, participants: 300 },
        { year: 2026, type: 'promotion', events: null, participants: null },
        { year: 2026, type: 'hackathon', events: 2, participants: null },
        { year: 2026, type: 'other', events: null, participants: null },
      ],
    });
    req.flush({
      ...REACH,
      targets: [
        ...REACH.targets.filter((t) => t.year !== 2026),
        { year: 2026, type: 'training', events: { target: 20, actual: 12 }, participants: { target: 300, actual: 40 } },
        { year: 2026, type: 'hackathon', events: { target: 2, actual: 0 }, participants: { target: null, actual: 0 } },
      ],
    } satisfies ReachView);
    await settle();
    expect(snackBar.open).toHaveBeenCalled();
    expect(el.querySelector('[data-target-year-table="2026"] [data-target-row="hackathon"]')).not.toBeNull();
    expect(participants('training').value).toBe('300');
  });

  it('puts the API’s field errors on their fields', async () => {
    await render(REACH, 'COORDINATOR');
    const form = el.querySelector('[data-edit-targets]') as HTMLFormElement;
    (form.querySelector('[data-save-targets]') as HTMLButtonElement).click();
    http.expectOne({ method: 'PUT', url: '/api/v1/reach/targets' }).flush(
      {
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        fields: [
          { field: 'targets.1.events', rule: 'max', message: 'Trop grand' },
          { field: 'targets.0.year', rule: 'min', message: 'Année invalide' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const training = form.querySelector('[data-target-type="training"]') as HTMLElement;
    expect(training.querySelector('mat-error')?.textContent).toContain('Trop grand');
    expect(form.querySelector('.reach-form__year mat-error')?.textContent).toContain('Année invalide');
  });
});
