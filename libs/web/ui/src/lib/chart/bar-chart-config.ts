import type { Locale } from '@marsad/contracts';
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatNumber, formatPercent } from '../locale/msd-locale';
import { chartReading } from './chart-options';

export interface BarSeries {
  label: string;
  /** One value per label; null draws no bar. */
  data: (number | null)[];
  color: string;
}

export interface BarChartInput {
  labels: string[];
  series: BarSeries[];
  locale: Locale;
  /** Bars along the inline axis (categories stacked down the page). */
  horizontal?: boolean;
  stacked?: boolean;
  /** A longer title per category for the tooltip (e.g. the measure's full title). */
  tooltipTitles?: string[];
  /**
   * Values are 0–100 percentages: the value axis runs from 0 to 100 and ticks and tooltips
   * write them in the locale's percent format ("59,3 %" in French, "59.3%" in English).
   */
  percent?: boolean;
}

/**
 * Chart.js options that follow the reader: in Arabic the x axis runs right to left and the
 * y axis sits on the right; numbers use the locale's format; legend and tooltips read RTL.
 */
export function buildBarChartConfig(input: BarChartInput): ChartConfiguration<'bar'> {
  const { rtl, font, valueTicks, options, legend, tooltip } = chartReading(input.locale);
  const stacked = input.stacked ?? false;
  const horizontal = input.horizontal ?? false;
  const valueAxis = horizontal ? 'x' : 'y';
  const percent = input.percent ?? false;
  const format = (value: number | null) =>
    percent ? formatPercent(value, input.locale) : formatNumber(value, input.locale);
  const percentTicks = {
    ...valueTicks,
    callback: (value: number | string) => (typeof value === 'number' ? formatPercent(value, input.locale) : value),
  };
  const ticksFor = (axis: 'x' | 'y') =>
    axis === valueAxis ? (percent ? percentTicks : valueTicks) : { font, precision: 0 };
  const valueRange = (axis: 'x' | 'y') => (percent && axis === valueAxis ? { min: 0, max: 100 } : {});

  return {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: input.series.map((series) => ({
        label: series.label,
        data: series.data,
        backgroundColor: series.color,
        borderColor: series.color,
        borderWidth: 0,
        maxBarThickness: 28,
      })),
    },
    options: {
      ...options,
      indexAxis: horizontal ? 'y' : 'x',
      scales: {
        x: {
          stacked,
          reverse: rtl,
          beginAtZero: true,
          ...valueRange('x'),
          grid: { display: valueAxis === 'x' },
          ticks: ticksFor('x'),
        },
        y: {
          stacked,
          position: rtl ? 'right' : 'left',
          beginAtZero: true,
          ...valueRange('y'),
          grid: { display: valueAxis === 'y' },
          ticks: ticksFor('y'),
        },
      },
      plugins: {
        legend,
        tooltip: {
          ...tooltip,
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => {
              const index = items[0]?.dataIndex ?? 0;
              return input.tooltipTitles?.[index] ?? input.labels[index] ?? '';
            },
            label: (item: TooltipItem<'bar'>) => `${item.dataset.label ?? ''}: ${format(item.raw as number | null)}`,
          },
        },
      },
    },
  };
}
