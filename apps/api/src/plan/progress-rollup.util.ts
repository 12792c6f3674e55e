import type { ActivityStatus, StatusCounts } from '@marsad/contracts';

export interface Weighted {
  weight: number;
  progress: number | null;
}

/**
 * Weighted mean of progress, rounded to one decimal.
 * - Parts with null progress (nothing to count) are left out.
 * - When every remaining weight is zero, the parts count equally (a plain mean):
 *   zero weights say "no preference", not "ignore everything".
 * - No parts left → null.
 */
export function weightedProgress(parts: Weighted[]): number | null {
  const counted = parts.filter((part): part is { weight: number; progress: number } => part.progress !== null);
  if (counted.length === 0) return null;
  const totalWeight = counted.reduce((sum, part) => sum + Math.max(0, part.weight), 0);
  const mean =
    totalWeight === 0
      ? counted.reduce((sum, part) => sum + part.progress, 0) / counted.length
      : counted.reduce((sum, part) => sum + Math.max(0, part.weight) * part.progress, 0) / totalWeight;
  return Math.round(mean * 10) / 10;
}

/** Measure progress: weighted mean of its activities, cancelled ones excluded. */
export function measureProgress(
  activities: { weight: number; progress: number; status: ActivityStatus }[],
): number | null {
  return weightedProgress(activities.filter((activity) => activity.status !== 'cancelled'));
}

export function countStatuses(statuses: ActivityStatus[]): StatusCounts {
  const counts: StatusCounts = { not_started: 0, in_progress: 0, completed: 0, delayed: 0, cancelled: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/**
 * One status for a group of activities:
 * all cancelled (or none) → cancelled / not started; all remaining completed → completed;
 * any delayed → delayed; any started → in progress; else not started.
 */
export function rollUpStatus(statuses: ActivityStatus[]): ActivityStatus {
  const live = statuses.filter((status) => status !== 'cancelled');
  if (statuses.length > 0 && live.length === 0) return 'cancelled';
  if (live.length === 0) return 'not_started';
  if (live.every((status) => status === 'completed')) return 'completed';
  if (live.includes('delayed')) return 'delayed';
  if (live.some((status) => status === 'in_progress' || status === 'completed')) return 'in_progress';
  return 'not_started';
}
