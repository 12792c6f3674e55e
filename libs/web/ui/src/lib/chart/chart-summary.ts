import type { Locale } from '@marsad/contracts';
import { formatNumber, formatPercent } from '../locale/msd-locale';

/** One sentence of a chart's text summary: a translation key and its parameters. */
export interface ChartSentence {
  key: string;
  params: Record<string, string>;
}

export interface SummarySeries {
  label: string;
  data: (number | null)[];
  percent?: boolean;
}

/** Names isolated from the sentence around them (FSI…PDI, as `<bdi>`): Latin names in Arabic keep their order. */
const isolate = (text: string) => `\u2068${text}\u2069`;

const valueText = (value: number, percent: boolean, locale: Locale) =>
  percent ? formatPercent(value, locale) : formatNumber(value, locale, { maximumFractionDigits: 1 });

/** The points of a series that have a value, with their category's name. */
function points(series: SummarySeries, names: readonly string[]) {
  return series.data.flatMap((value, i) =>
    value === null || value === undefined || Number.isNaN(value) ? [] : [{ value, name: isolate(names[i] ?? '') }],
  );
}

/**
 * What a bar chart shows, in words, for readers who do not see it: per series, the highest and
 * the lowest category (or that all are equal). `names` are the categories' full names (a tooltip's
 * titles) when the axis shows short labels.
 */
export function summarizeBars(
  series: readonly SummarySeries[],
  names: readonly string[],
  locale: Locale,
  percent = false,
): ChartSentence[] {
  return series.flatMap((s): ChartSentence[] => {
    const shown = points(s, names);
    if (!shown.length) return [];
    const p = percent || !!s.percent;
    const max = shown.reduce((a, b) => (b.value > a.value ? b : a));
    const min = shown.reduce((a, b) => (b.value < a.value ? b : a));
    if (max.value === min.value)
      return [
        { key: 'chart.summary.barEqual', params: { series: isolate(s.label), value: valueText(max.value, p, locale) } },
      ];
    return [
      {
        key: 'chart.summary.bar',
        params: {
          series: isolate(s.label),
          max: valueText(max.value, p, locale),
          maxLabel: max.name,
          min: valueText(min.value, p, locale),
          minLabel: min.name,
        },
      },
    ];
  });
}

/**
 * What a line chart shows, in words: per series, where it starts and ends over the period and
 * its highest point.
 */
export function summarizeLines(
  series: readonly SummarySeries[],
  labels: readonly string[],
  locale: Locale,
): ChartSentence[] {
  return series.flatMap((s): ChartSentence[] => {
    const shown = points(s, labels);
    if (!shown.length) return [];
    const p = !!s.percent;
    const first = shown[0];
    const last = shown[shown.length - 1];
    if (shown.length === 1)
      return [
        {
          key: 'chart.summary.point',
          params: { series: isolate(s.label), value: valueText(first.value, p, locale), label: first.name },
        },
      ];
    // The latest of equal highs: a series that ends at its highest says so once.
    const max = shown.reduce((a, b) => (b.value >= a.value ? b : a));
    const span = {
      series: isolate(s.label),
      first: valueText(first.value, p, locale),
      firstLabel: first.name,
      last: valueText(last.value, p, locale),
      lastLabel: last.name,
    };
    if (max === last) return [{ key: 'chart.summary.lineToHighest', params: span }];
    return [
      {
        key: 'chart.summary.line',
        params: {
          series: isolate(s.label),
          first: valueText(first.value, p, locale),
          firstLabel: first.name,
          last: valueText(last.value, p, locale),
          lastLabel: last.name,
          max: valueText(max.value, p, locale),
          maxLabel: max.name,
        },
      },
    ];
  });
}
