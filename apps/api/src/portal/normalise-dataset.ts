import {
  DESCRIPTION_MIN_LENGTH,
  MACHINE_READABLE_MIN_STARS,
  OPEN_LICENCES,
  completenessScore,
  normaliseFormat,
  normaliseFrequency,
  starsForFormat,
  type CompletenessCriterion,
} from '@marsad/contracts';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import type { PortalDatasetColumns, StoredResource } from './entities/portal-dataset.entity';

/** What a run stages of a dataset: the columns of portal_datasets. */
export type NormalisedDataset = PortalDatasetColumns;

/** A record that cannot be read as a dataset: skipped and recorded, never the end of a run. */
export class MalformedRecordError extends Error {
  constructor(
    readonly dataset: string,
    message: string,
  ) {
    super(message);
  }
}

const FREQUENCY_KEYS = [
  'frequency',
  'accrual_periodicity',
  'accrualPeriodicity',
  'update_frequency',
  'frequence',
  'periodicite',
];
const TEMPORAL_KEYS = [
  'temporal',
  'temporal_coverage',
  'temporal_start',
  'temporal_end',
  'temporal_coverage_from',
  'temporal_coverage_to',
];
const SPATIAL_KEYS = ['spatial', 'spatial_coverage', 'spatial_text', 'spatial_uri'];
const CONTACT_KEYS = ['maintainer_email', 'author_email', 'contact_email', 'contact_point', 'contact_uri'];
const DATE_KEYS = ['issued', 'modified'];
const THEME_KEYS = ['theme'];

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** CKAN writes dates without a zone (`2017-08-05T03:16:52.857800`): they are UTC. */
function parseDate(value: unknown, field: string, id: string): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new MalformedRecordError(id, `${field} is not a date string`);
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()))
    throw new MalformedRecordError(id, `${field} is not a date (${value.slice(0, 40)})`);
  return date;
}

/** Top-level fields (ckanext-scheming) win over `extras: [{key, value}]`. */
function fieldsOf(raw: Raw): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  if (Array.isArray(raw['extras'])) {
    for (const extra of raw['extras']) {
      if (isObject(extra) && typeof extra['key'] === 'string') fields.set(extra['key'], extra['value']);
    }
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key !== 'extras' && value !== undefined && value !== null && value !== '') fields.set(key, value);
  }
  return fields;
}

function filled(fields: Map<string, unknown>, keys: readonly string[]): boolean {
  return keys.some((key) => {
    const value = fields.get(key);
    if (typeof value === 'string') return value.trim() !== '';
    if (Array.isArray(value)) return value.length > 0;
    return isObject(value) ? Object.keys(value).length > 0 : value !== undefined && value !== null;
  });
}

function namesOf(value: unknown, id: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new MalformedRecordError(id, `${field} is not a list`);
  const names = value.map((item) =>
    typeof item === 'string' ? item : isObject(item) ? (text(item['name']) ?? text(item['display_name'])) : null,
  );
  return [...new Set(names.filter((name): name is string => !!name))];
}

function extensionOf(url: string | null): string | null {
  if (!url) return null;
  const match = /\.([a-z0-9]{2,7})(?:[?#]|$)/i.exec(url);
  return match ? match[1] : null;
}

/**
 * A CKAN dataset (package_search result or package_show) → what Marsad keeps.
 * Throws MalformedRecordError when the record cannot be read (no id, a date
 * that is not a date, resources that are not a list…).
 */
export function normaliseDataset(raw: unknown): NormalisedDataset {
  if (!isObject(raw)) throw new MalformedRecordError('?', 'the record is not an object');
  const id = text(raw['id']);
  const name = text(raw['name']);
  if (!id || !name) throw new MalformedRecordError(id ?? name ?? '?', 'id or name missing or not a string');
  if (id.length > 100 || name.length > 200) throw new MalformedRecordError(id, 'id or name too long');
  const title = typeof raw['title'] === 'string' && raw['title'].trim() ? raw['title'].trim() : name;
  if (raw['title'] !== undefined && raw['title'] !== null && typeof raw['title'] !== 'string')
    throw new MalformedRecordError(id, 'title is not a string');
  const organization = isObject(raw['organization']) ? text(raw['organization']['name']) : null;
  const metadataCreated = parseDate(raw['metadata_created'], 'metadata_created', id);
  const metadataModified = parseDate(raw['metadata_modified'], 'metadata_modified', id);

  const rawResources = raw['resources'] ?? [];
  if (!Array.isArray(rawResources)) throw new MalformedRecordError(id, 'resources is not a list');
  let lastResourceChange: Date | null = null;
  const resources: StoredResource[] = rawResources.filter(isObject).map((resource) => {
    const url = text(resource['url']);
    const formatRaw = text(resource['format']) ?? text(resource['mimetype']);
    const format = normaliseFormat(formatRaw ?? extensionOf(url));
    const changed =
      parseDate(resource['last_modified'], 'resources.last_modified', id) ??
      parseDate(resource['created'], 'resources.created', id);
    if (changed && (!lastResourceChange || changed > lastResourceChange)) lastResourceChange = changed;
    return {
      id: text(resource['id']),
      name: text(resource['name']),
      format,
      formatRaw,
      url,
      lastModified: resource['last_modified'] ? String(resource['last_modified']) : null,
    };
  });

  const fields = fieldsOf(raw);
  const licenseId = text(raw['license_id']);
  const openLicence =
    typeof raw['isopen'] === 'boolean' ? raw['isopen'] : !!licenseId && OPEN_LICENCES.includes(licenseId.toLowerCase());
  const frequencyRaw = FREQUENCY_KEYS.map((key) => fields.get(key)).find(
    (value) => typeof value === 'string' && value.trim(),
  ) as string | undefined;
  const frequency = normaliseFrequency(frequencyRaw);
  const tags = namesOf(raw['tags'], id, 'tags');
  const groups = namesOf(raw['groups'], id, 'groups');
  const formats = [
    ...new Set(resources.map((resource) => resource.format).filter((format): format is string => !!format)),
  ];
  const bestStars = Math.max(0, ...formats.map(starsForFormat));

  const completenessFilled: CompletenessCriterion[] = [];
  const notes = typeof raw['notes'] === 'string' ? raw['notes'].trim() : '';
  if (notes.length >= DESCRIPTION_MIN_LENGTH) completenessFilled.push('description');
  if (tags.length > 0) completenessFilled.push('tags');
  if (groups.length > 0 || filled(fields, THEME_KEYS)) completenessFilled.push('theme');
  if (licenseId && licenseId !== 'notspecified') completenessFilled.push('licence');
  if (frequency) completenessFilled.push('frequency');
  if (filled(fields, TEMPORAL_KEYS)) completenessFilled.push('temporal');
  if (filled(fields, SPATIAL_KEYS)) completenessFilled.push('spatial');
  if (filled(fields, CONTACT_KEYS)) completenessFilled.push('contact');
  if (resources.some((resource) => resource.lastModified) || filled(fields, DATE_KEYS))
    completenessFilled.push('dates');

  return {
    ckanId: id,
    name,
    title: title.slice(0, 2000),
    organizationName: organization ? organization.slice(0, 100) : null,
    metadataCreated,
    metadataModified,
    lastUpdatedAt: lastResourceChange ?? metadataModified,
    licenseId: licenseId ? licenseId.slice(0, 100) : null,
    openLicence,
    frequency,
    frequencyRaw: frequencyRaw ? frequencyRaw.trim().slice(0, 200) : null,
    formats,
    resources,
    resourceCount: resources.length,
    stars: openLicence ? bestStars : 0,
    machineReadable: formats.some((format) => starsForFormat(format) >= MACHINE_READABLE_MIN_STARS),
    completeness: completenessScore(completenessFilled),
    completenessFilled,
    tags,
    groups,
    titleKey: normalizeForSearch(title),
  };
}
