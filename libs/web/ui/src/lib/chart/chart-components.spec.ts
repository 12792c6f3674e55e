import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Locale } from '@marsad/contracts';
import { provideTranslateService } from '@ngx-translate/core';
import { MSD_LOCALE } from '../locale/msd-locale';
import { BarChart } from './bar-chart';
import { LineChart } from './line-chart';

describe('chart components', () => {
  const locale = signal<Locale>('ar');

  afterEach(() => jest.restoreAllMocks());

  beforeEach(() => {
    locale.set('ar');
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null); // jsdom draws nothing
    TestBed.configureTestingModule({
      providers: [{ provide: MSD_LOCALE, useValue: locale }, provideTranslateService()],
    });
  });

  it("draws a bar chart in a sized box with a labelled canvas, in the reader's locale unless overridden", async () => {
    const fixture = TestBed.createComponent(BarChart);
    fixture.componentRef.setInput('labels', ['a', 'b']);
    fixture.componentRef.setInput('series', [{ label: 'S', data: [1, 2], color: '#000' }]);
    fixture.componentRef.setInput('ariaLabel', 'Summary');
    fixture.componentRef.setInput('horizontal', true);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('canvas')?.getAttribute('aria-label')).toBe('Summary');
    expect(el.querySelector('canvas')?.getAttribute('role')).toBe('img');
    expect((el.querySelector('.msd-chart') as HTMLElement).style.blockSize).toBe('320px');
    expect(fixture.componentInstance.config().options?.locale).toBe('ar-MA');
    expect(fixture.componentInstance.config().options?.indexAxis).toBe('y');
    // The chart in words beneath it (keys here: no translations are loaded in this test).
    expect(el.querySelector('[data-chart-summary]')?.textContent?.trim()).toBe('chart.summary.bar');
    fixture.componentRef.setInput('locale', 'fr');
    expect(fixture.componentInstance.config().options?.locale).toBe('fr-MA');
    fixture.destroy();
  });

  it('draws a line chart with its own default height and follows a language change', async () => {
    const fixture = TestBed.createComponent(LineChart);
    fixture.componentRef.setInput('labels', ['2026-01-01']);
    fixture.componentRef.setInput('series', [{ label: 'S', data: [1], color: '#000' }]);
    fixture.componentRef.setInput('ariaLabel', 'Trend');
    fixture.componentRef.setInput('primaryMax', 100);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect((el.querySelector('.msd-chart') as HTMLElement).style.blockSize).toBe('280px');
    expect((fixture.componentInstance.config().options?.scales?.['y'] as { max?: number }).max).toBe(100);
    locale.set('en');
    expect(fixture.componentInstance.config().options?.locale).toBe('en-GB');
    fixture.destroy();
  });
});
