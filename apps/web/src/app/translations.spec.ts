import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The three translation files and the literal keys the code uses, checked together.
const ROOT = join(__dirname, '../../../..');
const LOCALES = ['ar', 'fr', 'en'] as const;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === 'object') flatten(child, path).forEach((v, k) => out.set(k, v));
    else out.set(path, String(child));
  }
  return out;
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (/\.(ts|html)$/.test(name) && !/\.spec\.ts$/.test(name)) out.push(path);
  }
  return out;
}

const translations = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    flatten(JSON.parse(readFileSync(join(ROOT, `apps/web/public/i18n/${locale}.json`), 'utf8'))),
  ]),
) as Record<(typeof LOCALES)[number], Map<string, string>>;

describe('translations', () => {
  it('have the same keys in ar, fr and en, none empty', () => {
    const fr = [...translations.fr.keys()].sort();
    for (const locale of LOCALES) {
      expect([...translations[locale].keys()].sort()).toEqual(fr);
      expect([...translations[locale].entries()].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    }
  });

  it('keep the same {{placeholders}} in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const differing = [...translations.fr.entries()]
      .filter(([key, fr]) =>
        LOCALES.some((l) => placeholders(translations[l].get(key) ?? '').join() !== placeholders(fr).join()),
      )
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('say "data" in Arabic with Morocco’s official term, المعطيات, never البيانات', () => {
    // Any form: البيانات, بيانات, للبيانات, بياناتها… («مجموعة معطيات», «قاعدة المعطيات», «المعطيات المفتوحة»).
    const offending = [...translations.ar.entries()].filter(([, v]) => v.includes('بيانات')).map(([k]) => k);
    expect(offending).toEqual([]);
  });

  it('contain every literal key the web code uses', () => {
    const namespaces = new Set([...translations.fr.keys()].map((k) => k.split('.')[0]));
    const sources = [...files(join(ROOT, 'apps/web/src')), ...files(join(ROOT, 'libs/web'))];
    const missing: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      // Templates (files and inline): any quoted dotted key; code: values (`: 'a.b'`) and instant('a.b').
      const template = /'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g;
      const code = /(?::\s*|instant\(|set\()'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g;
      const matches = file.endsWith('.html')
        ? [...text.matchAll(template)]
        : [
            ...text.matchAll(code),
            ...[...text.matchAll(/template:\s*`([\s\S]*?)`/g)].flatMap((m) => [...m[1].matchAll(template)]),
          ];
      for (const match of matches) {
        const key = match[1];
        if (namespaces.has(key.split('.')[0]) && !translations.fr.has(key))
          missing.push(`${file.replace(ROOT, '')}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
