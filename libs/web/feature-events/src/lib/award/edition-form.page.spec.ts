import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { AwardEditionDetail } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { session } from '../testing/event-fixtures';
import { answerWhenAsked, edition } from './award-fixtures';
import { editionFieldsToControls, editionProblems, emptyEditionForm, formFromEdition, weightsSum } from './award-rules';
import { casablancaToIso, isoToCasablanca } from './award-time';
import { AwardEditionFormPage } from './edition-form.page';

describe('AwardEditionFormPage', () => {
  let fixture: ComponentFixture<AwardEditionFormPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function render(detail: AwardEditionDetail | null): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [AwardEditionFormPage],
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
    http.expectOne('/api/v1/auth/session').flush(session('COORDINATOR'));
    await loading;
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(AwardEditionFormPage);
    if (detail) {
      fixture.componentRef.setInput('id', detail.id);
      await answerWhenAsked(fixture, http, `/api/v1/award/editions/${detail.id}`, detail);
    }
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function type(root: ParentNode, selector: string, value: string): void {
    const input = root.querySelector(selector) as HTMLInputElement;
    expect(input).not.toBeNull();
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function choose(trigger: HTMLElement, optionText: string): Promise<void> {
    (trigger.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await settle();
    const option = Array.from(document.querySelectorAll('mat-option')).find((o) =>
      o.textContent?.includes(optionText),
    ) as HTMLElement;
    expect(option).toBeDefined();
    option.click();
    await settle();
  }

  function sum(el: HTMLElement): string | null {
    return el.querySelector('[data-award-weights-sum]')?.getAttribute('data-sum') ?? null;
  }

  afterEach(() => http.verify());

  it('creates an edition once the weights add up to 100, with the deadline in Morocco time', async () => {
    const el = await render(null);
    type(el, '[formcontrolname="titleFr"]', ' Prix Imtiaz 2026 ');
    type(el, '[formcontrolname="year"]', '2026');
    type(el, '[data-award-date="callOpensOn"]', '01/03/2026');
    type(el, '[data-award-date="applicationsCloseAt"]', '2026-04-30T23:59');
    type(el, '[data-award-date="scoringOpensOn"]', '05/05/2026');
    type(el, '[data-award-date="scoringClosesAt"]', '2026-05-31T18:00');
    type(el, '[data-award-date="resultsOn"]', '15/06/2026');
    (el.querySelector('[data-award-type="ministry"]') as HTMLInputElement).click();
    (el.querySelector('[data-award-type="region"]') as HTMLInputElement).click();

    (el.querySelector('[data-award-add-automated]') as HTMLButtonElement).click();
    (el.querySelector('[data-award-add-jury]') as HTMLButtonElement).click();
    await settle();
    const rows = el.querySelectorAll('[data-award-criterion-row]');
    expect(rows).toHaveLength(2);
    await choose(
      rows[0].querySelector('[data-award-metric]')?.closest('mat-form-field') as HTMLElement,
      'award.metrics.freshness.name',
    );
    type(rows[0], '[formcontrolname="titleFr"]', 'Fraîcheur');
    type(rows[0], '[data-award-weight]', '60');
    type(rows[1], '[formcontrolname="titleAr"]', 'جودة المقاربة');
    type(rows[1], '[data-award-weight]', '30');
    await settle();
    expect(sum(el)).toBe('90');
    expect(el.querySelector('[data-award-weights-sum]')?.textContent).toContain('award.form.weightsMustBe100');

    // 90: refused before sending.
    (el.querySelector('[data-award-edition-save]') as HTMLButtonElement).click();
    await settle();
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-problem="award.form.weightsNot100"]')).not.toBeNull();

    type(rows[1], '[data-award-weight]', '40');
    await settle();
    expect(sum(el)).toBe('100');
    (el.querySelector('[data-award-edition-save]') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/award/editions' });
    expect(req.request.body).toEqual({
      year: 2026,
      title: { fr: 'Prix Imtiaz 2026' },
      callOpensOn: '2026-03-01',
      // 23:59 in Morocco (UTC+1) is 22:59 UTC.
      applicationsCloseAt: '2026-04-30T22:59:00.000Z',
      scoringOpensOn: '2026-05-05',
      scoringClosesAt: '2026-05-31T17:00:00.000Z',
      resultsOn: '2026-06-15',
      eligibleTypes: ['ministry', 'region'],
      criteria: [
        { kind: 'automated', metric: 'freshness', title: { fr: 'Fraîcheur' }, weight: 60 },
        { kind: 'jury', metric: null, title: { ar: 'جودة المقاربة' }, weight: 40 },
      ],
    });
    req.flush(edition({ id: 'ed-9' }));
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/', 'fr', 'award', 'ed-9']);
  });

  it('reorders and removes criteria, the sum following', async () => {
    const el = await render(edition({ phase: 'upcoming' }));
    expect(sum(el)).toBe('100');
    const titles = () =>
      [...el.querySelectorAll('[data-award-criterion-row] input[formcontrolname="titleFr"]')].map(
        (i) => (i as HTMLInputElement).value,
      );
    expect(titles()).toEqual(['Publication', 'Réutilisations', 'Qualité de la démarche']);
    (el.querySelectorAll('[data-award-move-down]')[0] as HTMLButtonElement).click();
    await settle();
    expect(titles()).toEqual(['Réutilisations', 'Publication', 'Qualité de la démarche']);
    (el.querySelectorAll('[data-award-criterion-remove]')[0] as HTMLButtonElement).click();
    await settle();
    expect(sum(el)).toBe('80');
  });

  it('sends the version it read; once the call is open, criteria are locked and not sent; 409 explained', async () => {
    const el = await render(edition({ phase: 'open', version: 7 }));
    expect(el.querySelector('[data-award-criteria-locked]')).not.toBeNull();
    expect(el.querySelector('[data-award-add-jury]')).toBeNull();
    expect((el.querySelector('[data-award-weight]') as HTMLInputElement).disabled).toBe(true);
    expect((el.querySelector('[data-award-date="applicationsCloseAt"]') as HTMLInputElement).value).toBe(
      '2099-04-30T23:59',
    );
    // Days are shown as written in Morocco and France (dd/MM/yyyy), and sent back as ISO days.
    expect((el.querySelector('[data-award-date="callOpensOn"]') as HTMLInputElement).value).toBe('01/03/2025');
    expect((el.querySelector('[data-award-date="resultsOn"]') as HTMLInputElement).value).toBe('15/06/2099');
    type(el, '[formcontrolname="titleFr"]', 'Nouveau titre');
    (el.querySelector('[data-award-edition-save]') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/award/editions/ed-1' });
    expect(req.request.body.version).toBe(7);
    expect(req.request.body.title).toEqual({ ar: 'جائزة امتياز 2025 – المعطيات المفتوحة', fr: 'Nouveau titre' });
    expect('criteria' in req.request.body).toBe(false);
    expect(req.request.body).toMatchObject({
      callOpensOn: '2025-03-01',
      scoringOpensOn: '2099-05-05',
      resultsOn: '2099-06-15',
    });
    req.flush(
      { statusCode: 409, code: 'AWARD_PHASE_CONFLICT', message: 'Phase' },
      { status: 409, statusText: 'Conflict' },
    );
    await answerWhenAsked(fixture, http, '/api/v1/award/editions/ed-1', edition({ phase: 'open', version: 8 }));
    await settle();
    expect(el.querySelector('[data-award-alert]')?.textContent).toContain('award.form.phaseConflict');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('refuses a day that does not exist, with an error under the field', async () => {
    const el = await render(edition({ phase: 'upcoming' }));
    type(el, '[data-award-date="scoringOpensOn"]', '31/02/2099');
    (el.querySelector('[data-award-edition-save]') as HTMLButtonElement).click();
    await settle();
    http.expectNone({ method: 'PATCH' });
    const field = el.querySelector('[data-award-date="scoringOpensOn"]')?.closest('mat-form-field') as HTMLElement;
    expect(field.classList).toContain('mat-form-field-invalid');
    expect(field.querySelector('mat-error msd-field-error')?.textContent?.trim()).toBeTruthy();

    type(el, '[data-award-date="scoringOpensOn"]', '6/5/2099');
    (el.querySelector('[data-award-edition-save]') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/award/editions/ed-1' });
    expect(req.request.body.scoringOpensOn).toBe('2099-05-06');
    req.flush(edition({ phase: 'upcoming', scoringOpensOn: '2099-05-06' }));
    await settle();
  });

  it('puts the API’s field errors on the criteria they concern', async () => {
    const el = await render(edition({ phase: 'upcoming' }));
    (el.querySelector('[data-award-edition-save]') as HTMLButtonElement).click();
    await settle();
    http.expectOne({ method: 'PATCH', url: '/api/v1/award/editions/ed-1' }).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalide',
        fields: [{ field: 'criteria.1.weight', rule: 'weightsSum', message: 'Les poids doivent totaliser 100' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const second = el.querySelectorAll('[data-award-criterion-row]')[1] as HTMLElement;
    expect(second.textContent).toContain('Les poids doivent totaliser 100');
  });
});

describe('edition rules', () => {
  it('adds the weights, blanks counting 0', () => {
    expect(weightsSum([{ weight: 33.3 }, { weight: 33.3 }, { weight: 33.4 }])).toBe(100);
    expect(weightsSum([{ weight: null }, { weight: 50 }])).toBe(50);
  });

  it('lists what is missing before sending', () => {
    expect(editionProblems(emptyEditionForm())).toEqual([
      'award.form.titleRequired',
      'award.form.typesRequired',
      'award.form.criteriaRequired',
    ]);
    const value = formFromEdition(edition());
    expect(editionProblems(value)).toEqual([]);
    expect(editionProblems({ ...value, resultsOn: '2025-01-01' })).toEqual(['award.form.datesOrder']);
  });

  it('reads and writes Morocco’s wall clock', () => {
    expect(casablancaToIso('2026-04-30T23:59')).toBe('2026-04-30T22:59:00.000Z');
    expect(isoToCasablanca('2026-04-30T22:59:00.000Z')).toBe('2026-04-30T23:59');
  });

  it('maps criteria field paths onto the rows', () => {
    expect(
      editionFieldsToControls([
        { field: 'criteria.2.title.ar', rule: 'r', message: 'm' },
        { field: 'criteria.0.title', rule: 'r', message: 'm' },
        { field: 'eligibleTypes.1', rule: 'r', message: 'm' },
        { field: 'title.ar', rule: 'r', message: 'm' },
      ]).map((f) => f.field),
    ).toEqual(['criteria.2.titleAr', 'criteria.0.titleFr', 'eligibleTypes', 'titleAr']);
  });
});
