import { directionOf, type Locale } from '@marsad/contracts';
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatNumber } from '../locale/msd-locale';

export interface BarSeries {
  label: string;
  data: number[];
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
}

const FONT_FAMILY = "'Noto Sans Arabic', 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif";

/**
 * Chart.js options that follow the reader: in Arabic the x axis runs right to left and the
 * y axis sits on the right; numbers use the locale's format; legend and tooltips read RTL.
 */
export function buildBarChartConfig(input: BarChartInput): ChartConfiguration<'bar'> {
  const rtl = directionOf(input.locale) === 'rtl';
  const stacked = input.stacked ?? false;
  const horizontal = input.horizontal ?? false;
  const format = (value: number | string) => (typeof value === 'number' ? formatNumber(value, input.locale) : value);
  const valueAxis = horizontal ? 'x' : 'y';

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
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      locale: input.locale === 'ar' ? 'ar-MA' : input.locale === 'fr' ? 'fr-MA' : 'en-GB',
      animation: false,
      font: { family: FONT_FAMILY },
      scales: {
        x: {
          stacked,
          reverse: rtl,
          beginAtZero: true,
          grid: { display: valueAxis === 'x' },
          ticks: {
            font: { family: FONT_FAMILY },
            precision: 0,
            ...(valueAxis === 'x' ? { callback: (value: number | string) => format(value) } : {}),
          },
        },
        y: {
          stacked,
          position: rtl ? 'right' : 'left',
          beginAtZero: true,
          grid: { display: valueAxis === 'y' },
          ticks: {
            font: { family: FONT_FAMILY },
            precision: 0,
            ...(valueAxis === 'y' ? { callback: (value: number | string) => format(value) } : {}),
          },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          rtl,
          textDirection: rtl ? 'rtl' : 'ltr',
          labels: { font: { family: FONT_FAMILY }, boxWidth: 14 },
        },
        tooltip: {
          rtl,
          textDirection: rtl ? 'rtl' : 'ltr',
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => {
              const index = items[0]?.dataIndex ?? 0;
              return input.tooltipTitles?.[index] ?? input.labels[index] ?? '';
            },
            label: (item: TooltipItem<'bar'>) => `${item.dataset.label ?? ''}: ${formatNumber(item.raw as number, input.locale)}`,
          },
        },
      },
    },
  };
}
