import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockState, TestBed, type ComponentFixture } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { BarChart } from '@marsad/web/ui/chart';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import type { BlockerCategory, PlanBlockers, PlanHistory } from '@marsad/contracts';
import { history, measure, plan } from '../testing/fixtures';
import { PlanOverviewPage } from './plan-overview.page';

describe('PlanOverviewPage', () => {
  let fixture: ComponentFixture<PlanOverviewPage>;
  let http: HttpTestingController;

  beforeAll(() => {
    // jsdom has no canvas: the chart wrapper then skips drawing.
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });

  async function render(
    inputs: Record<string, string> = {},
    trend: PlanHistory = history([10, 12.5, 20]),
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [PlanOverviewPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('fr', {
      filters: { emptyTitle: 'Aucune activité ne correspond à ces filtres', clear: 'Effacer les filtres' },
      status: { delayed: 'Retard signalé' },
      lateness: { daysLate: 'En retard de {{days}} jour(s)' },
      overview: {
        figuresOn: 'Chiffres au {{date}}',
        printedOn: 'Imprimé le {{printed}} · chiffres au {{asOf}}',
        chart: { progressSeries: 'Avancement' },
      },
      trend: { summary: 'De {{start}} le {{from}} à {{end}} le {{to}} ({{change}} points).' },
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PlanOverviewPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/v1/plans/PANDO-2021/blockers').flush(blockers);
    http.expectOne('/api/v1/plans/PANDO-2021/history').flush(trend);
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  const counts = { legal: 0, technical: 0, human_resources: 0, budget: 1, data_quality: 0, coordination: 0, other: 0 };
  let blockers: PlanBlockers = {
    byCategory: Object.entries(counts).map(([category, activities]) => ({
      category: category as BlockerCategory,
      activities,
    })),
    byMeasure: [{ measureNumber: 2, title: { ar: 'ب', fr: 'B', en: 'B' }, counts, total: 1 }],
    items: [
      {
        activityId: 'a-1',
        activityCode: '2.1',
        measureNumber: 2,
        category: 'budget',
        text: 'Crédits tardifs',
        reportedOn: '2026-11-20',
      },
    ],
    provenance: { source: 'validated', asOf: '2026-11-20T10:00:00.000Z', by: null },
  };

  it('shows what holds the plan back, from validated reports, with where the figures come from', async () => {
    const el = await render();
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan());
    await fixture.whenStable();
    fixture.detectChanges();
    const card = el.querySelector('[data-blockers]') as HTMLElement;
    expect(card.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(card.textContent).toContain('Crédits tardifs');
    expect(card.querySelector('msd-provenance')).not.toBeNull();
  });

  it('says so when no blocker stands', async () => {
    const saved = blockers;
    blockers = {
      ...blockers,
      items: [],
      byMeasure: [],
      byCategory: blockers.byCategory.map((c) => ({ ...c, activities: 0 })),
    };
    const el = await render();
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan());
    await fixture.whenStable();
    fixture.detectChanges();
    blockers = saved;
    expect(el.querySelector('[data-blockers]')?.textContent).toContain('overview.blockers.none');
  });

  it('asks the API for the plan and renders each measure with its number, title, lead and status', async () => {
    const el = await render();
    const req = http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021');
    expect(req.request.params.keys()).toEqual([]);
    req.flush(plan());
    await fixture.whenStable();

    const cards = Array.from(el.querySelectorAll('.measure-card'));
    expect(cards).toHaveLength(2);
    expect(cards[0].querySelector('.measure-card__number')?.textContent?.trim()).toBe('1');
    expect(cards[0].querySelector('.measure-card__title a')?.textContent?.trim()).toBe('Mesure numéro 1');
    expect(cards[0].querySelector('.measure-card__title a')?.getAttribute('href')).toBe('/fr/measures/m-1');
    expect(cards[1].querySelector('.measure-card__title a')?.textContent?.trim()).toBe('Moderniser le portail');
    expect(cards[1].textContent).toContain('Agence de Développement du Digital');
    expect(cards[1].querySelector('msd-status-chip')?.textContent).toContain('Retard signalé');
    // Overall figure, formatted for fr-MA, and the demo banner.
    expect(el.querySelector('.overview__big')?.textContent?.replace(/\s/g, '')).toBe('42,5%');
    // …written as the progress bar beside it writes it (fr: a no-break space before the sign).
    expect(el.querySelector('.overview__big')?.textContent?.trim()).toMatch(/^42,5[\u00a0\u202f]%$/);
    expect(el.querySelector('msd-demo-badge')).not.toBeNull();
    // The chart's figures are also available as a table.
    expect(el.querySelectorAll('.overview__figures tbody tr')).toHaveLength(2);
  });

  it('shows the plan’s progress over time with its table, the day of the figures, and how late a measure is', async () => {
    const el = await render();
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan());
    await fixture.whenStable();
    fixture.detectChanges();
    const trend = el.querySelector('[data-plan-trend]') as HTMLElement;
    expect(trend.querySelector('msd-line-chart')).not.toBeNull();
    expect(trend.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(trend.querySelector('[data-trend-summary]')?.textContent).toContain('(+10 points)');
    // The figures in the locale's percent format, not a "%" typed after them.
    expect(trend.querySelector('[data-trend-summary]')?.textContent).toMatch(
      /De 10[\u00a0\u202f]% le .* à 20[\u00a0\u202f]% le/,
    );
    expect(el.querySelector('[data-figures-on]')?.textContent).toContain('Chiffres au 4 décembre 2026');
    const cards = Array.from(el.querySelectorAll('.measure-card'));
    expect(cards[0].querySelector('[data-late-by]')).toBeNull();
    expect(cards[1].querySelector('[data-late-by]')?.textContent).toContain('En retard de 45 jour(s)');
  });

  it('charts each measure’s progress (0–100 %), named in the tooltip and the table, right to left in Arabic', async () => {
    const el = await render();
    http
      .expectOne((r) => r.url === '/api/v1/plans/PANDO-2021')
      .flush(plan({ measures: [measure(2, { progress: null }), measure(1, { progress: 59.3 })] }));
    await fixture.whenStable();
    fixture.detectChanges();

    const chart = fixture.debugElement.query(By.directive(BarChart)).componentInstance as BarChart;
    expect(chart.series()).toEqual([expect.objectContaining({ label: 'Avancement', data: [59.3, null] })]);
    type Callbacks = {
      title: (items: { dataIndex: number }[]) => string;
      label: (item: { dataset: { label: string }; raw: number }) => string;
    };
    const fr = chart.config();
    expect(fr.options?.scales?.['x']).toEqual(expect.objectContaining({ min: 0, max: 100, reverse: false }));
    const tooltip = fr.options?.plugins?.tooltip?.callbacks as unknown as Callbacks;
    expect(tooltip.title([{ dataIndex: 0 }])).toBe('1. Mesure numéro 1');
    expect(tooltip.label({ dataset: { label: 'Avancement' }, raw: 59.3 })).toMatch(/^Avancement: 59,3[\u00a0\u202f]%$/);

    // The table says the same, measure by measure, with the titles.
    const rows = Array.from(el.querySelectorAll('[data-measure-progress-chart] tbody tr'));
    expect(rows.map((r) => r.getAttribute('data-measure-progress'))).toEqual(['1', '2']);
    expect(rows[0].querySelector('th')?.textContent).toContain('Mesure numéro 1');
    expect(rows[0].querySelector('td')?.textContent?.trim()).toMatch(/^59,3[\u00a0\u202f]%$/);
    expect(rows[1].querySelector('td')?.textContent?.trim()).toBe('common.none');

    TestBed.inject(LocaleService).use('ar');
    fixture.detectChanges();
    await fixture.whenStable();
    const ar = chart.config();
    expect(ar.options?.scales?.['x']).toEqual(expect.objectContaining({ reverse: true, max: 100 }));
    expect(ar.options?.scales?.['y']).toEqual(expect.objectContaining({ position: 'right' }));
    expect((ar.options?.plugins?.tooltip?.callbacks as unknown as Callbacks).title([{ dataIndex: 0 }])).toBe(
      '1. الإجراء رقم 1',
    );
  });

  it('keeps the status counts on paper and prints when it was printed and the day of the figures', async () => {
    const el = await render();
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan());
    await fixture.whenStable();
    fixture.detectChanges();

    // The counts are plain buttons (filters), not Material action buttons, which print leaves out.
    const counts = Array.from(el.querySelectorAll('[data-status-count]'));
    expect(counts).toHaveLength(5);
    expect(counts.some((c) => c.querySelector('.mat-mdc-button-base'))).toBe(false);
    expect(counts[0].querySelector('.overview__count')?.textContent?.trim()).toBe('5');

    const line = el.querySelector('[data-print-date]') as HTMLElement;
    expect(line.classList).toContain('msd-print-only');
    expect(line.textContent).toContain('chiffres au 4 décembre 2026');
    expect(line.textContent).toMatch(/Imprimé le \d{1,2} \S+ \d{4}/);

    // Printing later: the time is taken again as the browser starts printing.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
    try {
      jest.setSystemTime(new Date('2027-01-15T10:00:00Z'));
      window.dispatchEvent(new Event('beforeprint'));
      fixture.detectChanges();
      expect(line.textContent).toContain('Imprimé le 15 janvier 2027');
    } finally {
      jest.useRealTimers();
    }
  });

  it('says the history is too short instead of drawing one point', async () => {
    const el = await render({}, history([42.5]));
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan());
    await fixture.whenStable();
    fixture.detectChanges();
    const trend = el.querySelector('[data-plan-trend]') as HTMLElement;
    expect(trend.querySelector('msd-line-chart')).toBeNull();
    expect(trend.querySelector('[data-trend-empty]')?.textContent).toContain('trend.empty');
  });

  it('sends the filters from the query string to the API', async () => {
    await render({
      status: 'delayed',
      health: 'late',
      lead: 'ADD',
      institution: 'HCP',
      involvement: 'contributor',
      dueBefore: '2022-12-31',
    });
    const req = http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021');
    expect(req.request.params.get('status')).toBe('delayed');
    expect(req.request.params.get('health')).toBe('late');
    expect(req.request.params.get('lead')).toBe('ADD');
    expect(req.request.params.get('institution')).toBe('HCP');
    expect(req.request.params.get('involvement')).toBe('contributor');
    expect(req.request.params.get('dueBefore')).toBe('2022-12-31');
    req.flush(plan({ measures: [measure(2)] }));
    await fixture.whenStable();
  });

  it('brings the due-date field (Material’s datepicker) when the filters come into view, not with the page', async () => {
    const el = await render();
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan());
    await fixture.whenStable();
    fixture.detectChanges();
    const filters = el.querySelector('.overview__filters') as HTMLElement;
    expect(filters.querySelector('msd-due-before-field')).toBeNull();
    expect(filters.querySelector('.overview__field-placeholder')).not.toBeNull();

    // Scrolled into view (jsdom lays nothing out: the test completes the @defer block).
    const [block] = await fixture.getDeferBlocks();
    await block.render(DeferBlockState.Complete);
    const input = filters.querySelector('msd-due-before-field input') as HTMLInputElement;
    expect(input.classList).toContain('mat-datepicker-input');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    input.value = '31/12/2022';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { dueBefore: '2022-12-31' }, queryParamsHandling: 'merge' }),
    );
  });

  it('shows the due date of a link at once, in the page’s format', async () => {
    const el = await render({ dueBefore: '2026-12-03' });
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan());
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve)); // the datepicker arrives (import())
    await fixture.whenStable();
    const input = el.querySelector('msd-due-before-field input') as HTMLInputElement;
    expect(input.value).toBe('03/12/2026');
  });

  it('ignores malformed filter values', async () => {
    await render({ status: 'exploded', dueBefore: 'tomorrow' });
    const req = http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021');
    expect(req.request.params.keys()).toEqual([]);
    req.flush(plan());
    await fixture.whenStable();
  });

  it('shows an empty state that clears the filters when nothing matches', async () => {
    const el = await render({ status: 'cancelled' });
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan({ measures: [] }));
    await fixture.whenStable();

    const empty = el.querySelector('msd-empty-state');
    expect(empty?.textContent).toContain('Aucune activité ne correspond à ces filtres');
    expect(el.querySelectorAll('.measure-card')).toHaveLength(0);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (empty?.querySelector('button') as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: {} }));
  });

  it('shows the translated error code when the API fails', async () => {
    const el = await render();
    http
      .expectOne((r) => r.url === '/api/v1/plans/PANDO-2021')
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'x', fields: [], requestId: 'r' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expect(el.querySelector('.msd-error')?.textContent).toContain('errors.NOT_FOUND');
  });
});
