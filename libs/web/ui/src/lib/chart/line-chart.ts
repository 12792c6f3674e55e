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
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { MSD_LOCALE } from '../locale/msd-locale';
import { buildLineChartConfig, type LineSeries } from './line-chart-config';

let registered = false;
function registerChartParts(): void {
  if (registered) return;
  Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
  registered = true;
}

/**
 * A line chart over time that follows the reader's locale and direction. Like the bar chart,
 * the canvas is an image to assistive technology: give the figures beside it as a table.
 */
@Component({
  selector: 'msd-line-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="msd-chart" [style.block-size.px]="height()">
    <canvas #canvas role="img" [attr.aria-label]="ariaLabel()"></canvas>
  </div>`,
  styles: `
    :host { display: block; }
    .msd-chart { position: relative; inline-size: 100%; }
  `,
})
export class LineChart {
  readonly labels = input.required<string[]>();
  readonly series = input.required<LineSeries[]>();
  readonly ariaLabel = input.required<string>();
  readonly primaryMax = input<number | undefined>(undefined);
  readonly height = input(280);
  /** Overrides the reader's locale (tests, previews). */
  readonly locale = input<Locale | undefined>(undefined);

  private readonly appLocale = inject(MSD_LOCALE);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly rendered = signal(false);
  private chart: Chart<'line'> | null = null;

  readonly config = computed(() =>
    buildLineChartConfig({ labels: this.labels(), series: this.series(), locale: this.locale() ?? this.appLocale(), primaryMax: this.primaryMax() }),
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
