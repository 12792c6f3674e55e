import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Locale } from '@marsad/contracts';
import { provideTranslateService } from '@ngx-translate/core';
import { MSD_LOCALE } from '../locale/msd-locale';
import { BarChart } from './bar-chart';
import { LineChart } from './line-chart';

// Chart.js as the chart components receive it (./chart-js): a stand-in that records what is drawn.
const drawn: { type: string; context: unknown }[] = [];
jest.mock('./chart-js', () => {
  class Chart {
    static register = jest.fn();
    data: unknown;
    options: unknown;
    constructor(context: unknown, config: { type: string; data: unknown; options: unknown }) {
      drawn.push({ type: config.type, context });
      this.data = config.data;
      this.options = config.options;
    }
    update = jest.fn();
    destroy = jest.fn();
  }
  const part = (id: string) => ({ id });
  return {
    Chart,
    BarController: part('bar'),
    BarElement: part('barElement'),
    CategoryScale: part('category'),
    LinearScale: part('linear'),
    LineController: part('line'),
    LineElement: part('lineElement'),
    PointElement: part('point'),
    Legend: part('legend'),
    Tooltip: part('tooltip'),
  };
});

/** An IntersectionObserver whose entries the test sends (jsdom lays nothing out). */
class TestIntersectionObserver {
  static instances: TestIntersectionObserver[] = [];
  readonly observed: Element[] = [];
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    TestIntersectionObserver.instances.push(this);
  }
  observe(element: Element): void {
    this.observed.push(element);
  }
  disconnect(): void {
    this.observed.length = 0;
  }
  /** The observed element comes into view (or within the margin). */
  intersect(): void {
    const entries = this.observed.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

describe('chart canvas: Chart.js when a chart is about to be seen', () => {
  const locale = signal<Locale>('fr');
  const context = {} as CanvasRenderingContext2D;

  beforeAll(() => {
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = TestIntersectionObserver;
  });
  afterAll(() => {
    delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  });

  beforeEach(() => {
    TestIntersectionObserver.instances = [];
    drawn.length = 0;
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context);
    TestBed.configureTestingModule({
      providers: [{ provide: MSD_LOCALE, useValue: locale }, provideTranslateService()],
    });
  });
  afterEach(() => jest.restoreAllMocks());

  function barChart() {
    const fixture = TestBed.createComponent(BarChart);
    fixture.componentRef.setInput('labels', ['a', 'b']);
    fixture.componentRef.setInput('series', [{ label: 'S', data: [1, 2], color: '#000' }]);
    fixture.componentRef.setInput('ariaLabel', 'Summary');
    return fixture;
  }

  it('draws nothing and fetches nothing until the chart comes near the viewport, then draws it', async () => {
    const fixture = barChart();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    // The box, the labelled canvas and the summary in words are there at once.
    expect(el.querySelector('canvas')?.getAttribute('aria-label')).toBe('Summary');
    expect(el.querySelector('[data-chart-summary]')).not.toBeNull();
    expect(drawn).toEqual([]);
    expect(el.hasAttribute('data-chart-drawn')).toBe(false);

    const [observer] = TestIntersectionObserver.instances;
    expect(observer.observed).toEqual([el]);
    expect(observer.options?.rootMargin).toBe('100px');
    observer.intersect();
    await new Promise((resolve) => setTimeout(resolve)); // Chart.js arrives (import())
    await fixture.whenStable();
    expect(drawn).toEqual([{ type: 'bar', context }]);
    expect(el.hasAttribute('data-chart-drawn')).toBe(true);
    expect(observer.observed).toEqual([]); // once is enough
    fixture.destroy();
  });

  it('draws a chart the reader has not scrolled to as the page is printed', async () => {
    const fixture = TestBed.createComponent(LineChart);
    fixture.componentRef.setInput('labels', ['2026-01-01', '2026-02-01']);
    fixture.componentRef.setInput('series', [{ label: 'S', data: [1, 2], color: '#000' }]);
    fixture.componentRef.setInput('ariaLabel', 'Trend');
    await fixture.whenStable();
    expect(drawn).toEqual([]);

    // Chart.js is here (the previous chart fetched it): the chart is drawn before print lays out the page.
    window.dispatchEvent(new Event('beforeprint'));
    expect(drawn).toEqual([{ type: 'line', context }]);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).hasAttribute('data-chart-drawn')).toBe(true);
    fixture.destroy();
  });
});
