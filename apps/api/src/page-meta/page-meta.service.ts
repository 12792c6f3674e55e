import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOCALES, type Locale, type PartialLocalizedText } from '@marsad/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { matchPage, renderIndex, textIn, translate, type MatchedPage, type PageSubject } from './page-meta';

/** How long a rendered page is reused: a renamed measure shows in previews within a minute. */
const TTL_MS = 60_000;
/** Rendered pages kept at most (addresses are bounded by the plan and the registry; this bounds the rest). */
const MAX_ENTRIES = 2_000;

interface Subject {
  /** The title's key and parameters when the row was found. */
  titleKey: string;
  params: Record<string, string | number>;
  description: string | null;
}

/** Each public page's index.html with its own title, description, language and Open Graph tags. */
@Injectable()
export class PageMetaService {
  private readonly logger = new Logger(PageMetaService.name);
  private readonly root: string;
  private index: string | null = null;
  private readonly tables = new Map<Locale, unknown>();
  private readonly cache = new Map<string, { html: string; at: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.root = resolve(config.webDist);
  }

  /** The page's HTML, or null when the address is not a page of a language (then index.html goes as built). */
  async render(path: string): Promise<string | null> {
    const matched = matchPage(path);
    if (!matched) return null;
    const index = this.indexHtml();
    if (!index) return null;
    const key = `${matched.locale}/${matched.rest}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.html;
    const html = renderIndex(index, await this.meta(matched));
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key, { html, at: Date.now() });
    return html;
  }

  private async meta(matched: MatchedPage) {
    const { locale, page, param } = matched;
    const table = this.table(locale);
    const app = translate(table, 'app.name') ?? 'Marsad';
    const tagline = translate(table, 'app.tagline') ?? '';
    let pageTitle: string | null = null;
    let description: string | null = null;
    if (page) {
      const subject = page.subject && param ? await this.subject(page.subject, param, locale) : null;
      pageTitle = subject ? translate(table, subject.titleKey, subject.params) : translate(table, page.titleKey);
      description = subject?.description ?? null;
    }
    const base = this.config.publicUrl;
    const rest = matched.rest ? `/${matched.rest}` : '/';
    const alternates = Object.fromEntries(LOCALES.map((l) => [l, `${base}/${l}${rest}`])) as Record<Locale, string>;
    return {
      locale,
      title: pageTitle && pageTitle !== app ? `${pageTitle} · ${app}` : app,
      description: description ?? (pageTitle && page?.pattern ? `${pageTitle} · ${tagline}` : tagline),
      url: alternates[locale],
      alternates,
    };
  }

  /** The row a page is about, as its page titles it; null when there is none (the generic title then). */
  private async subject(kind: PageSubject, param: string, locale: Locale): Promise<Subject | null> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(param);
    const one = async <T>(sql: string): Promise<T | null> => {
      const rows: T[] = await this.dataSource.query(sql, [param]);
      return rows[0] ?? null;
    };
    try {
      switch (kind) {
        case 'measure': {
          if (!uuid) return null;
          const row = await one<{
            number: number;
            title: PartialLocalizedText;
            description: PartialLocalizedText | null;
          }>('SELECT number, title, description FROM measures WHERE id = $1');
          return row
            ? {
                titleKey: 'titles.measureNumbered',
                params: { number: row.number, title: textIn(row.title, locale, 120) ?? '' },
                description: textIn(row.description, locale),
              }
            : null;
        }
        case 'activity': {
          if (!uuid) return null;
          const row = await one<{ code: string; title: PartialLocalizedText }>(
            'SELECT code, title FROM activities WHERE id = $1',
          );
          return row
            ? { titleKey: 'titles.activityCoded', params: { code: row.code }, description: textIn(row.title, locale) }
            : null;
        }
        case 'institution':
        case 'scorecard': {
          const row = await one<{ name: PartialLocalizedText }>('SELECT name FROM institutions WHERE code = $1');
          const name = row ? textIn(row.name, locale, 150) : null;
          if (!name) return null;
          return kind === 'institution'
            ? { titleKey: 'titles.institutionNamed', params: { name }, description: null }
            : { titleKey: 'metrics.titles.scorecardNamed', params: { name }, description: null };
        }
        case 'awardEdition': {
          if (!uuid) return null;
          const row = await one<{ title: PartialLocalizedText }>('SELECT title FROM award_editions WHERE id = $1');
          const title = row ? textIn(row.title, locale, 150) : null;
          return title ? { titleKey: 'award.detailTitleNamed', params: { title }, description: null } : null;
        }
      }
    } catch (error) {
      // A preview is never worth a failed page: the generic title goes out instead.
      this.logger.warn(`No page subject for ${kind} ${param}: ${(error as Error).message}`);
      return null;
    }
  }

  private indexHtml(): string | null {
    if (this.index === null) {
      const file = join(this.root, 'index.html');
      if (!existsSync(file)) return null;
      this.index = readFileSync(file, 'utf8');
    }
    return this.index;
  }

  private table(locale: Locale): unknown {
    if (!this.tables.has(locale)) {
      const file = join(this.root, 'i18n', `${locale}.json`);
      let table: unknown = {};
      try {
        table = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
      } catch (error) {
        this.logger.warn(`Unreadable ${file}: ${(error as Error).message}`);
      }
      this.tables.set(locale, table);
    }
    return this.tables.get(locale);
  }
}
