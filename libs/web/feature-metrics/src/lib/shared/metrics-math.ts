import {
  COMPLETENESS_CRITERIA,
  COMPLETENESS_POINTS,
  FRESHNESS_STATUSES,
  INSTITUTION_TYPES,
  type CompletenessCriterion,
  type FreshnessStatus,
  type InstitutionType,
  type Locale,
  type MetricsHistoryPoint,
  type PublicationFigures,
  type RankingQuery,
} from '@marsad/contracts';
import { formatDate, formatNumber } from '@marsad/web/ui';
import type { BarSeries, LineSeries } from '@marsad/web/ui/chart';
import { COLORS, CRITERION_KEYS, FRESHNESS_COLORS, FRESHNESS_KEYS } from './metrics-labels';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface BarChartData {
  labels: string[];
  series: BarSeries[];
  height: number;
}

export interface LineChartData {
  labels: string[];
  series: LineSeries[];
}

/** Height for a horizontal bar chart of `rows` categories. */
export function barHeight(rows: number): number {
  return Math.max(200, rows * 34 + 70);
}

/** A competition rank as the tables show it: "2", or "2=" when shared. */
export function rankLabel(rank: number, tied: boolean, locale: Locale): string {
  return `${formatNumber(rank, locale)}${tied ? '=' : ''}`;
}

const EN_ORDINALS: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** "2nd", "2e" (1er), or the plain number in Arabic (the sentence carries "rank"). */
export function ordinal(rank: number, locale: Locale): string {
  const n = formatNumber(rank, locale);
  if (locale === 'en')
    return `${n}${EN_ORDINALS[new Intl.PluralRules('en', { type: 'ordinal' }).select(rank)] ?? 'th'}`;
  if (locale === 'fr') return `${n}${rank === 1 ? 'er' : 'e'}`;
  return n;
}

export const RANKING_PAGE_SIZE = 25;

/** The ranking's filters as the URL carries them. */
export interface RankingUrlParams {
  type?: string | null;
  region?: string | null;
  page?: string | null;
}

/** Reads the URL's filters into an API query, dropping anything the API would refuse. */
export function rankingQueryFrom(params: RankingUrlParams, pageSize = RANKING_PAGE_SIZE): RankingQuery {
  const query: RankingQuery = { page: Math.max(1, Math.floor(Number(params.page)) || 1), pageSize };
  if ((INSTITUTION_TYPES as readonly string[]).includes(params.type ?? '')) query.type = params.type as InstitutionType;
  if (params.region && /^[\w.-]{1,40}$/.test(params.region)) query.region = params.region;
  return query;
}

/** Score buckets as "0–10", "10–20" … "90–100". */
export function distributionChart(
  distribution: { from: number; to: number; institutions: number }[],
  locale: Locale,
  t: Translate,
): BarChartData {
  return {
    // A left-to-right mark keeps "0–10" in reading order inside a right-to-left chart.
    labels: distribution.map((b) => `\u200e${bucketLabel(b.from, b.to, locale)}`),
    series: [
      {
        label: t('metrics.national.administrations'),
        color: COLORS.score,
        data: distribution.map((b) => b.institutions),
      },
    ],
    height: 260,
  };
}

export function bucketLabel(from: number, to: number, locale: Locale): string {
  return `${formatNumber(from, locale)}–${formatNumber(to, locale)}`;
}

export interface StarsRow {
  stars: number;
  datasets: number;
  share: number;
}

export function starsRows(figures: PublicationFigures): StarsRow[] {
  const total = figures.datasets;
  return ([0, 1, 2, 3, 4, 5] as const).map((stars) => {
    const datasets = figures.openness.stars[stars] ?? 0;
    return { stars, datasets, share: share(datasets, total) };
  });
}

export function starsChart(rows: StarsRow[], locale: Locale, t: Translate): BarChartData {
  return {
    labels: rows.map((r) => t('metrics.starsLabel', { count: formatNumber(r.stars, locale) })),
    series: [{ label: t('metrics.datasets'), color: COLORS.stars, data: rows.map((r) => r.datasets) }],
    height: 260,
  };
}

export function formatsChart(formats: PublicationFigures['formats'], t: Translate): BarChartData {
  return {
    labels: formats.map((f) => f.format),
    series: [{ label: t('metrics.datasets'), color: COLORS.format, data: formats.map((f) => f.datasets) }],
    height: barHeight(formats.length),
  };
}

export interface CriterionRow {
  criterion: CompletenessCriterion;
  key: string;
  points: number;
  share: number | null;
}

export function completenessRows(figures: PublicationFigures): CriterionRow[] {
  return COMPLETENESS_CRITERIA.map((criterion) => ({
    criterion,
    key: CRITERION_KEYS[criterion],
    points: COMPLETENESS_POINTS[criterion],
    share: figures.completeness.byCriterion[criterion] ?? null,
  }));
}

export function completenessChart(rows: CriterionRow[], t: Translate): BarChartData {
  return {
    labels: rows.map((r) => t(r.key)),
    series: [
      { label: t('metrics.scorecard.shareFilling'), color: COLORS.completeness, data: rows.map((r) => r.share ?? 0) },
    ],
    height: barHeight(rows.length),
  };
}

export interface FreshnessRow {
  status: FreshnessStatus;
  key: string;
  datasets: number;
  share: number;
}

export function freshnessRows(figures: PublicationFigures): FreshnessRow[] {
  return FRESHNESS_STATUSES.map((status) => ({
    status,
    key: FRESHNESS_KEYS[status],
    datasets: figures.freshness[status] ?? 0,
    share: share(figures.freshness[status] ?? 0, figures.datasets),
  }));
}

/** One bar per status, each in its colour (a stacked single-category chart reads badly on phones). */
export function freshnessChart(rows: FreshnessRow[], t: Translate): BarChartData {
  return {
    labels: rows.map((r) => t(r.key)),
    series: [{ label: t('metrics.datasets'), color: FRESHNESS_COLORS.fresh, data: rows.map((r) => r.datasets) }],
    height: barHeight(rows.length),
  };
}

export interface FunnelStep {
  key: string;
  count: number;
  /** Width of the bar, as a share of the inventoried items. */
  share: number;
}

/** Inventoried → published → fresh. */
export function inventoryFunnel(inventory: PublicationFigures['inventory']): FunnelStep[] {
  const base = inventory.inventoried;
  return [
    { key: 'metrics.funnel.inventoried', count: inventory.inventoried, share: base > 0 ? 100 : 0 },
    { key: 'metrics.funnel.published', count: inventory.published, share: share(inventory.published, base) },
    { key: 'metrics.funnel.fresh', count: inventory.fresh, share: share(inventory.fresh, base) },
  ];
}

/** Score and shares on 0–100; datasets on a second axis. */
export function historyChart(
  history: MetricsHistoryPoint[],
  locale: Locale,
  t: Translate,
  include: ('score' | 'upToDate' | 'datasets')[],
): LineChartData {
  const series: LineSeries[] = [];
  if (include.includes('score'))
    series.push({ label: t('metrics.score'), color: COLORS.score, data: history.map((p) => p.score) });
  if (include.includes('upToDate'))
    series.push({
      label: t('metrics.upToDateShare'),
      color: COLORS.upToDate,
      data: history.map((p) => p.upToDateShare),
      percent: true,
    });
  const datasets: LineSeries = {
    label: t('metrics.datasets'),
    color: COLORS.datasets,
    data: history.map((p) => p.datasets),
  };
  if (include.includes('datasets')) series.push(series.length ? { ...datasets, axis: 'secondary' } : datasets);
  return { labels: history.map((p) => formatDate(p.day, locale, 'short')), series };
}

/** count / total as a 0–100 figure with one decimal (0 when there is nothing to count). */
export function share(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 1000) / 10 : 0;
}

/** The portal's address to show: its host name, or null for the generated demo catalogue. */
export function portalHost(url: string | null | undefined): string | null {
  if (!url || url === 'demo') return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
