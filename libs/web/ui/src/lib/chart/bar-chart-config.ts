import type { Locale } from '@marsad/contracts';
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatNumber } from '../locale/msd-locale';
import { chartReading } from './chart-options';

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

/**
 * Chart.js options that follow the reader: in Arabic the x axis runs right to left and the
 * y axis sits on the right; numbers use the locale's format; legend and tooltips read RTL.
 */
export function buildBarChartConfig(input: BarChartInput): ChartConfiguration<'bar'> {
  const { rtl, font, valueTicks, options, legend, tooltip } = chartReading(input.locale);
  const stacked = input.stacked ?? false;
  const horizontal = input.horizontal ?? false;
  const valueAxis = horizontal ? 'x' : 'y';
  const ticksFor = (axis: 'x' | 'y') => (axis === valueAxis ? valueTicks : { font, precision: 0 });

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
          grid: { display: valueAxis === 'x' },
          ticks: ticksFor('x'),
        },
        y: {
          stacked,
          position: rtl ? 'right' : 'left',
          beginAtZero: true,
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
            label: (item: TooltipItem<'bar'>) =>
              `${item.dataset.label ?? ''}: ${formatNumber(item.raw as number, input.locale)}`,
          },
        },
      },
    },
  };
}
