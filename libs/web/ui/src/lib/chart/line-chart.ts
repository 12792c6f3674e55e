import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ChartComponentLike } from 'chart.js';
import { TranslatePipe } from '@ngx-translate/core';
import { CHART_STYLES, CHART_TEMPLATE, ChartCanvas, type ChartJs } from './chart-canvas';
import { summarizeLines } from './chart-summary';
import { buildLineChartConfig, type LineSeries } from './line-chart-config';

/**
 * A line chart over time that follows the reader's locale and direction. Like the bar chart,
 * the canvas is an image to assistive technology: give the figures beside it as a table.
 */
@Component({
  selector: 'msd-line-chart',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: CHART_TEMPLATE,
  styles: CHART_STYLES,
})
export class LineChart extends ChartCanvas<'line'> {
  readonly labels = input.required<string[]>();
  readonly series = input.required<LineSeries[]>();
  readonly primaryMax = input<number | undefined>(undefined);
  readonly height = input(280);
  protected parts(lib: ChartJs): readonly ChartComponentLike[] {
    return [
      lib.LineController,
      lib.LineElement,
      lib.PointElement,
      lib.CategoryScale,
      lib.LinearScale,
      lib.Tooltip,
      lib.Legend,
    ];
  }

  readonly config = computed(() =>
    buildLineChartConfig({
      labels: this.labels(),
      series: this.series(),
      locale: this.readerLocale(),
      primaryMax: this.primaryMax(),
    }),
  );

  readonly summary = computed(() => summarizeLines(this.series(), this.labels(), this.readerLocale()));
}
