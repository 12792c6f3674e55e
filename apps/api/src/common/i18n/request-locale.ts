import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from '@marsad/contracts';
import type { Request } from 'express';

/** The caller's language: `?lang=` first, then Accept-Language, else French. */
export function requestLocale(request: Pick<Request, 'headers' | 'query'>): Locale {
  const fromQuery = request.query?.['lang'];
  if (isLocale(fromQuery)) return fromQuery;
  return negotiateLocale(request.headers['accept-language']) ?? DEFAULT_LOCALE;
}
