import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  INSTITUTION_TYPES,
  NEW_DATASET_WINDOW_DAYS,
  Permission,
  pickText,
  type GroupFigures,
  type InstitutionRef,
  type InstitutionType,
} from '@marsad/contracts';
import { ApiError, apiResource, LocaleService, MetricsApi, SessionService } from '@marsad/web/data-access';
import { EmptyState, LoadingIndicator, LocaleDatePipe, LocaleNumberPipe, LocalePercentPipe } from '@marsad/web/ui';
import { BarChart, LineChart } from '@marsad/web/ui/chart';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, of } from 'rxjs';
import { COLORS, TYPE_PLURAL_KEYS } from '../shared/metrics-labels';
import {
  barHeight,
  bucketLabel,
  distributionChart,
  historyChart,
  rankLabel,
  type BarChartData,
  type Translate,
} from '../shared/metrics-math';
import { FigureSection } from '../shared/figure-section';
import { MetricsSource } from '../shared/metrics-source';
import { ScoreBreakdown } from '../shared/score-breakdown';

export interface GroupRow extends GroupFigures {
  name: string;
}

/** The national picture of publication on the portal: what a committee member grasps in five seconds, then the detail. */
@Component({
  selector: 'msd-national-metrics-page',
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
    MetricsSource,
    ScoreBreakdown,
    FigureSection,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './national.page.html',
  styleUrl: '../shared/metrics.scss',
})
export class NationalPage {
  private readonly api = inject(MetricsApi);
  private readonly translate = inject(TranslateService);
  private readonly session = inject(SessionService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly newWindow = NEW_DATASET_WINDOW_DAYS;

  protected readonly report = apiResource({ stream: () => this.api.national() });
  /** What the figures rest on; the page stands without it. */
  protected readonly status = rxResource({
    stream: () => this.api.status().pipe(catchError(() => of(null))),
    defaultValue: null,
  });

  /** Coordinators may start the first harvest from the empty state; the API still decides. */
  protected readonly canHarvest = computed(() => this.session.permissions().includes(Permission.PortalManage));
  protected readonly harvest = signal<'idle' | 'starting' | 'started' | ApiError>('idle');

  private readonly texts = toSignal(this.translate.onLangChange, { initialValue: null });
  private readonly t: Translate = (key, params) => this.translate.instant(key, params) as string;

  protected readonly distribution = computed(() => {
    const locale = this.locale();
    return (this.report.value()?.distribution ?? []).map((b) => ({ ...b, label: bucketLabel(b.from, b.to, locale) }));
  });
  protected readonly distributionChart = computed(() => {
    this.texts();
    const d = this.report.value();
    return d?.distribution.length ? distributionChart(d.distribution, this.locale(), this.t) : null;
  });

  protected readonly byType = computed<GroupRow[]>(() => {
    this.texts();
    const order = new Map(INSTITUTION_TYPES.map((t, i) => [t, i]));
    return [...(this.report.value()?.byType ?? [])]
      .sort((a, b) => (order.get(a.key as InstitutionType) ?? 99) - (order.get(b.key as InstitutionType) ?? 99))
      .map((g) => ({
        ...g,
        name: TYPE_PLURAL_KEYS[g.key as InstitutionType] ? this.t(TYPE_PLURAL_KEYS[g.key as InstitutionType]) : g.key,
      }));
  });
  protected readonly byRegion = computed<GroupRow[]>(() =>
    [...(this.report.value()?.byRegion ?? [])]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((g) => ({ ...g, name: g.label ? this.name(g.label) : g.key })),
  );
  protected readonly typeChart = computed(() => this.groupChart(this.byType()));
  protected readonly regionChart = computed(() => this.groupChart(this.byRegion()));
  /** The sections by type and by region, in page order: heading, table, chart and first column. */
  protected readonly groups = computed(() => [
    {
      id: 'met-type',
      key: 'metrics.national.byType',
      tableKey: 'metrics.national.byTypeTable',
      chartKey: 'metrics.national.byTypeChart',
      headKey: 'metrics.type',
      rows: this.byType(),
      chart: this.typeChart(),
    },
    {
      id: 'met-region',
      key: 'metrics.national.byRegion',
      tableKey: 'metrics.national.byRegionTable',
      chartKey: 'metrics.national.byRegionChart',
      headKey: 'metrics.region',
      rows: this.byRegion(),
      chart: this.regionChart(),
    },
  ]);

  protected readonly historyChart = computed(() => {
    this.texts();
    const history = this.report.value()?.history ?? [];
    return history.length ? historyChart(history, this.locale(), this.t, ['score', 'datasets']) : null;
  });

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected rank(rank: number, tied: boolean): string {
    return rankLabel(rank, tied, this.locale());
  }

  protected scorecardLink(code: string): unknown[] {
    return ['/', this.locale(), 'metrics', code];
  }

  protected retry(): void {
    this.report.reload();
    this.status.reload();
  }

  protected startHarvest(): void {
    this.harvest.set('starting');
    this.api.startHarvest('full').subscribe({
      next: () => this.harvest.set('started'),
      error: (e: unknown) => this.harvest.set(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL_ERROR', String(e))),
    });
  }

  protected harvestError(): ApiError | null {
    const h = this.harvest();
    return h instanceof ApiError ? h : null;
  }

  private groupChart(rows: GroupRow[]): BarChartData | null {
    this.texts();
    if (!rows.length) return null;
    return {
      labels: rows.map((r) => r.name),
      series: [{ label: this.t('metrics.meanScore'), color: COLORS.score, data: rows.map((r) => r.meanScore ?? 0) }],
      height: barHeight(rows.length),
    };
  }
}
