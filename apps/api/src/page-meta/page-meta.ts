import { LOCALES, type Locale, type PartialLocalizedText, pickText } from '@marsad/contracts';

/**
 * What a link preview (a messaging app, a social network, a search engine) reads of a page: none
 * of them runs the app's JavaScript, so the server writes each public page's title, description,
 * language and Open Graph tags into the index.html it sends for that address.
 */
export interface PageMeta {
  locale: Locale;
  title: string;
  description: string;
  /** The page's absolute address, and the same page in each language. */
  url: string;
  alternates: Record<Locale, string>;
}

/** The database row a page is about, looked up by the address's parameter. */
export type PageSubject = 'measure' | 'activity' | 'institution' | 'scorecard' | 'awardEdition';

export interface PublicPage {
  /** The path after the language, with `:param` for the looked-up part. */
  pattern: string;
  /** The translation key of the page's title (the web route's own), used when nothing is looked up. */
  titleKey: string;
  subject?: PageSubject;
}

/**
 * The public pages, as the web app routes them (libs/web/feature-*\/src/lib/*.routes.ts). Other
 * addresses (signed-in pages) get the product's name and tagline only: nothing is looked up for them.
 */
export const PUBLIC_PAGES: readonly PublicPage[] = [
  { pattern: '', titleKey: 'titles.overview' },
  { pattern: 'plans/:param', titleKey: 'titles.overview' },
  { pattern: 'measures/:param', titleKey: 'titles.measure', subject: 'measure' },
  { pattern: 'activities/:param', titleKey: 'titles.activity', subject: 'activity' },
  { pattern: 'metrics', titleKey: 'metrics.titles.national' },
  { pattern: 'metrics/rankings', titleKey: 'metrics.titles.rankings' },
  { pattern: 'metrics/methodology', titleKey: 'metrics.titles.methodology' },
  { pattern: 'metrics/:param', titleKey: 'metrics.titles.scorecard', subject: 'scorecard' },
  { pattern: 'open-data', titleKey: 'openData.title' },
  { pattern: 'institutions', titleKey: 'titles.registry' },
  { pattern: 'institutions/:param', titleKey: 'titles.institution', subject: 'institution' },
  { pattern: 'coverage', titleKey: 'titles.coverage' },
  { pattern: 'events', titleKey: 'events.title' },
  { pattern: 'reach', titleKey: 'reach.title' },
  { pattern: 'reuses', titleKey: 'reuses.title' },
  { pattern: 'award', titleKey: 'award.title' },
  { pattern: 'award/:param', titleKey: 'award.detailTitle', subject: 'awardEdition' },
];

/** Parameters worth a lookup: a UUID or a registry code, nothing else reaches the database. */
const PARAM = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9][A-Za-z0-9._-]{0,63})$/i;

export interface MatchedPage {
  locale: Locale;
  /** The path after the language, without slashes at either end. */
  rest: string;
  page: PublicPage | null;
  param: string | null;
}

/** The language and public page of an address (`/ar/measures/…`); null outside `/:lang/…`. */
export function matchPage(path: string): MatchedPage | null {
  const [first, ...parts] = path.split('/').filter(Boolean);
  if (!first || !(LOCALES as readonly string[]).includes(first)) return null;
  const locale = first as Locale;
  const rest = parts.join('/');
  for (const page of PUBLIC_PAGES) {
    const expected = page.pattern ? page.pattern.split('/') : [];
    if (expected.length !== parts.length) continue;
    let param: string | null = null;
    const same = expected.every((segment, i) => {
      if (segment !== ':param') return segment === parts[i];
      param = parts[i];
      return true;
    });
    if (!same) continue;
    if (param !== null && !PARAM.test(param)) return { locale, rest, page: null, param: null };
    return { locale, rest, page, param };
  }
  return { locale, rest, page: null, param: null };
}

/** A translation table (the web app's i18n JSON): a dotted key's text, `{{name}}` filled in. */
export function translate(table: unknown, key: string, params: Record<string, string | number> = {}): string | null {
  let node: unknown = table;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'string') return null;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A text of the row in the page's language (or the nearest one), trimmed to what a preview shows. */
export function textIn(text: PartialLocalizedText | null | undefined, locale: Locale, max = 300): string | null {
  const picked = pickText(text, locale)?.text.trim();
  if (!picked) return null;
  const flat = picked.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

const OG_LOCALE: Record<Locale, string> = { ar: 'ar_MA', fr: 'fr_MA', en: 'en_GB' };

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The app's index.html for one page: its language and direction on `<html>` (so Arabic opens
 * right to left before any script runs), its title and description, a canonical address with its
 * other languages, and the Open Graph tags previews read.
 */
export function renderIndex(html: string, meta: PageMeta): string {
  const title = escapeHtml(meta.title);
  const description = escapeHtml(meta.description);
  const dir = meta.locale === 'ar' ? 'rtl' : 'ltr';
  const head = [
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
    ...LOCALES.map((l) => `<link rel="alternate" hreflang="${l}" href="${escapeHtml(meta.alternates[l])}" />`),
    `<link rel="alternate" hreflang="x-default" href="${escapeHtml(meta.alternates.fr)}" />`,
    `<meta property="og:site_name" content="Marsad · مرصد" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
    `<meta property="og:locale" content="${OG_LOCALE[meta.locale]}" />`,
    ...LOCALES.filter((l) => l !== meta.locale).map(
      (l) => `<meta property="og:locale:alternate" content="${OG_LOCALE[l]}" />`,
    ),
    `<meta name="twitter:card" content="summary" />`,
  ].join('\n    ');
  let out = html.replace(/<html\b[^>]*>/i, `<html lang="${meta.locale}" dir="${dir}">`);
  out = out.replace(/<title>[\s\S]*?<\/title>/i, `<title>${title}</title>`);
  const descriptionTag = `<meta name="description" content="${description}" />`;
  out = /<meta\s+name="description"[^>]*>/i.test(out)
    ? out.replace(/<meta\s+name="description"[^>]*>/i, descriptionTag)
    : out.replace(/<\/head>/i, `  ${descriptionTag}\n  </head>`);
  return out.replace(/<\/head>/i, `  ${head}\n  </head>`);
}
