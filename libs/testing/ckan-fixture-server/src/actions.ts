/** The CKAN 2.9 actions, as pure functions from parameters to an HTTP status and a JSON body. */
import { Catalogue, fold } from './catalogue';
import { SearchEngine, SearchSyntaxError } from './search';
import type { CkanPackage } from './types';

/** Parameters as received: strings from a query string (repeated keys give arrays), any JSON from a POST body. */
export type Params = Record<string, unknown>;

export interface ActionResult {
  status: number;
  /** The JSON envelope, already serialised. */
  body: string;
}

/** CKAN's `ckan.search.rows_max`, `ckan.group_and_organization_list_max` and `…_all_fields_max` defaults. */
export const ROWS_MAX = 1000;
export const ORG_LIST_MAX = 1000;
export const ORG_LIST_ALL_FIELDS_MAX = 25;
export const ORG_SHOW_DATASETS = 10;
export const DEFAULT_SEARCH_SORT = 'score desc, metadata_modified desc';

class ActionError extends Error {
  constructor(
    readonly status: number,
    readonly error: unknown,
  ) {
    super(typeof error === 'string' ? error : JSON.stringify(error));
  }
}

const notFound = () => new ActionError(404, { message: 'Not found', __type: 'Not Found Error' });
const validation = (fields: Record<string, unknown>) => new ActionError(409, { ...fields, __type: 'Validation Error' });

function str(params: Params, key: string): string | undefined {
  const v = params[key];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return typeof v === 'string' ? v : String(v);
}

/** CKAN's `natural_number_validator` (and `int_validator` before it). */
function natural(params: Params, key: string): number | undefined {
  const raw = str(params, key);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\s*[-+]?\d+\s*$/.test(raw)) throw validation({ [key]: ['Invalid integer'] });
  const n = Number(raw);
  if (n < 0) throw validation({ [key]: ['Must be a natural number'] });
  return n;
}

function bool(params: Params, key: string): boolean {
  const v = params[key];
  if (typeof v === 'boolean') return v;
  const s = str(params, key);
  return s !== undefined && ['true', 'yes', 'on', '1', 'y', 't'].includes(s.trim().toLowerCase());
}

/** A list parameter: a JSON array (as a string or as JSON), or a comma-separated string. */
function list(params: Params, key: string): string[] | undefined {
  const v = params[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (Array.isArray(v)) {
    if (v.length === 1 && typeof v[0] === 'string') return list({ [key]: v[0] }, key);
    return v.map(String);
  }
  const s = String(v).trim();
  if (s.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      throw validation({ [key]: ['Not a list'] });
    }
  }
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

export class Actions {
  readonly engine: SearchEngine;

  constructor(readonly catalogue: Catalogue) {
    this.engine = new SearchEngine(catalogue);
  }

  helpUrl(action: string): string {
    return `${this.catalogue.siteUrl}${this.catalogue.apiPrefix}/help_show?name=${encodeURIComponent(action)}`;
  }

  /** Run an action; `wrongTypes` lists dataset indexes to serve with wrong field types. */
  call(action: string, params: Params, wrongTypes?: ReadonlySet<number>): ActionResult {
    const help = this.helpUrl(action);
    try {
      let result: string;
      switch (action) {
        case 'organization_list':
          result = JSON.stringify(this.organizationList(params));
          break;
        case 'organization_show':
          result = JSON.stringify(this.organizationShow(params));
          break;
        case 'package_search':
          result = this.packageSearch(params, wrongTypes);
          break;
        case 'package_show':
          result = this.packageShow(params, wrongTypes);
          break;
        case 'package_list':
          result = JSON.stringify(this.packageList(params));
          break;
        case 'status_show':
          result = JSON.stringify({
            ckan_version: '2.9.9',
            site_url: this.catalogue.siteUrl,
            site_description: '',
            site_title: 'CKAN fixture',
            error_emails_to: null,
            locale_default: 'fr',
            extensions: ['scheming_datasets'],
          });
          break;
        case 'site_read':
          result = 'true';
          break;
        default:
          // CKAN answers an unknown action with a bare JSON string
          return { status: 400, body: JSON.stringify(`Bad request - Action name not known: ${action}`) };
      }
      return { status: 200, body: `{"help":${JSON.stringify(help)},"success":true,"result":${result}}` };
    } catch (e) {
      if (e instanceof ActionError) return errorResult(help, e.status, e.error);
      if (e instanceof SearchSyntaxError) {
        return errorResult(help, 409, {
          __type: 'Search Error',
          message: `Search error: ('SOLR returned an error running query: ${e.message}',)`,
        });
      }
      throw e;
    }
  }

  // ----- organisations -------------------------------------------------------------------------

  organizationList(params: Params): unknown[] {
    const c = this.catalogue;
    const allFields = bool(params, 'all_fields');
    const max = allFields ? ORG_LIST_ALL_FIELDS_MAX : ORG_LIST_MAX;
    const limitParam = natural(params, 'limit');
    const offset = natural(params, 'offset') ?? 0;
    const limit = limitParam === undefined || limitParam > max ? max : limitParam;
    let sort = (str(params, 'sort') || str(params, 'order_by') || 'title').trim();
    if (sort === 'packages' || sort === 'package_count') sort = 'package_count desc';
    const [rawField, dir = 'asc'] = sort.split(/\s+/);
    const field = rawField === 'packages' ? 'package_count' : rawField;
    if (!['name', 'title', 'package_count'].includes(field) || !['asc', 'desc'].includes(dir)) {
      throw validation({ message: `Cannot sort by field \`${rawField}\`` });
    }
    const q = (str(params, 'q') ?? '').trim();
    const only = list(params, 'organizations');

    let orgs = [...c.organizations];
    if (only) orgs = orgs.filter((o) => only.includes(o.name));
    if (q) {
      const needle = fold(q);
      orgs = orgs.filter(
        (o) => fold(o.name).includes(needle) || fold(o.title).includes(needle) || fold(o.description).includes(needle),
      );
    }
    const sign = dir === 'desc' ? -1 : 1;
    const keyOf = (o: (typeof orgs)[number]): string | number =>
      field === 'package_count' ? c.packageCount(o.index) : field === 'name' ? o.name : fold(o.title);
    orgs.sort((a, b) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    const page = orgs.slice(offset, offset + limit);
    return allFields ? page.map((o) => c.organization(o.index)) : page.map((o) => o.name);
  }

  organizationShow(params: Params): unknown {
    const id = str(params, 'id');
    if (!id) throw validation({ id: 'Missing value' });
    const index = this.catalogue.organizationIndex(id);
    if (index === undefined) throw notFound();
    const org = this.catalogue.organization(index);
    const out: Record<string, unknown> = { ...org, extras: [], groups: [], tags: [], users: [] };
    if (bool(params, 'include_datasets')) {
      const matches = this.engine.search('', `organization:${org.name}`, DEFAULT_SEARCH_SORT);
      out['packages'] = Array.from(matches.subarray(0, ORG_SHOW_DATASETS), (i) => this.catalogue.dataset(i));
    }
    return out;
  }

  // ----- datasets ------------------------------------------------------------------------------

  packageList(params: Params): string[] {
    const limit = natural(params, 'limit');
    const offset = natural(params, 'offset') ?? 0;
    const names = this.engine.search('', '', 'name asc');
    const end = limit === undefined ? names.length : offset + limit;
    return Array.from(names.subarray(offset, end), (i) => this.catalogue.nameOf(i));
  }

  packageShow(params: Params, wrongTypes?: ReadonlySet<number>): string {
    const id = str(params, 'id') || str(params, 'name_or_id');
    if (!id) throw validation({ name_or_id: 'Missing value' });
    const index = this.catalogue.findDataset(id);
    if (index === undefined) throw notFound();
    return serialisePackage(this.catalogue, index, wrongTypes);
  }

  packageSearch(params: Params, wrongTypes?: ReadonlySet<number>): string {
    const rowsParam = natural(params, 'rows');
    const rows = rowsParam === undefined ? 10 : Math.min(rowsParam, ROWS_MAX); // limit_to_configured_maximum clamps
    const start = natural(params, 'start') ?? 0;
    const q = str(params, 'q') ?? '';
    const fqRaw = params['fq'];
    if (Array.isArray(fqRaw) && fqRaw.length > 1) {
      // CKAN turns a repeated fq into a Python list and pastes its repr into the Solr query
      throw new SearchSyntaxError(`Cannot parse '${JSON.stringify(fqRaw).replace(/"/g, "'")}'`);
    }
    const fq = str(params, 'fq') ?? '';
    const sort = (str(params, 'sort') ?? '').trim() || DEFAULT_SEARCH_SORT;
    const matches = this.engine.search(q, fq, sort);
    const facetFields = list(params, 'facet.field') ?? [];
    const facetLimitParam = str(params, 'facet.limit');
    const facetLimit = facetLimitParam === undefined ? 50 : Number(facetLimitParam);
    const mincount = Number(str(params, 'facet.mincount') ?? 1);

    const facets: Record<string, Record<string, number>> = {};
    const searchFacets: Record<
      string,
      { items: Array<{ count: number; display_name: string; name: string }>; title: string }
    > = {};
    if (facetFields.length) {
      const counts = this.engine.facets(JSON.stringify([q, fq, sort]), matches, facetFields);
      for (const field of facetFields) {
        let entries = [...(counts[field] ?? new Map<string, number>()).entries()].filter(([, n]) => n >= mincount);
        entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        if (facetLimit >= 0) entries = entries.slice(0, facetLimit);
        facets[field] = Object.fromEntries(entries);
        searchFacets[field] = {
          items: entries.map(([name, count]) => ({ count, display_name: this.facetDisplayName(field, name), name })),
          title: field,
        };
      }
    }
    const page = matches.subarray(Math.min(start, matches.length), Math.min(start + rows, matches.length));
    const parts: string[] = [];
    for (let k = 0; k < page.length; k++) parts.push(serialisePackage(this.catalogue, page[k], wrongTypes));
    return (
      `{"count":${matches.length},"facets":${JSON.stringify(facets)},"results":[${parts.join(',')}],` +
      `"sort":${JSON.stringify(sort)},"search_facets":${JSON.stringify(searchFacets)}}`
    );
  }

  private facetDisplayName(field: string, name: string): string {
    if (field === 'organization') {
      const i = this.catalogue.organizationIndex(name);
      return i === undefined ? name : this.catalogue.organizations[i].title;
    }
    return name;
  }
}

function errorResult(help: string, status: number, error: unknown): ActionResult {
  return { status, body: JSON.stringify({ help, success: false, error }) };
}

/** One dataset as JSON, with wrong types when asked. */
export function serialisePackage(catalogue: Catalogue, index: number, wrongTypes?: ReadonlySet<number>): string {
  const pkg = catalogue.dataset(index) as CkanPackage;
  if (!wrongTypes?.has(index)) return JSON.stringify(pkg);
  const broken: Record<string, unknown> = { ...pkg };
  broken['resources'] = pkg.resources.map((r) => r.format).join(', ');
  broken['tags'] = Object.fromEntries(pkg.tags.map((t, i) => [String(i), t.name]));
  broken['metadata_modified'] = Math.floor(Date.parse(pkg.metadata_modified + 'Z') / 1000);
  broken['num_resources'] = String(pkg.num_resources);
  broken['extras'] = Object.fromEntries(pkg.extras.map((e) => [e.key, e.value]));
  broken['organization'] = pkg.organization ? pkg.organization.name : 'none';
  return JSON.stringify(broken);
}
