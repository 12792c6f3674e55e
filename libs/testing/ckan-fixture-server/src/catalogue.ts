import { hash32, permute32, Rng, unpermute32, uuid, weighted, type WeightedTable } from './rng';
import type { CkanExtra, CkanOrganization, CkanPackage, CkanPackageOrganization, CkanResource } from './types';
import {
  FORMATS,
  FREQUENCIES,
  GROUPS,
  KNOWN_ORGANIZATIONS,
  LICENCES,
  NOTES,
  ORG_DESCRIPTIONS,
  PEOPLE,
  PLACES,
  RESOURCE_COUNTS,
  RESOURCE_NAMES,
  SPATIAL_MOROCCO,
  SUBJECTS,
  TAGS,
  type LicenceEntry,
} from './vocab';

export interface FixtureOptions {
  /** Seed of every random draw (default 1). */
  seed?: number;
  /** Number of organisations (the first 30 have real-looking Moroccan names, then `org-0030`, …). */
  organizations: number;
  /** Number of datasets at start. */
  datasets: number;
  /** Base date for generated dates (default 2026-01-01T00:00:00Z): everything is created in the 3 years before it. */
  now?: Date;
  /** Path of the Action API (default `/api/3/action`; data.gov.ma uses `/data/api/3/action`). */
  apiPrefix?: string;
  /** Site URL used in `help` links and resource URLs (default `https://ckan-fixture.example`); never fetched. */
  siteUrl?: string;
}

export interface OrganizationRecord {
  index: number;
  id: string;
  name: string;
  title: string;
  description: string;
  image_url: string;
  created: string;
}

export interface MutationOptions {
  /** `metadata_modified` / `metadata_created` to give (default: the real current time). */
  at?: Date;
}

export interface AddOptions extends MutationOptions {
  /** Organisation name or id of the new datasets (default: drawn like the others). */
  organization?: string;
}

// Namespaces of the random streams, so that unrelated draws never share a stream.
const NS_DATASET = 1;
const NS_CONTENT = 2;
const NS_PLACEMENT = 3;
const NS_RESOURCE_ID = 4;
const NS_MUTATION = 5;
const NS_ORG = 6;
const NS_TAG = 7;
const NS_GROUP = 8;
const NS_USER = 9;

const DAY_US = 86_400_000_000;
const YEAR_US = 365.25 * DAY_US;
const SPAN_US = 3 * YEAR_US;

/** `2025-03-04T05:06:07.123456` (CKAN's format: UTC, microseconds, no zone). */
export function formatCkanDate(us: number): string {
  const ms = Math.floor(us / 1000);
  const micro = Math.floor(us - ms * 1000);
  return new Date(ms).toISOString().slice(0, 23) + String(micro).padStart(3, '0');
}

/** Lower case, accents removed: the form used for free-text matching and title sorting. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface StableDraws {
  title: string;
  slug: string;
  licence: LicenceEntry;
}

/**
 * The generated catalogue. Datasets are not stored: a dataset is a pure function of (seed, index,
 * revision) plus five numbers kept per dataset in typed arrays (organisation, created, modified,
 * revision, deleted), so 100,000 datasets cost a few megabytes.
 */
export class Catalogue {
  readonly seed: number;
  readonly now: Date;
  readonly apiPrefix: string;
  readonly siteUrl: string;
  readonly organizations: readonly OrganizationRecord[];
  /** Bumped by every mutation (search caches key on it). */
  version = 0;

  private length = 0;
  private orgOf: Int32Array;
  private createdUs: Float64Array;
  private modifiedUs: Float64Array;
  private revision: Uint32Array;
  private deleted: Uint8Array;
  private activeCount = 0;
  private readonly orgCounts: Int32Array;
  private readonly orgByKey = new Map<string, number>();
  private readonly orgTable: WeightedTable<number> | null;
  private readonly idKey: number;
  private readonly nowUs: number;
  private readonly orgPackageRefs: CkanPackageOrganization[];

  constructor(options: FixtureOptions) {
    const { organizations, datasets } = options;
    if (!Number.isInteger(organizations) || organizations < 0)
      throw new RangeError('organizations must be an integer ≥ 0');
    if (!Number.isInteger(datasets) || datasets < 0) throw new RangeError('datasets must be an integer ≥ 0');
    this.seed = options.seed ?? 1;
    this.now = options.now ?? new Date('2026-01-01T00:00:00Z');
    this.nowUs = this.now.getTime() * 1000;
    this.apiPrefix = (options.apiPrefix ?? '/api/3/action').replace(/\/+$/, '');
    this.siteUrl = (options.siteUrl ?? 'https://ckan-fixture.example').replace(/\/+$/, '');
    this.idKey = hash32(this.seed, 0x1d);

    const orgs: OrganizationRecord[] = [];
    const weights: Array<[number, number]> = [];
    for (let i = 0; i < organizations; i++) {
      const rng = new Rng(this.seed, NS_ORG, i);
      const known = KNOWN_ORGANIZATIONS[i];
      const name = known ? known[0] : `org-${String(i).padStart(4, '0')}`;
      const title = known ? known[1] : `Établissement public n° ${i}`;
      const created = formatCkanDate(this.nowUs - SPAN_US - rng.next() * 3 * YEAR_US);
      const description = rng.pick(ORG_DESCRIPTIONS);
      const image_url = rng.chance(0.3) ? `${this.siteUrl}/uploads/group/${name}.png` : '';
      // A few organisations (never the first) publish nothing; the others follow a skewed (Zipf-like) law.
      const empty = i > 0 && rng.chance(0.08);
      weights.push([i, empty ? 0 : (0.4 + rng.next()) / Math.pow(i + 1, 0.9)]);
      orgs.push({ index: i, id: uuid(this.seed, NS_ORG, i, 1), name, title, description, image_url, created });
    }
    this.organizations = orgs;
    orgs.forEach((org) => {
      this.orgByKey.set(org.name, org.index);
      this.orgByKey.set(org.id, org.index);
    });
    this.orgPackageRefs = orgs.map((org) => ({
      description: org.description,
      created: org.created,
      title: org.title,
      name: org.name,
      is_organization: true,
      state: 'active',
      image_url: org.image_url,
      type: 'organization',
      id: org.id,
      approval_status: 'approved',
    }));
    this.orgTable = organizations > 0 ? weighted(weights) : null;
    this.orgCounts = new Int32Array(organizations);

    const capacity = Math.max(16, datasets);
    this.orgOf = new Int32Array(capacity);
    this.createdUs = new Float64Array(capacity);
    this.modifiedUs = new Float64Array(capacity);
    this.revision = new Uint32Array(capacity);
    this.deleted = new Uint8Array(capacity);
    for (let i = 0; i < datasets; i++) {
      const rng = new Rng(this.seed, NS_PLACEMENT, i);
      const org = this.orgTable ? rng.pickWeighted(this.orgTable) : -1;
      // Created uniformly over the 3 years before `now`; 30 % never touched again, the others
      // modified later, more often recently.
      const created = this.nowUs - rng.next() * SPAN_US;
      const modified = rng.chance(0.3)
        ? created + rng.int(1, 600) * 1_000_000 + rng.int(0, 999_999)
        : created + (this.nowUs - created) * Math.sqrt(rng.next());
      this.push(org, Math.floor(created), Math.min(Math.floor(modified), this.nowUs - 1));
    }
  }

  // ----- reading -------------------------------------------------------------------------------

  /** Number of index slots (initial + added datasets, deleted ones included). */
  get size(): number {
    return this.length;
  }

  /** Number of datasets visible in the API (not deleted). */
  get count(): number {
    return this.activeCount;
  }

  isActive(index: number): boolean {
    return Number.isInteger(index) && index >= 0 && index < this.length && this.deleted[index] === 0;
  }

  /** Indexes of the visible datasets, in index order. */
  activeIndexes(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) if (this.deleted[i] === 0) out.push(i);
    return out;
  }

  organizationIndex(nameOrId: string): number | undefined {
    return this.orgByKey.get(nameOrId);
  }

  /** Organisation dictionary as `organization_list?all_fields=true` / `organization_show` return it. */
  organization(orgIndex: number): CkanOrganization {
    const org = this.organizations[orgIndex];
    return {
      approval_status: 'approved',
      created: org.created,
      description: org.description,
      display_name: org.title,
      id: org.id,
      image_display_url: org.image_url,
      image_url: org.image_url,
      is_organization: true,
      name: org.name,
      num_followers: 0,
      package_count: this.orgCounts[orgIndex],
      state: 'active',
      title: org.title,
      type: 'organization',
    };
  }

  packageCount(orgIndex: number): number {
    return this.orgCounts[orgIndex];
  }

  orgIndexOf(index: number): number {
    return this.orgOf[index];
  }

  modifiedUsOf(index: number): number {
    return this.modifiedUs[index];
  }

  createdUsOf(index: number): number {
    return this.createdUs[index];
  }

  revisionOf(index: number): number {
    return this.revision[index];
  }

  /** Dataset id: a UUID whose last 8 hex digits encode the index (so lookups need no map). */
  idOf(index: number): string {
    const rng = new Rng(this.seed, NS_DATASET, index, 0x1d);
    const h = rng.hex32();
    const tail = permute32(index, this.idKey).toString(16).padStart(8, '0');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 24)}${tail}`;
  }

  /** Dataset name: the slug of its first title, then `-<index>` (CKAN names are unique slugs). */
  nameOf(index: number): string {
    return `${this.stable(index).slug}-${index}`;
  }

  titleOf(index: number): string {
    const title = this.stable(index).title;
    const rev = this.revision[index];
    return rev === 0 ? title : `${title} (mise à jour ${rev})`;
  }

  licenceIdOf(index: number): string | null {
    return this.stable(index).licence.id;
  }

  /** Index of a visible dataset by name or id, or undefined. */
  findDataset(nameOrId: string): number | undefined {
    let index: number | undefined;
    const idMatch = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}([0-9a-f]{8})$/.exec(nameOrId);
    if (idMatch) {
      const candidate = unpermute32(parseInt(idMatch[1], 16), this.idKey);
      if (candidate < this.length && this.idOf(candidate) === nameOrId) index = candidate;
    } else {
      const nameMatch = /-(\d+)$/.exec(nameOrId);
      if (nameMatch) {
        const candidate = Number(nameMatch[1]);
        if (candidate < this.length && this.nameOf(candidate) === nameOrId) index = candidate;
      }
    }
    return index !== undefined && this.deleted[index] === 0 ? index : undefined;
  }

  /** The full dataset dictionary (`package_show`), or undefined when the index is unknown or deleted. */
  dataset(index: number): CkanPackage | undefined {
    if (!this.isActive(index)) return undefined;
    return this.generate(index);
  }

  // ----- mutations -----------------------------------------------------------------------------

  /**
   * Modify datasets: bump `metadata_modified` to `at` (default now), change the title and draw the
   * resources again. `target` is a list of indexes, or a number k of visible datasets picked
   * deterministically. Returns the indexes modified.
   */
  modify(target: number | number[], options: MutationOptions = {}): number[] {
    const indexes = this.resolveTarget(target);
    const at = this.atUs(options.at);
    for (const index of indexes) {
      this.revision[index]++;
      this.modifiedUs[index] = Math.max(at, this.createdUs[index]);
    }
    this.version++;
    return indexes;
  }

  /** Delete datasets (they vanish from package_search and package_show answers 404). Returns the indexes deleted. */
  delete(target: number | number[]): number[] {
    const indexes = this.resolveTarget(target);
    for (const index of indexes) {
      this.deleted[index] = 1;
      this.activeCount--;
      if (this.orgOf[index] >= 0) this.orgCounts[this.orgOf[index]]--;
    }
    this.version++;
    return indexes;
  }

  /** Add `count` new datasets created and modified at `at` (default now). Returns their indexes. */
  add(count: number, options: AddOptions = {}): number[] {
    const at = this.atUs(options.at);
    let fixedOrg: number | undefined;
    if (options.organization !== undefined) {
      fixedOrg = this.orgByKey.get(options.organization);
      if (fixedOrg === undefined) throw new Error(`unknown organization ${options.organization}`);
    }
    const added: number[] = [];
    for (let k = 0; k < count; k++) {
      const index = this.length;
      const rng = new Rng(this.seed, NS_PLACEMENT, index);
      const org = fixedOrg ?? (this.orgTable ? rng.pickWeighted(this.orgTable) : -1);
      this.push(org, at, at);
      added.push(index);
    }
    this.version++;
    return added;
  }

  private resolveTarget(target: number | number[]): number[] {
    if (Array.isArray(target)) {
      const unique = [...new Set(target)];
      for (const index of unique) {
        if (!this.isActive(index)) throw new Error(`dataset #${index} does not exist or is deleted`);
      }
      return unique;
    }
    const active = this.activeIndexes();
    const rng = new Rng(this.seed, NS_MUTATION, this.version);
    return rng.sample(active, target).sort((a, b) => a - b);
  }

  private atUs(at: Date | undefined): number {
    return (at ?? new Date()).getTime() * 1000;
  }

  private push(org: number, createdUs: number, modifiedUs: number): void {
    if (this.length === this.orgOf.length) this.grow();
    const i = this.length++;
    this.orgOf[i] = org;
    this.createdUs[i] = createdUs;
    this.modifiedUs[i] = modifiedUs;
    this.revision[i] = 0;
    this.deleted[i] = 0;
    this.activeCount++;
    if (org >= 0) this.orgCounts[org]++;
  }

  private grow(): void {
    const capacity = this.orgOf.length * 2;
    const grow = <T extends Int32Array | Float64Array | Uint32Array | Uint8Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.orgOf = grow(this.orgOf, (n) => new Int32Array(n));
    this.createdUs = grow(this.createdUs, (n) => new Float64Array(n));
    this.modifiedUs = grow(this.modifiedUs, (n) => new Float64Array(n));
    this.revision = grow(this.revision, (n) => new Uint32Array(n));
    this.deleted = grow(this.deleted, (n) => new Uint8Array(n));
  }

  // ----- generation ----------------------------------------------------------------------------

  /** The first draws of a dataset's stable stream: title and licence (cheap, used by search). */
  private stable(index: number): StableDraws {
    const rng = new Rng(this.seed, NS_DATASET, index);
    return this.drawStable(rng);
  }

  private drawStable(rng: Rng): StableDraws {
    const subject = rng.pick(SUBJECTS);
    const place = rng.chance(0.6) ? rng.pick(PLACES) : '';
    const year = rng.chance(0.55) ? String(this.now.getUTCFullYear() - rng.int(1, 9)) : '';
    let title = subject;
    if (place) title += rng.chance(0.5) ? ` — ${place}` : ` (${place})`;
    if (year) title += ` ${year}`;
    const slug = slugify(title).slice(0, 80).replace(/-+$/, '');
    const licence = rng.pickWeighted(LICENCES);
    return { title, slug, licence };
  }

  private generate(index: number): CkanPackage {
    const seed = this.seed;
    const s = new Rng(seed, NS_DATASET, index);
    const { licence } = this.drawStable(s);
    const id = this.idOf(index);
    const name = this.nameOf(index);
    const title = this.titleOf(index);
    const orgIndex = this.orgOf[index];
    const org = orgIndex >= 0 ? this.organizations[orgIndex] : undefined;
    const createdUs = this.createdUs[index];
    const modifiedUs = this.modifiedUs[index];
    const rev = this.revision[index];

    // Stable stream, continued: people, groups, tags, frequency, temporal and spatial fields.
    const person = s.chance(0.45) ? s.pick(PEOPLE) : '';
    const contact = org
      ? `${org.name
          .split('-')
          .map((w) => w[0])
          .join('')
          .slice(0, 8)}@${'gov.example'}`
      : 'contact@gov.example';
    const maintainer_email = s.chance(0.35) ? `opendata.${contact}` : '';
    const author_email = s.chance(0.15) ? contact : '';
    const author = s.chance(0.2) ? (org?.title ?? '') : '';
    const groups = s.chance(0.4)
      ? []
      : s.sample(GROUPS, s.int(1, 2)).map(([gname, gtitle]) => ({
          description: '',
          display_name: gtitle,
          id: uuid(
            seed,
            NS_GROUP,
            GROUPS.findIndex((g) => g[0] === gname),
          ),
          image_display_url: '',
          name: gname,
          title: gtitle,
        }));
    const tagNames = s.chance(0.15) ? [] : s.sample(TAGS, s.int(1, 6)).sort();
    const tags = tagNames.map((tag) => ({
      vocabulary_id: null,
      state: 'active' as const,
      display_name: tag,
      id: uuid(seed, NS_TAG, TAGS.indexOf(tag)),
      name: tag,
    }));
    const extras: CkanExtra[] = [];
    const frequencyPlace = s.next(); // < 0.5 extras, < 0.7 top level, else absent
    const frequency = s.pickWeighted(FREQUENCIES);
    if (frequencyPlace < 0.5) extras.push({ key: 'frequency', value: frequency });
    const temporal = s.next(); // < 0.25 scheming fields, < 0.4 extras, else absent
    const firstYear = this.now.getUTCFullYear() - s.int(2, 12);
    const lastYear = Math.min(this.now.getUTCFullYear() - 1, firstYear + s.int(0, 6));
    if (temporal >= 0.25 && temporal < 0.4) {
      extras.push({
        key: 'temporal_coverage',
        value: s.chance(0.5) ? `${firstYear}-${lastYear}` : `${firstYear}-01-01/${lastYear}-12-31`,
      });
    }
    if (s.chance(0.15)) extras.push({ key: 'spatial', value: SPATIAL_MOROCCO });
    if (s.chance(0.2)) extras.push({ key: 'language', value: s.chance(0.7) ? 'fr' : 'ar' });
    extras.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

    // Content stream: changes with every modification.
    const c = new Rng(seed, NS_CONTENT, index, rev);
    const notesTemplate = c.chance(0.2) ? '' : c.pick(NOTES);
    const notes = notesTemplate
      .replace('{org}', org?.title ?? 'l’administration')
      .replace('{subject}', title)
      .replace('{place}', 'Maroc');
    const nResources = c.pickWeighted(RESOURCE_COUNTS);
    const resources: CkanResource[] = [];
    const modified = formatCkanDate(modifiedUs);
    for (let position = 0; position < nResources; position++) {
      const fmt = c.pickWeighted(FORMATS);
      const rid = uuid(seed, NS_RESOURCE_ID, index, position);
      const baseName = c.pick(RESOURCE_NAMES);
      const file = `${name.slice(0, 40).replace(/-+$/, '')}-${position + 1}${fmt.ext ? '.' + fmt.ext : ''}`;
      const upload = fmt.format !== 'API' && c.chance(0.7);
      const resCreated = Math.min(createdUs + (position + 1) * c.int(1, 300) * 1_000_000, modifiedUs);
      const lastModified =
        rev > 0 && position === 0
          ? modifiedUs
          : c.chance(0.4)
            ? null
            : resCreated + (modifiedUs - resCreated) * c.next();
      resources.push({
        mimetype: c.chance(0.6) ? fmt.mime : null,
        cache_url: null,
        hash: '',
        description: c.chance(0.5) ? '' : `${baseName} — ${title}`,
        name: c.chance(0.5) ? file : `${baseName} ${position + 1}`,
        format: fmt.format,
        url: upload
          ? `${this.siteUrl}/dataset/${id}/resource/${rid}/download/${file}`
          : `https://${org ? org.name.slice(0, 24).replace(/-+$/, '') : 'www'}.gov.example/${fmt.format === 'API' ? 'api/v1/' + name.slice(0, 30) : 'fichiers/' + file}`,
        datastore_active: fmt.ext === 'csv' && c.chance(0.3),
        cache_last_updated: null,
        package_id: id,
        created: formatCkanDate(resCreated),
        state: 'active',
        mimetype_inner: null,
        last_modified: lastModified === null ? null : formatCkanDate(lastModified),
        metadata_modified: modified,
        position,
        url_type: upload ? 'upload' : null,
        id: rid,
        resource_type: null,
        size: upload ? c.int(1_000, 20_000_000) : null,
      });
    }

    const pkg: CkanPackage = {
      author,
      author_email,
      creator_user_id: uuid(seed, NS_USER, orgIndex),
      extras,
      groups,
      id,
      isopen: licence.open,
      license_id: licence.id,
      license_title: licence.title,
      maintainer: person,
      maintainer_email,
      metadata_created: formatCkanDate(createdUs),
      metadata_modified: modified,
      name,
      notes,
      num_resources: resources.length,
      num_tags: tags.length,
      organization: orgIndex >= 0 ? this.orgPackageRefs[orgIndex] : null,
      owner_org: org ? org.id : null,
      private: false,
      relationships_as_object: [],
      relationships_as_subject: [],
      resources,
      state: 'active',
      tags,
      title,
      type: 'dataset',
      url: '',
      version: '',
    };
    if (licence.url) pkg.license_url = licence.url;
    if (frequencyPlace >= 0.5 && frequencyPlace < 0.7) pkg.frequency = frequency;
    if (temporal < 0.25) {
      pkg.temporal_start = `${firstYear}-01-01`;
      pkg.temporal_end = `${lastYear}-12-31`;
    }
    return pkg;
  }
}
