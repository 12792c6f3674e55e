import { ERROR_CODES, LOCALES } from '@marsad/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_MESSAGES } from './messages';

/**
 * The API writes its messages from `messages.ts`; the web app shows its own strings from
 * apps/web/public/i18n. They are two catalogues on purpose (the API answers any client, the web
 * words things for its screens), so the keys they share — the error codes — are kept in step here.
 */
const WEB = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(readFileSync(join(__dirname, '../../../../web/public/i18n', `${locale}.json`), 'utf8')),
  ]),
) as Record<string, { errors: Record<string, string> }>;

describe('API and web translations stay in step', () => {
  it.each(LOCALES)('every error code has an API message and a web string in %s', (locale) => {
    const missing = ERROR_CODES.filter(
      (code) => !ERROR_MESSAGES[code]?.[locale]?.trim() || !WEB[locale].errors?.[code]?.trim(),
    );
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('the web has no string for an error code the API no longer has (%s)', (locale) => {
    const known = new Set<string>([...ERROR_CODES, 'NETWORK_ERROR']);
    expect(Object.keys(WEB[locale].errors).filter((code) => !known.has(code))).toEqual([]);
  });
});
