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
import type { Chart, ChartComponentLike, ChartConfiguration, ChartType } from 'chart.js';
import { MSD_LOCALE } from '../locale/msd-locale';
import type { ChartSentence } from './chart-summary';

/** Chart.js and the parts the chart components use (./chart-js), fetched on demand. */
export type ChartJs = typeof import('./chart-js');

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
    /* Until Chart.js sizes it, a canvas is 300 px wide by default: keep it inside its box. */
    .msd-chart canvas { display: block; max-inline-size: 100%; }
    .msd-chart__summary { margin: 0.5rem 0 0; font-size: 0.875rem; color: var(--msd-muted, #4a5563); }
    .msd-chart__summary span + span::before { content: ' '; }
    @media print { :host(:not([data-chart-drawn])) .msd-chart { display: none; } }
  `;

/**
 * How near the viewport a chart is when Chart.js is fetched and the chart drawn: a little ahead of
 * the reader's scrolling, not for charts further down a page the reader may never scroll to.
 */
export const CHART_LOAD_MARGIN = '100px';

let chartJs: Promise<ChartJs> | null = null;
/** Chart.js once it has arrived, for drawing at once (printing). */
let chartJsLoaded: ChartJs | null = null;
/** Chart.js, fetched once for every chart of the app (again by a later chart if it failed). */
function loadChartJs(): Promise<ChartJs> {
  chartJs ??= import('./chart-js').then(
    (lib) => (chartJsLoaded = lib),
    (error: unknown) => {
      chartJs = null;
      throw error;
    },
  );
  return chartJs;
}

const registered = new Set<ChartComponentLike>();
/** Registers only the Chart.js parts a chart needs (no registerables, no Colors plugin), once each. */
function registerChartParts(lib: ChartJs, parts: readonly ChartComponentLike[]): void {
  const missing = parts.filter((part) => !registered.has(part));
  if (missing.length === 0) return;
  lib.Chart.register(...missing);
  missing.forEach((part) => registered.add(part));
}

/**
 * What the chart components share: the canvas, the reader's locale, and the Chart.js instance,
 * created once the chart comes near the viewport (Chart.js is fetched then, see CHART_LOAD_MARGIN)
 * or as the page is printed, updated when the config changes and destroyed with the component. The
 * box, the canvas's label and the summary in words are there from the first render. A subclass
 * gives its inputs, the Chart.js parts and the config.
 */
@Directive({
  host: {
    '[attr.data-chart-drawn]': 'drawn() ? "" : null',
    '(window:beforeprint)': 'drawForPrint()',
  },
})
export abstract class ChartCanvas<T extends ChartType> {
  readonly ariaLabel = input.required<string>();
  /** Overrides the reader's locale (tests, previews). */
  readonly locale = input<Locale | undefined>(undefined);
  abstract readonly height: Signal<number>;
  abstract readonly config: Signal<ChartConfiguration<T>>;
  /** The chart in words, beside it: for every reader, and for print and screen readers alike. */
  abstract readonly summary: Signal<ChartSentence[]>;
  /** The Chart.js parts this kind of chart draws with. */
  protected abstract parts(lib: ChartJs): readonly ChartComponentLike[];

  private readonly appLocale = inject(MSD_LOCALE);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  /** Chart.js, once this chart came near the viewport (or was printed) and it arrived. */
  private readonly lib = signal<ChartJs | null>(null);
  /** Whether Chart.js has drawn on the canvas (`data-chart-drawn` on the element). */
  protected readonly drawn = signal(false);
  private chart: Chart<T> | null = null;

  constructor() {
    afterNextRender(() => this.whenNearViewport(() => this.load()));
    effect(() => {
      const config = this.config();
      const lib = this.lib();
      if (lib) this.draw(lib, config);
    });
    this.destroyRef.onDestroy(() => this.chart?.destroy());
  }

  /** The locale the chart is drawn in: the override, else the reader's. */
  protected readerLocale(): Locale {
    return this.locale() ?? this.appLocale();
  }

  /**
   * Paper shows the charts the reader has not scrolled to yet: drawn at once when Chart.js is here
   * (the browser lays the page out for print right after), else fetched for the next printout; until
   * then print leaves their box out (CHART_STYLES), the summary in words stays.
   */
  protected drawForPrint(): void {
    if (this.chart) return;
    if (!chartJsLoaded) return this.load();
    this.lib.set(chartJsLoaded);
    this.draw(chartJsLoaded, this.config());
  }

  /** Creates the Chart.js instance, or gives it the new config. */
  private draw(lib: ChartJs, config: ChartConfiguration<T>): void {
    if (this.chart) {
      this.chart.data = config.data;
      this.chart.options = config.options ?? ({} as NonNullable<ChartConfiguration<T>['options']>);
      this.chart.update();
      return;
    }
    const context = this.canvas().nativeElement.getContext('2d');
    if (!context) return; // no canvas support (jsdom)
    registerChartParts(lib, this.parts(lib));
    this.chart = new lib.Chart(context, config);
    this.drawn.set(true);
  }

  /** Fetches Chart.js for this chart, unless the canvas cannot be drawn on (no canvas support: jsdom). */
  private load(): void {
    if (!this.canvas().nativeElement.getContext('2d')) return;
    loadChartJs().then(
      (lib) => this.lib.set(lib),
      // Offline: the box stays empty; the summary in words and the page's tables still say it all.
      () => undefined,
    );
  }

  /** Runs `callback` once, when the chart comes within CHART_LOAD_MARGIN of the viewport. */
  private whenNearViewport(callback: () => void): void {
    if (typeof IntersectionObserver === 'undefined') return callback();
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        callback();
      },
      { rootMargin: CHART_LOAD_MARGIN },
    );
    observer.observe(this.host.nativeElement);
    this.destroyRef.onDestroy(() => observer.disconnect());
  }
}
