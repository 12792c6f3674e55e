import type { ActivityStatus, Health, IsoDate, StatusCounts } from './plan';

/**
 * The plan's progress day by day: one snapshot a day of every activity's validated status and
 * progress and of the measure and plan roll-ups, kept like the publication snapshots (taking the
 * same day again replaces it).
 */
export interface PlanSnapshotActivity {
  code: string;
  status: ActivityStatus;
  progress: number;
  health: Health | null;
  daysLate: number;
}

export interface PlanSnapshotMeasure {
  number: number;
  progress: number | null;
  health: Health | null;
  status: ActivityStatus;
}

export interface PlanHistoryPoint {
  day: IsoDate;
  progress: number | null;
  health: Health | null;
  statusCounts: StatusCounts;
  /** Activities late (due date passed, not completed) and at risk on that day. */
  late: number;
  atRisk: number;
  measures: PlanSnapshotMeasure[];
}

/** GET /api/v1/plans/:code/history?from=&to=: the snapshots in the window, oldest first. */
export interface PlanHistory {
  planCode: string;
  from: IsoDate | null;
  to: IsoDate | null;
  points: PlanHistoryPoint[];
}

/** GET /api/v1/plans/:code/history/:day: the snapshot in force on a day (the newest on or before it). */
export interface PlanSnapshotDetail extends PlanHistoryPoint {
  planCode: string;
  activities: PlanSnapshotActivity[];
}
