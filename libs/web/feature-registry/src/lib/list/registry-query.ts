import {
  INSTITUTION_SORTS,
  INSTITUTION_TYPES,
  type InstitutionQuery,
  type InstitutionSort,
  type InstitutionType,
} from '@marsad/contracts';

export const REGISTRY_PAGE_SIZE = 25;

/** The registry's filters as the URL carries them (strings, or nothing). */
export interface RegistryUrlParams {
  q?: string | null;
  type?: string | null;
  region?: string | null;
  parent?: string | null;
  hasRod?: string | null;
  hasGdd?: string | null;
  sort?: string | null;
  page?: string | null;
}

function yesNo(value: string | null | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Reads the URL's filters into an API query, dropping anything the API would refuse. */
export function registryQueryFrom(params: RegistryUrlParams, pageSize = REGISTRY_PAGE_SIZE): InstitutionQuery {
  const query: InstitutionQuery = { page: Math.max(1, Math.floor(Number(params.page)) || 1), pageSize };
  const q = (params.q ?? '').trim();
  if (q) query.q = q;
  if ((INSTITUTION_TYPES as readonly string[]).includes(params.type ?? '')) query.type = params.type as InstitutionType;
  if (params.region && /^[\w.-]{1,40}$/.test(params.region)) query.region = params.region;
  if (params.parent && /^[\w.-]{1,40}$/.test(params.parent)) query.parent = params.parent;
  const hasRod = yesNo(params.hasRod);
  if (hasRod !== undefined) query.hasRod = hasRod;
  const hasGdd = yesNo(params.hasGdd);
  if (hasGdd !== undefined) query.hasGdd = hasGdd;
  if ((INSTITUTION_SORTS as readonly string[]).includes(params.sort ?? '')) query.sort = params.sort as InstitutionSort;
  return query;
}

/** True when anything narrows the list (the empty state then suggests widening it). */
export function isNarrowed(query: InstitutionQuery): boolean {
  return !!(
    query.q ||
    query.type ||
    query.region ||
    query.parent ||
    query.hasRod !== undefined ||
    query.hasGdd !== undefined
  );
}
