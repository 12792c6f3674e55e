import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ChartComponentLike } from 'chart.js';
import { buildBarChartConfig, type BarSeries } from './bar-chart-config';
import { TranslatePipe } from '@ngx-translate/core';
import { CHART_STYLES, CHART_TEMPLATE, ChartCanvas, type ChartJs } from './chart-canvas';
import { summarizeBars } from './chart-summary';

/**
 * A bar chart that follows the reader's locale and direction, with its highest and lowest bars
 * said in words beneath. The canvas is an image to assistive technology: give it a summary in
 * `ariaLabel` and the figures elsewhere as a table.
 */
@Component({
  selector: 'msd-bar-chart',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: CHART_TEMPLATE,
  styles: CHART_STYLES,
})
export class BarChart extends ChartCanvas<'bar'> {
  readonly labels = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  readonly horizontal = input(false);
  readonly stacked = input(false);
  readonly tooltipTitles = input<string[] | undefined>(undefined);
  /** Values are 0–100 percentages (axis 0–100, locale's percent format). */
  readonly percent = input(false);
  readonly height = input(320);
  protected parts(lib: ChartJs): readonly ChartComponentLike[] {
    return [lib.BarController, lib.BarElement, lib.CategoryScale, lib.LinearScale, lib.Tooltip, lib.Legend];
  }

  readonly config = computed(() =>
    buildBarChartConfig({
      labels: this.labels(),
      series: this.series(),
      locale: this.readerLocale(),
      horizontal: this.horizontal(),
      stacked: this.stacked(),
      tooltipTitles: this.tooltipTitles(),
      percent: this.percent(),
    }),
  );

  readonly summary = computed(() =>
    summarizeBars(this.series(), this.tooltipTitles() ?? this.labels(), this.readerLocale(), this.percent()),
  );
}
