import type { AuditQuery } from '@marsad/contracts';

/** The audit filters as they sit in the URL (dates as `YYYY-MM-DD`, pages from 1). */
export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  institution?: string;
  from?: string;
  to?: string;
  page?: string | number;
}

export const AUDIT_PAGE_SIZE = 25;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` day that exists, else undefined (a hand-edited URL must not break the request). */
export function validDay(day: string | undefined): string | undefined {
  const match = day ? DAY.exec(day.trim()) : null;
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) ? match[0] : undefined;
}

/** What GET /audit-events receives: empty filters dropped; the API includes the whole "to" day. */
export function buildAuditQuery(filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE): AuditQuery {
  const text = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);
  const page = Math.max(1, Math.floor(Number(filters.page)) || 1);
  const query: AuditQuery = {
    entityType: text(filters.entityType),
    entityId: text(filters.entityId),
    actorId: text(filters.actorId),
    institution: text(filters.institution),
    from: validDay(filters.from),
    to: validDay(filters.to),
    page,
    pageSize,
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as AuditQuery;
}
