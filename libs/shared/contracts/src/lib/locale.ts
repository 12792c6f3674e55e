export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** Text people read, stored once per locale. */
export interface LocalizedText {
  ar: string;
  fr: string;
  en: string;
}

/** Text written by a person in one or more locales (at least one is present). */
export type PartialLocalizedText = Partial<LocalizedText>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

// Fallback order when a text lacks the reader's locale: French, then Arabic, then English.
const FALLBACK: readonly Locale[] = ['fr', 'ar', 'en'];

/** The text in the reader's locale, or the first one present, with the locale actually used. */
export function pickText(
  text: PartialLocalizedText | null | undefined,
  locale: Locale,
): { text: string; locale: Locale } | null {
  if (!text) return null;
  for (const candidate of [locale, ...FALLBACK]) {
    const value = text[candidate];
    if (value && value.trim()) return { text: value, locale: candidate };
  }
  return null;
}

/**
 * Picks the best supported locale from an Accept-Language header value
 * (e.g. "ar-MA,ar;q=0.9,fr;q=0.8"). Returns null when none is supported.
 */
export function negotiateLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.lang && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const match = ranked.find((entry) => isLocale(entry.lang));
  return match ? (match.lang as Locale) : null;
}
