import { chartLocaleTag, chartReading, CHART_FONT_FAMILY } from './chart-options';

describe('chartReading', () => {
  it('reads right to left in Arabic: legend and tooltip RTL, Moroccan Arabic number format', () => {
    const ar = chartReading('ar');
    expect(ar.rtl).toBe(true);
    expect(ar.legend).toEqual({
      position: 'bottom',
      rtl: true,
      textDirection: 'rtl',
      labels: { font: { family: CHART_FONT_FAMILY }, boxWidth: 14 },
    });
    expect(ar.tooltip).toEqual({ rtl: true, textDirection: 'rtl' });
    expect(ar.options).toEqual({
      responsive: true,
      maintainAspectRatio: false,
      locale: 'ar-MA',
      animation: false,
      font: { family: CHART_FONT_FAMILY },
    });
    expect(ar.valueTicks.callback(1234.5)).not.toMatch(/[\u0660-\u0669]/);
  });

  it('reads left to right in French and English, and leaves category ticks as they are', () => {
    const fr = chartReading('fr');
    expect(fr.rtl).toBe(false);
    expect(fr.tooltip.textDirection).toBe('ltr');
    expect(fr.valueTicks.precision).toBe(0);
    expect(fr.valueTicks.callback(1234.5)).toBe('1.234,5');
    expect(fr.valueTicks.callback('Jan')).toBe('Jan');
    expect(chartReading('en').options.locale).toBe('en-GB');
  });

  it('maps each locale to the tag Chart.js formats with', () => {
    expect(['ar', 'fr', 'en'].map((l) => chartLocaleTag(l as 'ar' | 'fr' | 'en'))).toEqual(['ar-MA', 'fr-MA', 'en-GB']);
  });
});
