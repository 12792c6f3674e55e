import { computed, inject, InjectionToken, type Signal } from '@angular/core';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@marsad/contracts';
import { TranslateService } from '@ngx-translate/core';

/**
 * The reader's locale as a signal. The app binds it to LocaleService; by default it follows
 * ngx-translate's current language, so UI pieces work without the data-access layer.
 */
export const MSD_LOCALE = new InjectionToken<Signal<Locale>>('MSD_LOCALE', {
  providedIn: 'root',
  factory: () => {
    const translate = inject(TranslateService);
    return computed(() => {
      const lang = translate.currentLang();
      return isLocale(lang) ? lang : DEFAULT_LOCALE;
    });
  },
});

/** Intl locale per UI locale: Moroccan Arabic and French, British English. Arabic keeps Latin digits, as in Morocco. */
export const INTL_LOCALES: Record<Locale, string> = {
  ar: 'ar-MA-u-nu-latn',
  fr: 'fr-MA',
  en: 'en-GB',
};

export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

/** Parses `YYYY-MM-DD` as a calendar day (UTC), anything else as a timestamp. */
export function parseDate(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Date.UTC(+day[1], +day[2] - 1, +day[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export type DateFormat = 'long' | 'short' | 'datetime';

export function formatDate(
  value: string | Date | null | undefined,
  locale: Locale,
  format: DateFormat = 'long',
): string {
  if (value === null || value === undefined || value === '') return '';
  const date = parseDate(value);
  if (!date) return '';
  const isCalendarDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const options: Intl.DateTimeFormatOptions =
    format === 'short'
      ? { day: '2-digit', month: '2-digit', year: 'numeric' }
      : format === 'datetime'
        ? { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }
        : { day: 'numeric', month: 'long', year: 'numeric' };
  // Calendar days carry no time zone: format them in UTC so they never shift by a day.
  return new Intl.DateTimeFormat(intlLocale(locale), isCalendarDay ? { ...options, timeZone: 'UTC' } : options).format(
    date,
  );
}

export function formatNumber(
  value: number | null | undefined,
  locale: Locale,
  options: Intl.NumberFormatOptions = {},
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1, ...options }).format(value);
}

/** A 0–100 figure as a percentage in the reader's locale. */
export function formatPercent(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

export function formatFileSize(bytes: number | null | undefined, locale: Locale): string {
  if (bytes === null || bytes === undefined) return '';
  const [unit, amount] =
    bytes >= 1024 * 1024
      ? (['megabyte', bytes / (1024 * 1024)] as const)
      : bytes >= 1024
        ? (['kilobyte', bytes / 1024] as const)
        : (['byte', bytes] as const);
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(amount);
}

/** Whole days from an instant to now (0 at the least), e.g. how long a report has waited; null without one. */
export function wholeDaysSince(instant: string | null | undefined, now = Date.now()): number | null {
  return instant ? Math.max(0, Math.floor((now - new Date(instant).getTime()) / 86_400_000)) : null;
}

/**
 * How long ago an instant was, for recent messages: "now", "5 minutes ago", "yesterday", up to a
 * week; older ones show their short date.
 */
export function formatRelativeTime(
  value: string | Date | null | undefined,
  locale: Locale,
  now: number = Date.now(),
): string {
  if (value === null || value === undefined || value === '') return '';
  const date = parseDate(value);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now) / 1000);
  const ago = Math.abs(seconds);
  if (ago >= 7 * 86_400 || seconds > 60) return formatDate(date, locale, 'short');
  const relative = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  if (ago < 60) return relative.format(0, 'second');
  if (ago < 3600) return relative.format(-Math.floor(ago / 60), 'minute');
  if (ago < 86_400) return relative.format(-Math.floor(ago / 3600), 'hour');
  return relative.format(-Math.floor(ago / 86_400), 'day');
}
