import type { LocalizedText } from './locale';
import type { TrafficLightSummary } from './traffic-light';

export const INSTITUTION_TYPES = [
  'ministry',
  'public_institution',
  'public_enterprise',
  'independent_authority',
  'region',
  'province',
  'commune',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export interface InstitutionRef {
  code: string;
  name: LocalizedText;
  type: InstitutionType;
}

/** A row of the registry of administrations (public reference data). */
export interface InstitutionSummary extends InstitutionRef {
  acronym: string | null;
  /** Finer kind from the source: prefecture, province, prefecture_of_arrondissements, urban, rural… */
  subtype: string | null;
  parentCode: string | null;
  regionCode: string | null;
  active: boolean;
}

/**
 * A row of GET /api/v1/institutions: the summary, whether an active or interim ROD and GdD are in
 * office (from the register of officers), and its traffic light (see traffic-light.ts).
 */
export interface InstitutionListItem extends InstitutionSummary {
  hasRod: boolean;
  hasGdd: boolean;
  trafficLight: TrafficLightSummary;
}

export interface InstitutionDetail extends InstitutionSummary {
  version: number;
  parent: InstitutionRef | null;
  region: InstitutionRef | null;
  website: string | null;
  portalOrgName: string | null;
  childCount: number;
  createdAt: string;
  updatedAt: string;
}

export const INSTITUTION_SORTS = ['type', 'code', 'name'] as const;
export type InstitutionSort = (typeof INSTITUTION_SORTS)[number];

/** GET /api/v1/institutions query. `q` ignores case, accents, Arabic diacritics and hamza/alef variants. */
export interface InstitutionQuery {
  q?: string;
  type?: InstitutionType;
  region?: string;
  parent?: string;
  /** Has (true) or lacks (false) an active or interim ROD / GdD. */
  hasRod?: boolean;
  hasGdd?: boolean;
  sort?: InstitutionSort;
  page?: number;
  pageSize?: number;
}

/** POST /api/v1/institutions (coordinators). */
export interface CreateInstitutionRequest {
  code: string;
  name: { ar: string; fr: string; en?: string };
  type: InstitutionType;
  acronym?: string | null;
  parentCode?: string | null;
  regionCode?: string | null;
  website?: string | null;
  portalOrgName?: string | null;
}

/** PATCH /api/v1/institutions/:code (coordinators); send the version you read. */
export interface UpdateInstitutionRequest {
  version: number;
  name?: { ar: string; fr: string; en?: string };
  type?: InstitutionType;
  acronym?: string | null;
  parentCode?: string | null;
  regionCode?: string | null;
  website?: string | null;
  portalOrgName?: string | null;
  active?: boolean;
}
