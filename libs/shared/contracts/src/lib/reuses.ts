import type { InstitutionRef } from './institution';
import type { PartialLocalizedText } from './locale';
import type { Page } from './auth';

/** Who made a reuse of the portal's data (measure 11). */
export const REUSER_TYPES = [
  'startup',
  'company',
  'researcher',
  'student',
  'civil_society',
  'media',
  'administration',
] as const;
export type ReuserType = (typeof REUSER_TYPES)[number];

export const REUSE_ORIGINS = ['hackathon', 'spontaneous', 'partnership'] as const;
export type ReuseOrigin = (typeof REUSE_ORIGINS)[number];

/** Proposed by anyone (submitted), then published or rejected by ADD's coordinators. */
export const REUSE_STATUSES = ['submitted', 'published', 'rejected'] as const;
export type ReuseStatus = (typeof REUSE_STATUSES)[number];

export const REUSE_LIMITS = {
  title: 200,
  description: 4000,
  url: 2000,
  datasets: 30,
  rejectReason: 500,
  email: 254,
} as const;

/** A harvested dataset of the portal a reuse uses, with the administration that publishes it. */
export interface ReuseDatasetRef {
  /** The dataset's CKAN id on the portal. */
  portalId: string;
  name: string;
  title: string;
  /** The administration mapped to its portal organisation; null when unmapped. */
  institution: InstitutionRef | null;
  /** The portal's groups (themes). */
  themes: string[];
}

export interface ReuseView {
  id: string;
  title: PartialLocalizedText;
  description: PartialLocalizedText;
  reuserType: ReuserType;
  url: string;
  origin: ReuseOrigin;
  status: ReuseStatus;
  datasets: ReuseDatasetRef[];
  /** Distinct themes and administrations of its datasets. */
  themes: string[];
  institutions: InstitutionRef[];
  /** The hackathon it came from, if any. */
  hackathon: { eventId: string; title: PartialLocalizedText } | null;
  publishedAt: string | null;
  createdAt: string;
  /** Coordinators only: why it was rejected, and the contact the proposer left (law 09-08: never public). */
  rejectReason: string | null;
  contactEmail: string | null;
  isDemo: boolean;
  version: number;
}

/** POST /api/v1/reuses: anyone may propose a reuse; it is shown once a coordinator publishes it. */
export interface ProposeReuseRequest {
  title: PartialLocalizedText;
  description: PartialLocalizedText;
  reuserType: ReuserType;
  url: string;
  origin?: ReuseOrigin;
  /** Portal ids (CKAN ids) of harvested datasets. */
  datasetIds: string[];
  /** Optional, for the coordinators' questions only; never shown. */
  contactEmail?: string | null;
  /** A honeypot: people leave it empty. */
  website?: string;
}

export interface ProposeReuseResult {
  id: string;
  status: 'submitted';
}

/** PATCH /api/v1/reuses/:id (coordinators). Rejecting needs a reason. */
export interface UpdateReuseRequest {
  version: number;
  title?: PartialLocalizedText;
  description?: PartialLocalizedText;
  reuserType?: ReuserType;
  url?: string;
  origin?: ReuseOrigin;
  datasetIds?: string[];
  status?: ReuseStatus;
  rejectReason?: string | null;
}

export interface ReuseQuery {
  /** A portal group (theme). */
  theme?: string;
  /** An administration's code: reuses of its data. */
  institution?: string;
  reuserType?: ReuserType;
  origin?: ReuseOrigin;
  /** Coordinators only; others always see published reuses. */
  status?: ReuseStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The showcase: a page of reuses and the counts behind its filters (published reuses). */
export interface ReusePage extends Page<ReuseView> {
  facets: {
    themes: { theme: string; count: number }[];
    institutions: { institution: InstitutionRef; count: number }[];
    reuserTypes: { reuserType: ReuserType; count: number }[];
  };
  asOf: string;
}
