import { DEFAULT_LOCALE, isLocale, type Locale } from '@marsad/contracts';

export const LOCALE_STORAGE_KEY = 'msd.locale';

/** The primary subtag of a language tag, if it is one we support: `ar-MA` → `ar`. */
export function localeFromTag(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}

/** The remembered choice, else the browser's first supported language, else French. */
export function preferredLocale(stored: string | null | undefined, browserLanguages: readonly string[] = []): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

// Something in the first segment that looks like a language tag (`de`, `ar-MA`, `zh_Hant`).
const LANGUAGE_TAG = /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i;

/**
 * Where to send a URL whose first segment is not one of our locales.
 * `/de/measures/x` → `/fr/measures/x` (the preferred locale), `/ar-MA/x` → `/ar/x`,
 * `/measures/x` → `/fr/measures/x`; a known locale with an unknown page goes to that locale's home.
 */
export function resolveLocaleRedirect(segments: readonly string[], preferred: Locale): string[] {
  const [first, ...rest] = segments;
  if (first === undefined || first === '') return [preferred];
  if (isLocale(first)) return [first];
  if (LANGUAGE_TAG.test(first)) return [localeFromTag(first) ?? preferred, ...rest];
  return [preferred, ...segments];
}

/** The same URL in another locale: swaps the first path segment, keeps query and fragment. */
export function swapLocaleInUrl(url: string, locale: Locale): string {
  const match = /^\/?([^/?#]*)(.*)$/.exec(url);
  if (!match) return `/${locale}`;
  const [, first, rest] = match;
  if (isLocale(first)) return `/${locale}${rest}`;
  return `/${locale}${first ? `/${first}` : ''}${rest}`;
}
