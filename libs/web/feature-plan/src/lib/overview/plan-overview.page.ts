import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ACTIVITY_STATUSES,
  HEALTHS,
  INVOLVEMENTS,
  pickText,
  type InstitutionRef,
  type Involvement,
} from '@marsad/contracts';
import {
  apiResource,
  DEFAULT_PLAN_CODE,
  DocumentTitleService,
  LocaleService,
  OpenDataApi,
  PlanApi,
} from '@marsad/web/data-access';
import { BarChart, type BarSeries } from '@marsad/web/ui/chart';
import {
  BLOCKER_LABEL_KEYS,
  DemoBadge,
  EmptyState,
  HEALTH_LABEL_KEYS,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalePercentPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  ProgressFacts,
  ProvenanceLabel,
  ProgressWithLabel,
  STATUS_LABEL_KEYS,
  StateChip,
} from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

import { map } from 'rxjs';
import { LateBy } from '../shared/late-by';
import { MeasureFactsPipe } from '../shared/plan-facts.pipe';
import { ProgressTrend, type TrendPoint } from '../shared/progress-trend';
import { DueBeforeField } from './due-before-field';
import { hasFilters, sanitizeFilters } from './plan-filters';

/** The bars of the measures' progress: the colour of the plan's progress line. */
const MEASURE_PROGRESS_COLOR = '#1f63c6';

// Literal keys, so the translation check can see them.
const INVOLVEMENT_KEYS: Record<Involvement, string> = {
  any: 'filters.involvements.any',
  lead: 'filters.involvements.lead',
  contributor: 'filters.involvements.contributor',
};

@Component({
  selector: 'msd-plan-overview',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    DueBeforeField,
    BarChart,
    DemoBadge,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalePercentPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    ProgressWithLabel,
    StateChip,
    ProgressFacts,
    ProvenanceLabel,
    MeasureFactsPipe,
    LateBy,
    ProgressTrend,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // A printout says when it was printed: the time is taken again as the browser starts printing.
  host: { '(window:beforeprint)': 'notePrinting()' },
  templateUrl: './plan-overview.page.html',
  styleUrl: './plan-overview.page.scss',
})
export class PlanOverviewPage {
  // Route parameter and query string, bound by the router (withComponentInputBinding).
  readonly code = input<string | undefined>(undefined);
  readonly status = input<string | undefined>(undefined);
  readonly health = input<string | undefined>(undefined);
  readonly lead = input<string | undefined>(undefined);
  readonly institution = input<string | undefined>(undefined);
  readonly involvement = input<string | undefined>(undefined);
  readonly dueBefore = input<string | undefined>(undefined);

  private readonly planApi = inject(PlanApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly translate = inject(TranslateService);
  private readonly title = inject(DocumentTitleService);
  protected readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;

  /** The download menu: the plan's activities with validated status, progress and lateness (open data, issue #16). */
  private readonly openData = inject(OpenDataApi);
  protected readonly downloads = (
    [
      { format: 'csv', label: 'openData.formats.csv' },
      { format: 'json', label: 'openData.formats.json' },
      { format: 'xlsx', label: 'openData.formats.xlsx' },
    ] as const
  ).map((d) => ({ ...d, url: this.openData.downloadUrl('plan-activities', d.format) }));

  protected readonly statuses = ACTIVITY_STATUSES;
  protected readonly healths = HEALTHS;
  protected readonly statusKeys = STATUS_LABEL_KEYS;
  protected readonly healthKeys = HEALTH_LABEL_KEYS;

  protected readonly planCode = computed(() => this.code() ?? DEFAULT_PLAN_CODE);
  protected readonly filters = computed(() =>
    sanitizeFilters({
      status: this.status(),
      health: this.health(),
      lead: this.lead(),
      institution: this.institution(),
      involvement: this.involvement(),
      dueBefore: this.dueBefore(),
    }),
  );
  protected readonly filtered = computed(() => hasFilters(this.filters()));

  protected readonly plan = apiResource({
    params: () => ({ code: this.planCode(), filters: this.filters() }),
    stream: ({ params }) => this.planApi.getPlan(params.code, params.filters),
  });
  /** What holds the plan back (validated reports); the page works without it. */
  protected readonly blockers = apiResource({
    params: () => this.planCode(),
    stream: ({ params }) => this.planApi.getBlockers(params),
  });
  protected readonly blockerKeys = BLOCKER_LABEL_KEYS;
  /** The plan's progress day by day (daily snapshots); the page works without it. */
  protected readonly trend = apiResource({
    params: () => this.planCode(),
    stream: ({ params }) =>
      this.planApi
        .getHistory(params)
        .pipe(map((history): TrendPoint[] => history.points.map((p) => ({ day: p.day, progress: p.progress })))),
  });

  /**
   * The administrations that lead or contribute to the activities seen so far on this page (all of
   * them once the plan was shown unfiltered), for the administration filter: no extra request.
   */
  private readonly involved = signal<ReadonlyMap<string, InstitutionRef>>(new Map());

  /** Those administrations sorted by name in the reader's language, for the administration filter. */
  protected readonly institutionOptions = computed(() => {
    const locale = this.locale();
    return [...this.involved().values()]
      .map((i) => ({ code: i.code, name: pickText(i.name, locale)?.text ?? i.code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  });
  protected readonly involvements = INVOLVEMENTS;
  protected readonly involvementKeys = INVOLVEMENT_KEYS;

  // Re-emits on every language change, once that language's texts are loaded.
  private readonly chartTexts = toSignal(
    this.translate.stream(['overview.chart.measureLabel', 'overview.chart.progressSeries']),
    { initialValue: {} as Record<string, string> },
  );

  /**
   * Each measure's progress (0–100 %), in measure order: short codes on the axis, the measure's
   * full title in the reader's language in the tooltip and in the table beside it.
   */
  protected readonly chart = computed(() => {
    const plan = this.plan.value();
    if (!plan || plan.measures.length === 0) return null;
    const texts = this.chartTexts() as Record<string, string>;
    const locale = this.locale();
    const measures = [...plan.measures].sort((a, b) => a.number - b.number);
    const series: BarSeries[] = [
      {
        label: texts['overview.chart.progressSeries'] ?? '',
        color: MEASURE_PROGRESS_COLOR,
        data: measures.map((m) => m.progress),
      },
    ];
    return {
      // chartTexts() above makes this re-run once the language's texts are in.
      labels: measures.map(
        (m) => this.translate.instant('overview.chart.measureLabel', { number: m.number }) as string,
      ),
      tooltipTitles: measures.map((m) => `${m.number}. ${pickText(m.title, locale)?.text ?? ''}`),
      series,
      height: Math.max(260, measures.length * 30 + 90),
      rows: measures.map((m) => ({ id: m.id, number: m.number, title: m.title, progress: m.progress })),
    };
  });

  /** Whether the first answer (the plan or a failure) is on the page, i.e. the filters are in their place. */
  protected readonly laidOut = signal(false);

  /** When the page was printed (set again as printing starts), shown only on paper. */
  protected readonly printedAt = signal(new Date());

  protected notePrinting(): void {
    this.printedAt.set(new Date());
  }

  constructor() {
    effect(() => {
      const plan = this.plan.value();
      if (plan) this.title.set('titles.overview');
    });
    effect(() => {
      if (this.plan.value() || this.plan.error()) this.laidOut.set(true);
    });
    effect(() => {
      const plan = this.plan.value();
      if (!plan) return;
      const known = new Map(untracked(this.involved));
      const before = known.size;
      for (const activity of plan.measures.flatMap((m) => m.activities)) {
        for (const institution of [activity.leadInstitution, ...activity.contributors])
          if (institution) known.set(institution.code, institution);
      }
      if (known.size !== before) this.involved.set(known);
    });
  }

  protected setFilter(
    name: 'status' | 'health' | 'institution' | 'involvement' | 'dueBefore',
    value: string | null | undefined,
  ): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [name]: value || null },
      queryParamsHandling: 'merge',
    });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected measureLink(id: string): unknown[] {
    return ['/', this.locale(), 'measures', id];
  }

  protected activityLink(id: string): unknown[] {
    return ['/', this.locale(), 'activities', id];
  }
}
