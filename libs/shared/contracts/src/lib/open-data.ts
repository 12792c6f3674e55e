import type { LocalizedText } from './locale';
import type { Frequency } from './methodology';

/**
 * The tracker's own open data (issue #16): what Marsad publishes about the plan, the
 * publication scores, officer coverage, events, reuses and the committee, as CSV, JSON
 * and XLSX, described in a DCAT-AP catalogue (JSON-LD) at GET /api/v1/catalog.
 */
export const OPEN_DATASET_IDS = [
  'plan-measures',
  'plan-activities',
  'plan-progress-history',
  'publication-scores',
  'officer-coverage',
  'events',
  'events-reach',
  'reuses',
  'committee-decisions',
  'committee-action-items',
] as const;
export type OpenDatasetId = (typeof OPEN_DATASET_IDS)[number];

export const OPEN_DATA_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** The media type each format is served with (dcat:mediaType). */
export const OPEN_DATA_MEDIA_TYPES: Record<OpenDataFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Where a row's figures come from (the `source` column of every download). */
export const OPEN_DATA_SOURCES = ['validated', 'reference', 'automated', 'recorded', 'demo'] as const;
export type OpenDataSource = (typeof OPEN_DATA_SOURCES)[number];

export interface OpenDataDistribution {
  format: OpenDataFormat;
  mediaType: string;
  /** Absolute, on this server's public address (PUBLIC_URL): the catalogue's dcat:downloadURL. */
  url: string;
  /** The same download relative to the site, for links in the web app. */
  path: string;
}

export interface OpenDataColumn {
  key: string;
  label: { fr: string; ar: string };
}

/** One dataset of the catalogue, as the open-data page lists it. */
export interface OpenDataDataset {
  id: OpenDatasetId;
  title: LocalizedText;
  description: LocalizedText;
  /** The newest change of the data it is made of (ISO timestamp); null while there is none. */
  modified: string | null;
  frequency: Frequency;
  /** EU data theme code (http://publications.europa.eu/resource/authority/data-theme/…), e.g. GOVE. */
  theme: string;
  columns: OpenDataColumn[];
  distributions: OpenDataDistribution[];
}

/** GET /api/v1/open-data (public). */
export interface OpenDataCatalogue {
  /** The DCAT-AP catalogue (JSON-LD), absolute. */
  catalogUrl: string;
  publisher: LocalizedText;
  licence: { id: string; title: string; url: string };
  modified: string | null;
  datasets: OpenDataDataset[];
}

/** The JSON distribution of a dataset: the table with its provenance. */
export interface OpenDataTable {
  dataset: OpenDatasetId;
  title: LocalizedText;
  publisher: LocalizedText;
  licence: { id: string; title: string; url: string };
  modified: string | null;
  /** When this file was produced. */
  generatedAt: string;
  columns: OpenDataColumn[];
  rows: Record<string, string | number | boolean | null>[];
}
