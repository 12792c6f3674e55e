import type { ActivityStatus, Health, IsoDate } from '@marsad/contracts';

/**
 * How far behind the straight line from start to due date an activity may fall
 * before it is "at risk", in progress points.
 */
export const AT_RISK_LAG_POINTS = 20;
/** An activity due within this many days and under AT_RISK_NEAR_DUE_PROGRESS% is "at risk". */
export const AT_RISK_NEAR_DUE_DAYS = 30;
export const AT_RISK_NEAR_DUE_PROGRESS = 80;

export interface HealthInput {
  status: ActivityStatus;
  progress: number;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
}

const DAY_MS = 86_400_000;
const toDay = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * The health of one activity on `today` (an ISO date). The rule, in order:
 *
 * 1. cancelled → null (no health: it no longer counts);
 * 2. completed (or progress 100) → on track;
 * 3. due date passed (today is after the due date) → late; the due date itself is still on time;
 * 4. status "delayed" → at risk;
 * 5. with a start and a due date, expected progress is the share of the period
 *    elapsed (0 before the start, 100 on the due date); progress more than
 *    20 points below it → at risk;
 * 6. due within 30 days with progress under 80 → at risk;
 * 7. otherwise → on track (including activities with no dates at all).
 */
export function activityHealth(activity: HealthInput, today: IsoDate): Health | null {
  if (activity.status === 'cancelled') return null;
  if (activity.status === 'completed' || activity.progress >= 100) return 'on_track';
  const now = toDay(today);
  const due = activity.dueDate ? toDay(activity.dueDate) : null;
  if (due !== null && now > due) return 'late';
  if (activity.status === 'delayed') return 'at_risk';
  const expected = expectedProgress(activity.startDate, activity.dueDate, today);
  if (expected !== null && activity.progress < expected - AT_RISK_LAG_POINTS) return 'at_risk';
  if (due !== null && due - now <= AT_RISK_NEAR_DUE_DAYS && activity.progress < AT_RISK_NEAR_DUE_PROGRESS) {
    return 'at_risk';
  }
  return 'on_track';
}

/** Whole days past the due date of an activity whose health is `late` (rule 4 above); 0 otherwise. */
export function daysLate(activity: HealthInput, today: IsoDate): number {
  if (activityHealth(activity, today) !== 'late' || !activity.dueDate) return 0;
  return toDay(today) - toDay(activity.dueDate);
}

/** Share of [start, due] elapsed on `today`, 0–100; null without both dates. */
export function expectedProgress(startDate: IsoDate | null, dueDate: IsoDate | null, today: IsoDate): number | null {
  if (!startDate || !dueDate) return null;
  const start = toDay(startDate);
  const due = toDay(dueDate);
  const now = toDay(today);
  if (now <= start) return 0;
  if (now >= due) return 100;
  return ((now - start) / (due - start)) * 100;
}

const SEVERITY: Record<Health, number> = { on_track: 0, at_risk: 1, late: 2 };

/** A measure or plan is as healthy as its least healthy part; null when nothing counts. */
export function worstHealth(healths: (Health | null)[]): Health | null {
  let worst: Health | null = null;
  for (const health of healths) {
    if (health && (worst === null || SEVERITY[health] > SEVERITY[worst])) worst = health;
  }
  return worst;
}
