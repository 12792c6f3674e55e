import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { Locale } from '@marsad/contracts';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { MSD_LOCALE } from '../locale/msd-locale';
import { buildBarChartConfig, type BarSeries } from './bar-chart-config';

let registered = false;
// Only what a bar chart needs: no registerables, no Colors plugin (colours come with the series).
function registerChartParts(): void {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
  registered = true;
}

/**
 * A bar chart that follows the reader's locale and direction. The canvas is an image to
 * assistive technology: give it a summary in `ariaLabel` and the figures elsewhere as a table.
 */
@Component({
  selector: 'msd-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="msd-chart" [style.block-size.px]="height()">
    <canvas #canvas role="img" [attr.aria-label]="ariaLabel()"></canvas>
  </div>`,
  styles: `
    :host { display: block; }
    .msd-chart { position: relative; inline-size: 100%; }
  `,
})
export class BarChart {
  readonly labels = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  readonly ariaLabel = input.required<string>();
  readonly horizontal = input(false);
  readonly stacked = input(false);
  readonly tooltipTitles = input<string[] | undefined>(undefined);
  readonly height = input(320);
  /** Overrides the reader's locale (tests, previews). */
  readonly locale = input<Locale | undefined>(undefined);

  private readonly appLocale = inject(MSD_LOCALE);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly rendered = signal(false);
  private chart: Chart<'bar'> | null = null;

  readonly config = computed(() =>
    buildBarChartConfig({
      labels: this.labels(),
      series: this.series(),
      locale: this.locale() ?? this.appLocale(),
      horizontal: this.horizontal(),
      stacked: this.stacked(),
      tooltipTitles: this.tooltipTitles(),
    }),
  );

  constructor() {
    afterNextRender(() => this.rendered.set(true));
    effect(() => {
      const config = this.config();
      if (!this.rendered()) return;
      if (!this.chart) {
        const context = this.canvas().nativeElement.getContext('2d');
        if (!context) return; // no canvas support (jsdom)
        registerChartParts();
        this.chart = new Chart(context, config);
      } else {
        this.chart.data = config.data;
        this.chart.options = config.options ?? {};
        this.chart.update();
      }
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }
}
