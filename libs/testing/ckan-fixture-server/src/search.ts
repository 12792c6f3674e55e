/**
 * Just enough of Solr's query syntax for harvesters: `*:*`, free text (matched on title and name),
 * `field:value`, `field:"quoted value"`, `field:prefix*`, `field:[A TO B]` / `{A TO B}` with `*`,
 * ISO dates (`…Z`) and `NOW[-N UNIT][/UNIT]`, `field:(a OR b)`, `AND` / `OR` / `NOT` / `-` / `+`,
 * parentheses; clauses side by side are ANDed (CKAN's Solr schema uses q.op=AND).
 */
import { Catalogue, fold } from './catalogue';
import type { CkanPackage } from './types';

/** A query Solr would reject: CKAN answers HTTP 409 `Search Error`. */
export class SearchSyntaxError extends Error {}

type Node =
  | { kind: 'all' }
  | { kind: 'and'; items: Node[] }
  | { kind: 'or'; items: Node[] }
  | { kind: 'not'; item: Node }
  | { kind: 'term'; field: string; value: string; phrase: boolean }
  | { kind: 'range'; field: string; lo: string; hi: string; loInclusive: boolean; hiInclusive: boolean };

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): Node {
    const node = this.parseOr(null);
    this.ws();
    if (this.pos < this.text.length) throw this.error(`unexpected '${this.text[this.pos]}'`);
    return node;
  }

  private error(message: string): SearchSyntaxError {
    return new SearchSyntaxError(
      `org.apache.solr.search.SyntaxError: Cannot parse '${this.text}': ${message} at position ${this.pos}`,
    );
  }

  private ws(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private keyword(word: string): boolean {
    this.ws();
    if (this.text.startsWith(word, this.pos)) {
      const after = this.text[this.pos + word.length];
      if (after === undefined || /[\s(]/.test(after)) {
        this.pos += word.length;
        return true;
      }
    }
    return false;
  }

  private parseOr(field: string | null): Node {
    const items = [this.parseAnd(field)];
    while (this.keyword('OR') || this.symbol('||')) items.push(this.parseAnd(field));
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private symbol(s: string): boolean {
    this.ws();
    if (this.text.startsWith(s, this.pos)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }

  private parseAnd(field: string | null): Node {
    const items = [this.parseUnary(field)];
    for (;;) {
      this.ws();
      if (this.pos >= this.text.length || this.text[this.pos] === ')') break;
      const save = this.pos;
      if (this.keyword('OR') || this.symbol('||')) {
        this.pos = save;
        break;
      }
      if (!this.keyword('AND')) this.symbol('&&');
      items.push(this.parseUnary(field));
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private parseUnary(field: string | null): Node {
    this.ws();
    if (this.keyword('NOT') || this.symbol('-') || this.symbol('!'))
      return { kind: 'not', item: this.parseUnary(field) };
    if (this.symbol('+')) return this.parseUnary(field);
    if (this.symbol('(')) {
      const node = this.parseOr(field);
      if (!this.symbol(')')) throw this.error("expected ')'");
      return node;
    }
    return this.parseClause(field);
  }

  private parseClause(field: string | null): Node {
    this.ws();
    if (this.pos >= this.text.length) throw this.error('unexpected end of query');
    if (this.text[this.pos] === '"')
      return { kind: 'term', field: field ?? 'text', value: this.quoted(), phrase: true };
    if (this.text[this.pos] === '[' || this.text[this.pos] === '{') {
      if (!field) throw this.error('range without a field');
      return this.range(field);
    }
    const word = this.word(field === null);
    if (field === null && this.text[this.pos] === ':') {
      this.pos++;
      const target = word;
      const next = this.text[this.pos];
      if (next === undefined || /\s/.test(next)) throw this.error(`missing value for field ${target}`);
      if (next === '(') {
        this.pos++;
        const node = this.parseOr(target);
        if (!this.symbol(')')) throw this.error("expected ')'");
        return node;
      }
      if (next === '"') return { kind: 'term', field: target, value: this.quoted(), phrase: true };
      if (next === '[' || next === '{') return this.range(target);
      const value = this.word(false);
      if (target === '*' && value === '*') return { kind: 'all' };
      return { kind: 'term', field: target, value, phrase: false };
    }
    if (field === null && word === '*') return { kind: 'all' };
    return { kind: 'term', field: field ?? 'text', value: word, phrase: false };
  }

  /** A bare word; stops at whitespace, parentheses and (when `stopAtColon`) an unescaped colon. */
  private word(stopAtColon: boolean): string {
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '\\' && this.pos + 1 < this.text.length) {
        out += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (/\s/.test(ch) || ch === '(' || ch === ')' || (stopAtColon && ch === ':')) break;
      out += ch;
      this.pos++;
    }
    if (!out) throw this.error('expected a term');
    return out;
  }

  private quoted(): string {
    const end = this.text.indexOf('"', this.pos + 1);
    if (end < 0) throw this.error('unterminated quote');
    const value = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return value;
  }

  private range(field: string): Node {
    const open = this.text[this.pos];
    const close = this.text.slice(this.pos).search(/[\]}]/);
    if (close < 0) throw this.error('unterminated range');
    const body = this.text.slice(this.pos + 1, this.pos + close).trim();
    const closeChar = this.text[this.pos + close];
    this.pos += close + 1;
    const parts = body.split(/\s+TO\s+/);
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw this.error(`bad range [${body}]`);
    return {
      kind: 'range',
      field,
      lo: parts[0].replace(/\\(.)/g, '$1'),
      hi: parts[1].replace(/\\(.)/g, '$1'),
      loInclusive: open === '[',
      hiInclusive: closeChar === ']',
    };
  }
}

export function parseQuery(text: string): Node {
  if (!text.trim()) return { kind: 'all' };
  return new Parser(text).parse();
}

const UNIT_MS: Record<string, number> = {
  SECOND: 1000,
  SECONDS: 1000,
  MINUTE: 60_000,
  MINUTES: 60_000,
  HOUR: 3_600_000,
  HOURS: 3_600_000,
  DAY: 86_400_000,
  DAYS: 86_400_000,
  DATE: 86_400_000,
  WEEK: 604_800_000,
  WEEKS: 604_800_000,
};

/** A Solr date (`2026-01-01T00:00:00Z`, `…00.5Z`, `NOW`, `NOW-7DAYS`, `NOW/DAY`) in microseconds, or ±Infinity for `*`. */
export function parseSolrDate(value: string, isLow: boolean): number {
  if (value === '*') return isLow ? -Infinity : Infinity;
  const iso = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?Z$/.exec(value);
  if (iso) {
    const ms = Date.parse(iso[1] + 'Z');
    if (Number.isNaN(ms)) throw new SearchSyntaxError(`Invalid Date String:'${value}'`);
    const fraction = iso[2] ? Number('0' + iso[2]) : 0;
    return ms * 1000 + Math.round(fraction * 1_000_000);
  }
  const math = /^NOW((?:[+-]\d+[A-Z]+)*)(?:\/([A-Z]+))?$/.exec(value);
  if (math) {
    let ms = Date.now();
    for (const step of math[1].match(/[+-]\d+[A-Z]+/g) ?? []) {
      const m = /^([+-])(\d+)([A-Z]+)$/.exec(step);
      const unit = m ? UNIT_MS[m[3]] : undefined;
      if (!m || unit === undefined) throw new SearchSyntaxError(`Invalid Date Math String:'${value}'`);
      ms += (m[1] === '-' ? -1 : 1) * Number(m[2]) * unit;
    }
    if (math[2]) {
      const unit = UNIT_MS[math[2]];
      if (unit === undefined) throw new SearchSyntaxError(`Invalid Date Math String:'${value}'`);
      ms = Math.floor(ms / unit) * unit;
    }
    return ms * 1000;
  }
  throw new SearchSyntaxError(`Invalid Date String:'${value}'`);
}

type Predicate = (index: number) => boolean;

const DATE_FIELDS = new Set(['metadata_modified', 'metadata_created']);

/** Compile a query to a predicate on dataset indexes. */
export function compile(node: Node, catalogue: Catalogue): Predicate {
  switch (node.kind) {
    case 'all':
      return () => true;
    case 'and': {
      const items = node.items.map((n) => compile(n, catalogue));
      return (i) => items.every((p) => p(i));
    }
    case 'or': {
      const items = node.items.map((n) => compile(n, catalogue));
      return (i) => items.some((p) => p(i));
    }
    case 'not': {
      const item = compile(node.item, catalogue);
      return (i) => !item(i);
    }
    case 'range':
      return compileRange(node, catalogue);
    case 'term':
      return compileTerm(node.field, node.value, node.phrase, catalogue);
  }
}

function compileRange(node: Extract<Node, { kind: 'range' }>, catalogue: Catalogue): Predicate {
  if (DATE_FIELDS.has(node.field)) {
    const lo = parseSolrDate(node.lo, true);
    const hi = parseSolrDate(node.hi, false);
    const get =
      node.field === 'metadata_modified'
        ? (i: number) => catalogue.modifiedUsOf(i)
        : (i: number) => catalogue.createdUsOf(i);
    return (i) => {
      const v = get(i);
      return (node.loInclusive ? v >= lo : v > lo) && (node.hiInclusive ? v <= hi : v < hi);
    };
  }
  if (node.field === 'num_resources' || node.field === 'num_tags') {
    const lo = node.lo === '*' ? -Infinity : Number(node.lo);
    const hi = node.hi === '*' ? Infinity : Number(node.hi);
    return (i) => {
      const v = (catalogue.dataset(i) as unknown as Record<string, number>)[node.field];
      return (node.loInclusive ? v >= lo : v > lo) && (node.hiInclusive ? v <= hi : v < hi);
    };
  }
  // string range: lexicographic
  return (i) => {
    const values = fieldValues(catalogue, i, node.field);
    return values.some(
      (v) =>
        (node.lo === '*' || (node.loInclusive ? v >= node.lo : v > node.lo)) &&
        (node.hi === '*' || (node.hiInclusive ? v <= node.hi : v < node.hi)),
    );
  };
}

function textMatcher(value: string, phrase: boolean): (haystack: string) => boolean {
  const needle = fold(value).replace(/\*/g, '');
  if (phrase) return (h) => h.includes(needle);
  const words = needle.split(/[^a-z0-9\u0600-\u06ff]+/).filter(Boolean);
  return (h) => words.every((w) => h.includes(w));
}

function compileTerm(field: string, value: string, phrase: boolean, catalogue: Catalogue): Predicate {
  if (field === 'text' || field === 'title' || field === 'q') {
    const match = textMatcher(value, phrase);
    return (i) => match(fold(catalogue.titleOf(i) + ' ' + catalogue.nameOf(i)));
  }
  if (DATE_FIELDS.has(field)) {
    if (value === '*') return () => true;
    const at = parseSolrDate(value, true);
    const get =
      field === 'metadata_modified'
        ? (i: number) => catalogue.modifiedUsOf(i)
        : (i: number) => catalogue.createdUsOf(i);
    return (i) => get(i) === at;
  }
  const matches = valueMatcher(value);
  switch (field) {
    case 'organization': {
      const names = catalogue.organizations.map((o) => matches(o.name));
      return (i) => catalogue.orgIndexOf(i) >= 0 && names[catalogue.orgIndexOf(i)];
    }
    case 'owner_org': {
      const ids = catalogue.organizations.map((o) => matches(o.id));
      return (i) => catalogue.orgIndexOf(i) >= 0 && ids[catalogue.orgIndexOf(i)];
    }
    case 'name':
      return (i) => matches(catalogue.nameOf(i));
    case 'id':
      return (i) => matches(catalogue.idOf(i));
    case 'license_id':
      return (i) => matches(catalogue.licenceIdOf(i) ?? '');
    case 'dataset_type':
    case 'type':
      return () => matches('dataset');
    case 'state':
      return () => matches('active');
    case 'capacity':
      return () => matches('public');
    case 'private':
      return () => matches('false');
    default:
      return (i) => fieldValues(catalogue, i, field).some(matches);
  }
}

function valueMatcher(value: string): (candidate: string) => boolean {
  if (value === '*') return (c) => c !== '';
  if (value.endsWith('*') && !value.slice(0, -1).includes('*')) {
    const prefix = value.slice(0, -1);
    return (c) => c.startsWith(prefix);
  }
  return (c) => c === value;
}

/** Values of an indexed field taken from the full dataset (slow path: tags, groups, res_format, extras_*, …). */
function fieldValues(catalogue: Catalogue, index: number, field: string): string[] {
  const pkg = catalogue.dataset(index) as CkanPackage;
  switch (field) {
    case 'tags':
      return pkg.tags.map((t) => t.name);
    case 'groups':
      return pkg.groups.map((g) => g.name);
    case 'res_format':
      return pkg.resources.map((r) => r.format);
    case 'res_url':
      return pkg.resources.map((r) => r.url);
    case 'organization':
      return pkg.organization ? [pkg.organization.name] : [];
    case 'frequency':
      return [pkg.frequency ?? pkg.extras.find((e) => e.key === 'frequency')?.value ?? ''].filter(Boolean);
    default: {
      if (field.startsWith('extras_')) {
        const key = field.slice('extras_'.length);
        return pkg.extras.filter((e) => e.key === key).map((e) => e.value);
      }
      const v = (pkg as unknown as Record<string, unknown>)[field];
      return typeof v === 'string' ? [v] : typeof v === 'number' || typeof v === 'boolean' ? [String(v)] : [];
    }
  }
}

/** Values of a facet field for one dataset (display name = name, as CKAN does for formats and licences). */
export function facetValues(catalogue: Catalogue, index: number, field: string): string[] {
  switch (field) {
    case 'organization': {
      const org = catalogue.orgIndexOf(index);
      return org >= 0 ? [catalogue.organizations[org].name] : [];
    }
    case 'license_id': {
      const id = catalogue.licenceIdOf(index);
      return id ? [id] : [];
    }
    default:
      return [...new Set(fieldValues(catalogue, index, field))];
  }
}

export interface SortKey {
  field: 'score' | 'metadata_modified' | 'metadata_created' | 'name' | 'title_string' | 'id';
  desc: boolean;
}

const SORT_FIELDS = new Set(['score', 'metadata_modified', 'metadata_created', 'name', 'title_string', 'id']);

export function parseSort(sort: string): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of sort.split(',')) {
    const [field, dir, ...rest] = part.trim().split(/\s+/);
    if (!field) continue;
    if (!SORT_FIELDS.has(field)) throw new SearchSyntaxError(`can not sort on undefined or unsortable field: ${field}`);
    if ((dir !== 'asc' && dir !== 'desc') || rest.length)
      throw new SearchSyntaxError(`Can't determine a Sort Order (asc or desc) in sort spec '${part.trim()}'`);
    keys.push({ field: field as SortKey['field'], desc: dir === 'desc' });
  }
  return keys;
}

/**
 * Runs searches over a catalogue with two caches, both dropped on any mutation: the order of
 * all dataset indexes per sort spec, and the matching indexes of the last few (q, fq, sort).
 */
export class SearchEngine {
  private version = -1;
  private orders = new Map<string, Uint32Array>();
  private results = new Map<string, Uint32Array>();
  private facetCache = new Map<string, Record<string, Map<string, number>>>();

  constructor(private readonly catalogue: Catalogue) {}

  private sync(): void {
    if (this.version !== this.catalogue.version) {
      this.version = this.catalogue.version;
      this.orders.clear();
      this.results.clear();
      this.facetCache.clear();
    }
  }

  /** Indexes of visible datasets matching q and fq, in `sort` order. */
  search(q: string, fq: string, sort: string): Uint32Array {
    this.sync();
    const key = JSON.stringify([q, fq, sort]);
    const cached = this.results.get(key);
    if (cached) return cached;
    const keys = parseSort(sort);
    const predicates: Predicate[] = [];
    const qNode = parseQuery(q);
    if (qNode.kind !== 'all') predicates.push(compile(qNode, this.catalogue));
    const fqNode = parseQuery(fq);
    if (fqNode.kind !== 'all') predicates.push(compile(fqNode, this.catalogue));
    const order = this.order(keys);
    let out: Uint32Array;
    if (predicates.length === 0) {
      out = order;
    } else {
      const matching: number[] = [];
      for (let k = 0; k < order.length; k++) {
        const i = order[k];
        if (predicates.every((p) => p(i))) matching.push(i);
      }
      out = Uint32Array.from(matching);
    }
    if (this.results.size >= 16) this.results.delete(this.results.keys().next().value as string);
    this.results.set(key, out);
    return out;
  }

  /** Facet counts over a result set (cached with it). */
  facets(resultKey: string, indexes: Uint32Array, fields: string[]): Record<string, Map<string, number>> {
    this.sync();
    const key = JSON.stringify([resultKey, fields]);
    const cached = this.facetCache.get(key);
    if (cached) return cached;
    const out: Record<string, Map<string, number>> = {};
    for (const field of fields) {
      const counts = new Map<string, number>();
      for (let k = 0; k < indexes.length; k++) {
        for (const v of facetValues(this.catalogue, indexes[k], field)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      out[field] = counts;
    }
    if (this.facetCache.size >= 16) this.facetCache.delete(this.facetCache.keys().next().value as string);
    this.facetCache.set(key, out);
    return out;
  }

  private order(keys: SortKey[]): Uint32Array {
    // score is the same for every document here, so it never decides an order
    const effective = keys.filter((k) => k.field !== 'score');
    const key = effective.map((k) => `${k.field} ${k.desc ? 'desc' : 'asc'}`).join(',');
    const cached = this.orders.get(key);
    if (cached) return cached;
    const c = this.catalogue;
    const active = Uint32Array.from(c.activeIndexes());
    const comparators = effective.map((k) => {
      const sign = k.desc ? -1 : 1;
      if (k.field === 'metadata_modified' || k.field === 'metadata_created') {
        const get =
          k.field === 'metadata_modified' ? (i: number) => c.modifiedUsOf(i) : (i: number) => c.createdUsOf(i);
        return (a: number, b: number) => sign * (get(a) - get(b));
      }
      const values = new Map<number, string>();
      const get =
        k.field === 'name'
          ? (i: number) => c.nameOf(i)
          : k.field === 'id'
            ? (i: number) => c.idOf(i)
            : (i: number) => fold(c.titleOf(i));
      for (const i of active) values.set(i, get(i));
      return (a: number, b: number) => {
        const va = values.get(a) as string;
        const vb = values.get(b) as string;
        return va === vb ? 0 : va < vb ? -sign : sign;
      };
    });
    // ties keep index order, as Solr keeps index (document) order
    active.sort((a, b) => {
      for (const cmp of comparators) {
        const r = cmp(a, b);
        if (r !== 0) return r;
      }
      return a - b;
    });
    this.orders.set(key, active);
    return active;
  }
}
