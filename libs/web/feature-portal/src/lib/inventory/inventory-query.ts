import {
  CLASSIFICATIONS,
  INVENTORY_STATUSES,
  MATCH_STATES,
  type Classification,
  type InventoryQuery,
  type InventoryStatus,
  type MatchState,
} from '@marsad/contracts';

export const INVENTORY_PAGE_SIZE = 20;

/** The inventory's filters as the URL carries them (strings, or nothing). */
export interface InventoryUrlParams {
  q?: string | null;
  status?: string | null;
  classification?: string | null;
  match?: string | null;
  page?: string | null;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null | undefined): T | undefined =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** Reads the URL's filters into an API query, dropping anything the API would refuse. */
export function inventoryQueryFrom(params: InventoryUrlParams, pageSize = INVENTORY_PAGE_SIZE): InventoryQuery {
  const query: InventoryQuery = { page: Math.max(1, Math.floor(Number(params.page)) || 1), pageSize };
  const q = (params.q ?? '').trim().slice(0, 100);
  if (q) query.q = q;
  const status = oneOf<InventoryStatus>(INVENTORY_STATUSES, params.status);
  if (status) query.status = status;
  const classification = oneOf<Classification>(CLASSIFICATIONS, params.classification);
  if (classification) query.classification = classification;
  const match = oneOf<MatchState>(MATCH_STATES, params.match);
  if (match) query.match = match;
  return query;
}

/** The URL's query string for a query: empty values and the first page left out, so links stay short. */
export function inventoryUrlParams(query: InventoryQuery): Record<string, string | null> {
  return {
    q: query.q || null,
    status: query.status ?? null,
    classification: query.classification ?? null,
    match: query.match ?? null,
    page: query.page && query.page > 1 ? String(query.page) : null,
  };
}

/** True when anything narrows the list (the empty state then suggests widening it). */
export function isInventoryNarrowed(query: InventoryQuery): boolean {
  return !!(query.q || query.status || query.classification || query.match);
}
