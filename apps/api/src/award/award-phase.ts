import type { EditionPhase } from '@marsad/contracts';
import { createHash } from 'node:crypto';
import { todayInMorocco } from '../common/time/today';

/** The timeline of an edition, as the phase is computed from it. */
export interface EditionTimeline {
  callOpensOn: string;
  applicationsCloseAt: Date;
  scoringOpensOn: string;
  scoringClosesAt: Date;
}

/**
 * Where an edition stands (Morocco's calendar for the days, instants for the deadline and the close
 * of scoring): upcoming before the call opens, open until the deadline, closed until scoring opens,
 * scoring until it closes, scored until results are published, then published.
 */
export function editionPhase(edition: EditionTimeline, published: boolean, now = new Date()): EditionPhase {
  if (published) return 'published';
  const today = todayInMorocco(now);
  if (today < edition.callOpensOn) return 'upcoming';
  if (now < edition.applicationsCloseAt) return 'open';
  if (today < edition.scoringOpensOn) return 'closed';
  if (now < edition.scoringClosesAt) return 'scoring';
  return 'scored';
}

/** Scoring has opened (jurors may read the applications): scoring, scored or published. */
export const scoringOpened = (phase: EditionPhase) => ['scoring', 'scored', 'published'].includes(phase);

/** Scoring is over: jurors are no longer blind to each other, results may be published. */
export const scoringClosed = (phase: EditionPhase) => phase === 'scored' || phase === 'published';

/** JSON with every object's keys sorted (arrays kept in order): the same text whatever order the keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The hash a publication carries: SHA-256 (hex) of `JSON.stringify(rows)` with every object's keys
 * sorted by code point (`canonicalJson`). PostgreSQL's jsonb reorders keys, so sorting them is what
 * lets anyone recompute the hash from the published rows as the API returns them.
 */
export function resultsHash(rows: unknown): string {
  return createHash('sha256').update(canonicalJson(rows), 'utf8').digest('hex');
}
