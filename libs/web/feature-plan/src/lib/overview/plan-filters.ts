import {
  ACTIVITY_STATUSES,
  HEALTHS,
  INVOLVEMENTS,
  type ActivityFilters,
  type ActivityStatus,
  type Health,
  type Involvement,
} from '@marsad/contracts';

/** Only well-formed query-string values reach the API. */
export function sanitizeFilters(raw: {
  status?: string | null;
  health?: string | null;
  lead?: string | null;
  institution?: string | null;
  involvement?: string | null;
  dueBefore?: string | null;
}): ActivityFilters {
  const filters: ActivityFilters = {};
  if (raw.status && (ACTIVITY_STATUSES as readonly string[]).includes(raw.status))
    filters.status = raw.status as ActivityStatus;
  if (raw.health && (HEALTHS as readonly string[]).includes(raw.health)) filters.health = raw.health as Health;
  if (raw.lead && /^[\w.-]{1,64}$/.test(raw.lead)) filters.lead = raw.lead;
  if (raw.institution && /^[\w.-]{1,64}$/.test(raw.institution)) {
    filters.institution = raw.institution;
    if (raw.involvement && raw.involvement !== 'any' && (INVOLVEMENTS as readonly string[]).includes(raw.involvement))
      filters.involvement = raw.involvement as Involvement;
  }
  if (raw.dueBefore && /^\d{4}-\d{2}-\d{2}$/.test(raw.dueBefore)) filters.dueBefore = raw.dueBefore;
  return filters;
}

export function hasFilters(filters: ActivityFilters): boolean {
  return Object.entries(filters).some(([key, value]) => key !== 'involvement' && !!value);
}
