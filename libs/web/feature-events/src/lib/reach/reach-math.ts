import {
  AUDIENCE_CATEGORIES,
  EVENT_TYPES,
  type AudienceCategory,
  type EventType,
  type ReachTarget,
  type ReachView,
} from '@marsad/contracts';

/** `2026-Q3` as its year and quarter; null when it is not one. */
export function parseQuarter(quarter: string): { year: number; q: number } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return match ? { year: Number(match[1]), q: Number(match[2]) } : null;
}

export interface QuarterRow {
  quarter: string;
  /** Participants per category, 0 where none were counted. */
  counts: Record<AudienceCategory, number>;
  total: number;
}

export interface QuarterTable {
  rows: QuarterRow[];
  /** The categories with at least one participant, in the contract's order. */
  categories: AudienceCategory[];
  total: number;
}

/** The API's (quarter, category, count) triples as one row per quarter, oldest first. */
export function quarterTable(byQuarter: ReachView['byQuarter']): QuarterTable {
  const rows = new Map<string, QuarterRow>();
  const used = new Set<AudienceCategory>();
  for (const { quarter, category, count } of byQuarter) {
    let row = rows.get(quarter);
    if (!row) {
      row = {
        quarter,
        counts: Object.fromEntries(AUDIENCE_CATEGORIES.map((c) => [c, 0])) as Record<AudienceCategory, number>,
        total: 0,
      };
      rows.set(quarter, row);
    }
    row.counts[category] = (row.counts[category] ?? 0) + count;
    row.total += count;
    if (count > 0) used.add(category);
  }
  const sorted = [...rows.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
  return {
    rows: sorted,
    categories: AUDIENCE_CATEGORIES.filter((c) => used.has(c)),
    total: sorted.reduce((sum, r) => sum + r.total, 0),
  };
}

/** True when no event has been recorded at all (none held, none planned). */
export function nothingRecorded(view: ReachView): boolean {
  return view.eventsByType.every((e) => e.held === 0 && e.planned === 0) && view.byQuarter.length === 0;
}

/** The day the figures stand on (`asOf` may be a day or an instant). */
export function asOfDay(asOf: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(asOf);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

/** The share of the year gone by on that day, today included (0–1). */
export function yearElapsed(day: { year: number; month: number; day: number }): number {
  const start = Date.UTC(day.year, 0, 1);
  const length = (Date.UTC(day.year + 1, 0, 1) - start) / 86_400_000;
  const index = (Date.UTC(day.year, day.month - 1, day.day) - start) / 86_400_000;
  return Math.min(1, Math.max(0, (index + 1) / length));
}

/**
 * Where an actual figure stands against its yearly target:
 * none (no target), met, missed (a past year), behind or on track (this year, against an even pace),
 * upcoming (a year not started).
 */
export type TargetState = 'none' | 'met' | 'missed' | 'behind' | 'onTrack' | 'upcoming';

export interface TargetProgress {
  actual: number;
  target: number | null;
  state: TargetState;
  /** actual / target in percent (one decimal), null without a target or with a target of 0. */
  share: number | null;
  /** What is still missing to reach the target (0 once met). */
  remaining: number;
  /** This year: what an even pace would have reached by the day of the figures. */
  expected: number | null;
}

export function targetProgress(actual: number, target: number | null, year: number, asOf: string): TargetProgress {
  const base = { actual, target, share: null, remaining: 0, expected: null };
  if (target === null) return { ...base, state: 'none' };
  const share = target > 0 ? Math.round((actual / target) * 1000) / 10 : null;
  const remaining = Math.max(0, target - actual);
  if (remaining === 0) return { ...base, share, state: 'met' };
  const day = asOfDay(asOf);
  if (year < day.year) return { ...base, share, remaining, state: 'missed' };
  if (year > day.year) return { ...base, share, remaining, state: 'upcoming' };
  const expected = Math.floor(target * yearElapsed(day));
  return { ...base, share, remaining, expected, state: actual < expected ? 'behind' : 'onTrack' };
}

export interface TargetYear {
  year: number;
  rows: ReachTarget[];
}

/** The targets by year, the latest first, types in the contract's order. */
export function targetsByYear(targets: readonly ReachTarget[]): TargetYear[] {
  const order = new Map<EventType, number>(EVENT_TYPES.map((t, i) => [t, i]));
  const years = new Map<number, ReachTarget[]>();
  for (const t of targets) years.set(t.year, [...(years.get(t.year) ?? []), t]);
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, rows]) => ({
      year,
      rows: rows.sort((a, b) => (order.get(a.type) ?? 99) - (order.get(b.type) ?? 99)),
    }));
}

/** The years a coordinator may set targets for: last year to two years ahead, and any year already set. */
export function targetYears(targets: readonly ReachTarget[], currentYear: number): number[] {
  const years = new Set([currentYear - 1, currentYear, currentYear + 1, currentYear + 2]);
  for (const t of targets) years.add(t.year);
  return [...years].sort((a, b) => a - b);
}
