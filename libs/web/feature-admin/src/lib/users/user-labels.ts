import type { Locale } from '@marsad/contracts';

export const LANGUAGE_KEYS: Record<Locale, string> = { ar: 'language.ar', fr: 'language.fr', en: 'language.en' };
