import {
  afterNextRender,
  DestroyRef,
  Directive,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
  type Signal,
} from '@angular/core';
import type { Locale } from '@marsad/contracts';
import { Chart, type ChartComponentLike, type ChartConfiguration, type ChartType } from 'chart.js';
import { MSD_LOCALE } from '../locale/msd-locale';
import type { ChartSentence } from './chart-summary';

/** The template of every chart component: a sized box, and a canvas that is an image to assistive technology. */
export const CHART_TEMPLATE = `<div class="msd-chart" [style.block-size.px]="height()">
    <canvas #canvas role="img" [attr.aria-label]="ariaLabel()"></canvas>
  </div>
  @if (summary().length) {
    <p class="msd-chart__summary" data-chart-summary>
      @for (sentence of summary(); track $index) {
        <span>{{ sentence.key | translate: sentence.params }}</span>
      }
    </p>
  }`;

export const CHART_STYLES = `
    :host { display: block; }
    .msd-chart { position: relative; inline-size: 100%; }
    .msd-chart__summary { margin: 0.5rem 0 0; font-size: 0.875rem; color: var(--msd-muted, #4a5563); }
    .msd-chart__summary span + span::before { content: ' '; }
  `;

const registered = new Set<ChartComponentLike>();
/** Registers only the Chart.js parts a chart needs (no registerables, no Colors plugin), once each. */
function registerChartParts(parts: readonly ChartComponentLike[]): void {
  const missing = parts.filter((part) => !registered.has(part));
  if (missing.length === 0) return;
  Chart.register(...missing);
  missing.forEach((part) => registered.add(part));
}

/**
 * What the chart components share: the canvas, the reader's locale, and the Chart.js
 * instance created after the first render, updated when the config changes and destroyed
 * with the component. A subclass gives its inputs, the Chart.js parts and the config.
 */
@Directive()
export abstract class ChartCanvas<T extends ChartType> {
  readonly ariaLabel = input.required<string>();
  /** Overrides the reader's locale (tests, previews). */
  readonly locale = input<Locale | undefined>(undefined);
  abstract readonly height: Signal<number>;
  abstract readonly config: Signal<ChartConfiguration<T>>;
  /** The chart in words, beside it: for every reader, and for print and screen readers alike. */
  abstract readonly summary: Signal<ChartSentence[]>;
  protected abstract readonly parts: readonly ChartComponentLike[];

  private readonly appLocale = inject(MSD_LOCALE);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly rendered = signal(false);
  private chart: Chart<T> | null = null;

  constructor() {
    afterNextRender(() => this.rendered.set(true));
    effect(() => {
      const config = this.config();
      if (!this.rendered()) return;
      if (!this.chart) {
        const context = this.canvas().nativeElement.getContext('2d');
        if (!context) return; // no canvas support (jsdom)
        registerChartParts(this.parts);
        this.chart = new Chart(context, config);
      } else {
        this.chart.data = config.data;
        this.chart.options = config.options ?? ({} as NonNullable<ChartConfiguration<T>['options']>);
        this.chart.update();
      }
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  /** The locale the chart is drawn in: the override, else the reader's. */
  protected readerLocale(): Locale {
    return this.locale() ?? this.appLocale();
  }
}
