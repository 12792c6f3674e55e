import type { Locale } from '@marsad/contracts';
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatNumber, formatPercent } from '../locale/msd-locale';
import { chartReading } from './chart-options';

export interface LineSeries {
  label: string;
  /** One value per label; null leaves a gap. */
  data: (number | null)[];
  color: string;
  /** `secondary`: a second value axis at the inline end (for a count beside percentages). */
  axis?: 'primary' | 'secondary';
  /** Values are 0–100 percentages: the tooltip writes them in the locale's percent format ("59,3 %"). */
  percent?: boolean;
}

export interface LineChartInput {
  labels: string[];
  series: LineSeries[];
  locale: Locale;
  /** Fixes the primary axis at 0–max (e.g. 100 for scores and shares). */
  primaryMax?: number;
}

/**
 * Chart.js options for a time line that follows the reader: in Arabic time runs right to
 * left, the primary axis sits on the right and the secondary one on the left.
 */
export function buildLineChartConfig(input: LineChartInput): ChartConfiguration<'line'> {
  const { rtl, font, valueTicks, options, legend, tooltip } = chartReading(input.locale);
  const hasSecondary = input.series.some((s) => s.axis === 'secondary');
  const start = rtl ? 'right' : 'left';
  const end = rtl ? 'left' : 'right';

  return {
    type: 'line',
    data: {
      labels: input.labels,
      datasets: input.series.map((series) => ({
        label: series.label,
        data: series.data,
        borderColor: series.color,
        backgroundColor: series.color,
        borderWidth: 2,
        pointRadius: input.labels.length > 40 ? 0 : 3,
        pointHoverRadius: 5,
        spanGaps: true,
        tension: 0,
        yAxisID: series.axis === 'secondary' ? 'y1' : 'y',
      })),
    },
    options: {
      ...options,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          reverse: rtl,
          grid: { display: false },
          ticks: { font, autoSkip: true, maxRotation: 0 },
        },
        y: {
          position: start,
          beginAtZero: true,
          ...(input.primaryMax !== undefined ? { max: input.primaryMax } : {}),
          ticks: valueTicks,
        },
        ...(hasSecondary
          ? {
              y1: {
                position: end,
                beginAtZero: true,
                grid: { display: false },
                ticks: valueTicks,
              },
            }
          : {}),
      },
      plugins: {
        legend,
        tooltip: {
          ...tooltip,
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const format = input.series[item.datasetIndex]?.percent ? formatPercent : formatNumber;
              return `${item.dataset.label ?? ''}: ${format(item.raw as number, input.locale)}`;
            },
          },
        },
      },
    },
  };
}
