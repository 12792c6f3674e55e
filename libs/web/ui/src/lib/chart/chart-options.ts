import { directionOf, type Locale } from '@marsad/contracts';
import { formatNumber } from '../locale/msd-locale';

/** The chart font stack: Arabic and Latin glyphs from the same families as the page. */
export const CHART_FONT_FAMILY = "'Noto Sans Arabic', 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif";

/** The locale tag Chart.js formats with (Latin digits in Moroccan Arabic, dotted thousands in French). */
export function chartLocaleTag(locale: Locale): string {
  return locale === 'ar' ? 'ar-MA' : locale === 'fr' ? 'fr-MA' : 'en-GB';
}

/**
 * What every chart shares for a reader: its direction, a number formatter for value ticks,
 * and the options that follow from those (legend and tooltip direction, font, locale).
 */
export function chartReading(locale: Locale) {
  const rtl = directionOf(locale) === 'rtl';
  const textDirection = rtl ? 'rtl' : 'ltr';
  const font = { family: CHART_FONT_FAMILY };
  const format = (value: number | string) => (typeof value === 'number' ? formatNumber(value, locale) : value);
  return {
    rtl,
    font,
    /** Ticks of a value axis: whole steps, numbers in the reader's format. */
    valueTicks: { font, precision: 0, callback: format },
    /** The top-level options every chart starts from. */
    options: {
      responsive: true,
      maintainAspectRatio: false,
      locale: chartLocaleTag(locale),
      animation: false as const,
      font,
    },
    legend: { position: 'bottom' as const, rtl, textDirection, labels: { font, boxWidth: 14 } },
    tooltip: { rtl, textDirection },
  };
}
