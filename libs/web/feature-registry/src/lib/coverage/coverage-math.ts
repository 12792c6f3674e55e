import type { CoverageCounts } from '@marsad/contracts';

/** count / total as a 0–100 figure (0 when there is nothing to count). */
export function share(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 1000) / 10 : 0;
}

export interface CoverageShares {
  total: number;
  withRod: number;
  withGdd: number;
  withBoth: number;
  rodShare: number;
  gddShare: number;
  bothShare: number;
}

export function sharesOf(counts: CoverageCounts): CoverageShares {
  return {
    ...counts,
    rodShare: share(counts.withRod, counts.total),
    gddShare: share(counts.withGdd, counts.total),
    bothShare: share(counts.withBoth, counts.total),
  };
}
