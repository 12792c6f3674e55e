import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { NEW_DATASET_WINDOW_DAYS, pickText, type InstitutionRef, type ReuserType } from '@marsad/contracts';
import {
  apiResource,
  AwardApi,
  DocumentTitleService,
  LocaleService,
  MetricsApi,
  RegistryApi,
  ReusesApi,
} from '@marsad/web/data-access';
import {
  EmptyState,
  formatNumber,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalePercentPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  TrafficLightBadge,
} from '@marsad/web/ui';
import { BarChart, LineChart } from '@marsad/web/ui/chart';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, of } from 'rxjs';
import { FRESHNESS_COLORS, FRESHNESS_KEYS, FREQUENCY_KEYS, TYPE_KEYS } from '../shared/metrics-labels';
import {
  completenessChart,
  completenessRows,
  formatsChart,
  freshnessChart,
  freshnessRows,
  historyChart,
  inventoryFunnel,
  ordinal,
  starsChart,
  starsRows,
  type Translate,
} from '../shared/metrics-math';
import { FigureSection } from '../shared/figure-section';
import { MetricsSource } from '../shared/metrics-source';
import { ScoreBreakdown } from '../shared/score-breakdown';

/** The showcase's labels of who reused the data (written out for the translation check). */
const REUSER_TYPE_KEYS: Record<ReuserType, string> = {
  startup: 'reuses.reuserTypes.startup',
  company: 'reuses.reuserTypes.company',
  researcher: 'reuses.reuserTypes.researcher',
  student: 'reuses.reuserTypes.student',
  civil_society: 'reuses.reuserTypes.civil_society',
  media: 'reuses.reuserTypes.media',
  administration: 'reuses.reuserTypes.administration',
};

/** One administration's publication scorecard: its score and how it was computed, its rank, trends and what to fix. */
@Component({
  selector: 'msd-scorecard-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    BarChart,
    LineChart,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalePercentPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    MetricsSource,
    ScoreBreakdown,
    FigureSection,
    TrafficLightBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './scorecard.page.html',
  host: { '(window:beforeprint)': 'notePrinting()' },
  styleUrls: ['../shared/metrics.scss', './scorecard.page.scss'],
})
export class ScorecardPage {
  /** The administration's code, bound from the route. */
  readonly code = input.required<string>();

  private readonly api = inject(MetricsApi);
  private readonly reusesApi = inject(ReusesApi);
  private readonly awardApi = inject(AwardApi);
  private readonly registryApi = inject(RegistryApi);
  private readonly translate = inject(TranslateService);
  private readonly title = inject(DocumentTitleService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly newWindow = NEW_DATASET_WINDOW_DAYS;
  protected readonly typeKeys = TYPE_KEYS;
  protected readonly freshnessKeys = FRESHNESS_KEYS;
  protected readonly freshnessColors = FRESHNESS_COLORS;
  protected readonly frequencyKeys = FREQUENCY_KEYS;
  protected readonly reuserTypeKeys = REUSER_TYPE_KEYS;

  protected readonly report = apiResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.institution(params),
  });
  /** What people built with its data (measure 11): the newest published reuses of its datasets. */
  protected readonly reuses = apiResource({
    params: () => this.code(),
    // Published only, said outright: coordinators would otherwise also get the proposals they moderate.
    stream: ({ params }) => this.reusesApi.list({ institution: params, status: 'published', pageSize: 5 }),
  });
  /** Its places in the Imtiaz award's published results (measure 10); none when the call fails. */
  protected readonly honours = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.awardApi.honours(params).pipe(catchError(() => of([]))),
    defaultValue: [],
  });
  /** "Imtiaz award 2025: 1st of 6", newest first; the first three places stand out. */
  protected readonly honourLines = computed(() => {
    this.texts();
    const locale = this.locale();
    return [...(this.honours.value() ?? [])]
      .sort((a, b) => b.year - a.year)
      .map((h) => ({
        editionId: h.editionId,
        podium: h.rank <= 3,
        text: this.t('award.scorecard.honour', {
          year: h.year,
          rank: ordinal(h.rank, locale),
          of: formatNumber(h.of, locale),
        }),
      }));
  });
  /** Its traffic light (plan lateness, reporting punctuality, this score), each input with its source and date. */
  protected readonly trafficLight = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.registryApi.trafficLight(params).pipe(catchError(() => of(null))),
    defaultValue: null,
  });
  protected readonly status = rxResource({
    stream: () => this.api.status().pipe(catchError(() => of(null))),
    defaultValue: null,
  });

  private readonly texts = toSignal(this.translate.onLangChange, { initialValue: null });
  private readonly t: Translate = (key, params) => this.translate.instant(key, params) as string;
  protected readonly figures = computed(() => this.report.value()?.figures ?? null);

  /** "7th of 11", ties said. */
  protected readonly rankText = computed(() => {
    this.texts();
    const rank = this.report.value()?.rank;
    if (!rank) return null;
    const locale = this.locale();
    const key = rank.tied ? 'metrics.scorecard.rankOfTied' : 'metrics.scorecard.rankOf';
    return this.t(key, { rank: ordinal(rank.rank, locale), of: formatNumber(rank.of, locale) });
  });

  protected readonly scoreTrend = computed(() => {
    this.texts();
    const h = this.report.value()?.history ?? [];
    return h.length ? historyChart(h, this.locale(), this.t, ['score', 'upToDate']) : null;
  });
  protected readonly datasetTrend = computed(() => {
    this.texts();
    const h = this.report.value()?.history ?? [];
    return h.length ? historyChart(h, this.locale(), this.t, ['datasets']) : null;
  });

  protected readonly formatsChart = computed(() => {
    this.texts();
    const f = this.figures();
    return f?.formats.length ? formatsChart(f.formats, this.t) : null;
  });
  protected readonly stars = computed(() => {
    const f = this.figures();
    return f ? starsRows(f) : [];
  });
  protected readonly starsChart = computed(() => {
    this.texts();
    return this.stars().length ? starsChart(this.stars(), this.locale(), this.t) : null;
  });
  protected readonly criteria = computed(() => {
    const f = this.figures();
    return f ? completenessRows(f) : [];
  });
  protected readonly criteriaChart = computed(() => {
    this.texts();
    return this.criteria().length ? completenessChart(this.criteria(), this.t) : null;
  });
  protected readonly freshness = computed(() => {
    const f = this.figures();
    return f ? freshnessRows(f) : [];
  });
  protected readonly freshnessChart = computed(() => {
    this.texts();
    return this.freshness().length ? freshnessChart(this.freshness(), this.t) : null;
  });
  protected readonly funnel = computed(() => {
    const f = this.figures();
    return f ? inventoryFunnel(f.inventory) : [];
  });

  /** When the page was printed (set again as printing starts), shown only on paper. */
  protected readonly printedAt = signal(new Date());

  protected notePrinting(): void {
    this.printedAt.set(new Date());
  }

  constructor() {
    effect(() => {
      const d = this.report.value();
      if (d) this.title.set('metrics.titles.scorecardNamed', { name: this.name(d.institution) });
    });
  }

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected retry(): void {
    this.report.reload();
    this.status.reload();
  }
}
