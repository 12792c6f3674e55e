import {
  EMAIL_STATES,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_KIND_LIST,
  NOTIFICATION_MODES,
  templatePlaceholders,
} from '@marsad/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EMAIL_STATE_KEYS,
  NOTIFICATION_CATEGORY_KEYS,
  NOTIFICATION_KIND_KEYS,
  NOTIFICATION_MODE_KEYS,
  notificationKindKey,
  notificationTextKey,
} from './notification-labels';

const ROOT = join(__dirname, '../../../../../..');
const LOCALES = ['ar', 'fr', 'en'] as const;
const translations = LOCALES.map((locale) => ({
  locale,
  json: JSON.parse(readFileSync(join(ROOT, `apps/web/public/i18n/${locale}.json`), 'utf8')) as unknown,
}));

/** The text at a key, read as ngx-translate does: a JSON key may itself hold dots (`report.returned`). */
function textAt(json: unknown, key: string): string | undefined {
  const parts = key.split('.');
  let node = json;
  let pending = '';
  while (parts.length) {
    pending += parts.shift();
    const next = node && typeof node === 'object' ? (node as Record<string, unknown>)[pending] : undefined;
    if (next !== undefined && (typeof next === 'object' || parts.length === 0)) {
      node = next;
      pending = '';
    } else if (parts.length === 0) {
      return undefined;
    } else {
      pending += '.';
    }
  }
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

function unlabelled(keys: readonly (string | null)[]): string[] {
  return keys.flatMap((key) =>
    translations.filter(({ json }) => !key || !textAt(json, key)).map(({ locale }) => `${key} (${locale})`),
  );
}

describe('notification labels', () => {
  it('name every category, mode, e-mail state and kind, in ar, fr and en', () => {
    expect(Object.keys(NOTIFICATION_CATEGORY_KEYS).sort()).toEqual([...NOTIFICATION_CATEGORIES].sort());
    expect(Object.keys(NOTIFICATION_MODE_KEYS).sort()).toEqual([...NOTIFICATION_MODES].sort());
    expect(Object.keys(EMAIL_STATE_KEYS).sort()).toEqual([...EMAIL_STATES].sort());
    expect(Object.keys(NOTIFICATION_KIND_KEYS).sort()).toEqual(
      [...NOTIFICATION_KIND_LIST, 'digest.daily', 'digest.weekly'].sort(),
    );
    expect(
      unlabelled([
        ...Object.values(NOTIFICATION_CATEGORY_KEYS),
        ...Object.values(NOTIFICATION_MODE_KEYS),
        ...Object.values(EMAIL_STATE_KEYS),
        ...Object.values(NOTIFICATION_KIND_KEYS),
      ]),
    ).toEqual([]);
    expect(notificationKindKey('something.else')).toBeNull();
  });

  it('find the title and body of every message, and of the summaries, with the same placeholders', () => {
    const kinds = [...NOTIFICATION_KIND_LIST, 'digest.daily', 'digest.weekly'];
    const keys = kinds.flatMap((kind) => [notificationTextKey(kind, 'title'), notificationTextKey(kind, 'body')]);
    expect(notificationTextKey('report.returned', 'title')).toBe('notify.kinds.report.returned.title');
    expect(notificationTextKey('digest.daily', 'body')).toBe('notify.digest.daily.body');
    expect(unlabelled(keys)).toEqual([]);
    for (const key of keys) {
      const [fr, ...others] = ['fr', 'ar', 'en'].map((l) =>
        templatePlaceholders(textAt(translations.find((t) => t.locale === l)?.json, key) ?? '').sort(),
      );
      for (const other of others) expect(other).toEqual(fr);
    }
  });
});
