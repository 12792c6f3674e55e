import type {
  ActivityStatus,
  IsoDate,
  MeasureSummary,
  PlanHistoryPoint,
  PlanSnapshotDetail,
  PlanSummary,
} from '@marsad/contracts';
import type { Activity } from './entities/activity.entity';
import type { Plan } from './entities/plan.entity';
import type { PlanSnapshot, PlanSnapshotFigures } from './entities/plan-snapshot.entity';
import { mapMeasure, summarisePlan } from './plan.mappers';

/** The plan's figures on `day` as a snapshot keeps them, from the plan as built for that day. */
export function snapshotOfPlan(summary: PlanSummary, measures: MeasureSummary[], day: IsoDate): PlanSnapshotDetail {
  const activities = measures.flatMap((measure) => measure.activities);
  return {
    planCode: summary.code,
    day,
    progress: summary.progress,
    health: summary.health,
    statusCounts: summary.statusCounts,
    late: activities.filter((activity) => activity.health === 'late').length,
    atRisk: activities.filter((activity) => activity.health === 'at_risk').length,
    measures: measures.map((measure) => ({
      number: measure.number,
      progress: measure.progress,
      health: measure.health,
      status: measure.status,
    })),
    activities: activities.map((activity) => ({
      code: activity.code,
      status: activity.status,
      progress: activity.progress,
      health: activity.health,
      daysLate: activity.daysLate,
    })),
  };
}

/** What the `figures` column keeps of a snapshot (the rest are columns). */
export function snapshotFigures(detail: PlanSnapshotDetail): PlanSnapshotFigures {
  const { progress, health, statusCounts, late, atRisk, measures, activities } = detail;
  return { point: { progress, health, statusCounts, late, atRisk, measures }, activities };
}

export function toHistoryPoint(row: Pick<PlanSnapshot, 'day' | 'figures'>): PlanHistoryPoint {
  return { ...row.figures.point, day: row.day };
}

export function toSnapshotDetail(planCode: string, row: Pick<PlanSnapshot, 'day' | 'figures'>): PlanSnapshotDetail {
  return { planCode, ...toHistoryPoint(row), activities: row.figures.activities };
}

/** Progress points gained (or lost) from one snapshot to a later one, one decimal; null when either is unknown. */
export function progressChange(earlier: number | null | undefined, later: number | null | undefined): number | null {
  if (earlier === null || earlier === undefined || later === null || later === undefined) return null;
  return Math.round((later - earlier) * 10) / 10;
}

/** A validated report as the history replays it. */
export interface ReplayedReport {
  activityId: string;
  reportedOn: IsoDate;
  status: ActivityStatus;
  progress: number;
}

/**
 * The plan as it stood on a past `day`, replayed from validated reports: each activity carries the
 * status and progress of its newest report on or before that day (not started, 0 %, before any),
 * and health is computed for that day. Used to backfill a history (the demo data set).
 */
export function replayPlan(
  plan: Plan,
  reports: readonly ReplayedReport[],
  day: IsoDate,
): { summary: PlanSummary; measures: MeasureSummary[] } {
  const newest = new Map<string, ReplayedReport>();
  for (const report of reports) {
    if (report.reportedOn > day) continue;
    const seen = newest.get(report.activityId);
    if (!seen || report.reportedOn >= seen.reportedOn) newest.set(report.activityId, report);
  }
  const asOf = (activity: Activity): Activity => {
    const report = newest.get(activity.id);
    return {
      ...activity,
      status: report?.status ?? 'not_started',
      progress: report?.progress ?? 0,
    } as Activity;
  };
  const measures = (plan.measures ?? [])
    .slice()
    .sort((a, b) => a.number - b.number)
    .map((measure) => mapMeasure({ ...measure, activities: (measure.activities ?? []).map(asOf) }, plan.code, day));
  const summary = summarisePlan(
    plan,
    measures,
    measures.flatMap((measure) => measure.activities),
    day,
  );
  return { summary, measures };
}
