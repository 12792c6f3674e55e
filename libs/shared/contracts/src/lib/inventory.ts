import type { InstitutionRef } from './institution';
import type { Frequency, FreshnessStatus } from './methodology';

/** How an item may be opened. Restricted and not disclosable need a legal basis. */
export const CLASSIFICATIONS = ['open', 'restricted', 'not_disclosable'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const INVENTORY_PRIORITIES = ['high', 'medium', 'low'] as const;
export type InventoryPriority = (typeof INVENTORY_PRIORITIES)[number];

/** identified → in_preparation → published; or withheld. */
export const INVENTORY_STATUSES = ['identified', 'in_preparation', 'published', 'withheld'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];

/** The EU data themes (DCAT-AP), used as the inventory's theme list. */
export const DATA_THEMES = [
  'AGRI',
  'ECON',
  'EDUC',
  'ENER',
  'ENVI',
  'GOVE',
  'HEAL',
  'INTR',
  'JUST',
  'REGI',
  'SOCI',
  'TECH',
  'TRAN',
] as const;
export type DataTheme = (typeof DATA_THEMES)[number];

/** none: no dataset found; suggested: found automatically, awaiting a person; confirmed: a person said so. */
export const MATCH_STATES = ['none', 'suggested', 'confirmed'] as const;
export type MatchState = (typeof MATCH_STATES)[number];

export interface InventoryMatchView {
  state: MatchState;
  ckanId: string | null;
  name: string | null;
  title: string | null;
  portalUrl: string | null;
  /** Why it was suggested: same identifier, same URL, or same title. */
  basis: 'identifier' | 'url' | 'title' | 'manual' | null;
  freshness: FreshnessStatus | null;
  publishedAt: string | null;
}

/** An item of an administration's data inventory (measure 6). */
export interface InventoryItemView {
  id: string;
  institution: InstitutionRef;
  /** The administration's own reference for the item: the natural key of imports, unique per administration. */
  reference: string;
  title: { ar: string; fr: string };
  description: string | null;
  theme: DataTheme | null;
  owningUnit: string | null;
  classification: Classification;
  legalBasis: string | null;
  priority: InventoryPriority;
  plannedDate: string | null;
  frequency: Frequency | null;
  formats: string[];
  status: InventoryStatus;
  /** Shown to the public (only open items may be). */
  public: boolean;
  match: InventoryMatchView;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateInventoryItemRequest {
  reference: string;
  title: { ar: string; fr: string };
  description?: string | null;
  theme?: DataTheme | null;
  owningUnit?: string | null;
  classification: Classification;
  legalBasis?: string | null;
  priority?: InventoryPriority;
  plannedDate?: string | null;
  frequency?: Frequency | null;
  formats?: string[];
  status?: InventoryStatus;
  public?: boolean;
}

/** PATCH: send the version you read. */
export interface UpdateInventoryItemRequest extends Partial<CreateInventoryItemRequest> {
  version: number;
}

/** PUT /api/v1/inventory/:id/match: confirm a dataset (or clear with null). */
export interface ConfirmMatchRequest {
  version: number;
  ckanId: string | null;
}

/**
 * GET /api/v1/inventory/:id/match-candidates: a portal dataset of the item's
 * administration that may be it. basis: same identifier (dataset name or id =
 * the item's reference), same title, or null when only some words are shared.
 */
export interface InventoryMatchCandidate {
  ckanId: string;
  name: string;
  title: string;
  portalUrl: string;
  basis: 'identifier' | 'title' | null;
}

export interface InventoryQuery {
  q?: string;
  status?: InventoryStatus;
  classification?: Classification;
  match?: MatchState;
  page?: number;
  pageSize?: number;
}
