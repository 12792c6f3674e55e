import {
  hasPermission,
  Permission,
  type ActivitySummary,
  EvidenceView,
  Health,
  MeasureSummary,
  MilestoneView,
  type MilestoneState,
  PlanSummary,
  type Provenance,
  ProgressUpdateView,
} from '@marsad/contracts';
import type { Actor } from '../auth/actor';
import { toInstitutionRef } from '../institutions/institutions.service';
import { daysBetween } from '../common/time/today';
import { activityHealth, daysLate, worstHealth } from './activity-health.util';
import type { Activity } from './entities/activity.entity';
import type { Evidence } from './entities/evidence.entity';
import type { Measure } from './entities/measure.entity';
import type { Milestone } from './entities/milestone.entity';
import type { Plan } from './entities/plan.entity';
import type { ProgressUpdate } from './entities/progress-update.entity';
import { countStatuses, measureProgress, rollUpStatus, weightedProgress } from './progress-rollup.util';

export function mapActivity(activity: Activity, measureNumber: number, today: string): ActivitySummary {
  return {
    id: activity.id,
    code: activity.code,
    measureId: activity.measureId,
    measureNumber,
    title: activity.title,
    leadInstitution: activity.leadInstitution ? toInstitutionRef(activity.leadInstitution) : null,
    contributors: (activity.contributors ?? []).map(toInstitutionRef).sort((a, b) => a.code.localeCompare(b.code)),
    startDate: activity.startDate,
    dueDate: activity.dueDate,
    weight: activity.weight,
    status: activity.status,
    progress: activity.progress,
    health: activityHealth(activity, today),
    daysLate: daysLate(activity, today),
    provenance: activityProvenance(activity),
    version: activity.version,
    updatedAt: activity.updatedAt.toISOString(),
  };
}

/** A measure with its activities; `visible` narrows the listed activities (filters) but never the figures. */
export function mapMeasure(
  measure: Measure,
  planCode: string,
  today: string,
  visible: (activity: ActivitySummary) => boolean = () => true,
): MeasureSummary {
  const activities = (measure.activities ?? [])
    .slice()
    .sort((a, b) => a.position - b.position)
    .map((activity) => mapActivity(activity, measure.number, today));
  const { nextDueDate, overdueSince } = measureDueDates(activities, today);
  return {
    id: measure.id,
    planCode,
    number: measure.number,
    title: measure.title,
    description: measure.description,
    leadInstitution: measure.leadInstitution ? toInstitutionRef(measure.leadInstitution) : null,
    weight: measure.weight,
    progress: measureProgress(activities),
    health: worstHealth(activities.map((activity) => activity.health)),
    status: rollUpStatus(activities.map((activity) => activity.status)),
    nextDueDate,
    overdueSince,
    daysLate: overdueSince ? daysBetween(overdueSince, today) : 0,
    statusCounts: countStatuses(activities.map((activity) => activity.status)),
    provenance: combinedProvenance(activities.map((activity) => activity.provenance)),
    activities: activities.filter(visible),
  };
}

/**
 * A measure's dates as a reader needs them: the next due date still ahead (today or later) of an
 * unfinished activity, and the oldest due date already passed by a late one. A past date is
 * never "next": it is overdue.
 */
export function measureDueDates(
  activities: Pick<ActivitySummary, 'status' | 'dueDate' | 'daysLate'>[],
  today: string,
): { nextDueDate: string | null; overdueSince: string | null } {
  const open = activities.filter((a) => a.status !== 'cancelled' && a.status !== 'completed' && a.dueDate);
  const ahead = open
    .map((a) => a.dueDate as string)
    .filter((due) => due >= today)
    .sort();
  const overdue = activities
    .filter((a) => a.daysLate > 0 && a.dueDate)
    .map((a) => a.dueDate as string)
    .sort();
  return { nextDueDate: ahead[0] ?? null, overdueSince: overdue[0] ?? null };
}

export function summarisePlan(
  plan: Plan,
  measures: MeasureSummary[],
  allActivities: ActivitySummary[],
  today: string,
): PlanSummary {
  return {
    code: plan.code,
    title: plan.title,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    progress: weightedProgress(measures.map((measure) => ({ weight: measure.weight, progress: measure.progress }))),
    health: worstHealth(measures.map((measure) => measure.health as Health | null)),
    measureCount: measures.length,
    activityCount: allActivities.length,
    statusCounts: countStatuses(allActivities.map((activity) => activity.status)),
    provenance: combinedProvenance(allActivities.map((activity) => activity.provenance)),
    figuresOn: today,
  };
}

/**
 * The provenance of a figure rolled up from many: `demo` if any part is demo, else `validated`
 * if any part was validated, else `reference`; as of the newest part.
 */
export function combinedProvenance(parts: Provenance[]): Provenance {
  const source = parts.some((p) => p.source === 'demo')
    ? 'demo'
    : parts.some((p) => p.source === 'validated')
      ? 'validated'
      : 'reference';
  const asOf = parts.reduce<string | null>(
    (latest, p) => (p.asOf && (!latest || p.asOf > latest) ? p.asOf : latest),
    null,
  );
  return { source, asOf, by: null };
}

/** A milestone is `missed` from the day after its due date while not done; the due date itself is on time. */
export function milestoneState(
  milestone: Pick<Milestone, 'dueDate' | 'doneOn'>,
  today: string,
): { state: MilestoneState; daysLate: number } {
  if (milestone.doneOn) return { state: 'done', daysLate: 0 };
  if (milestone.dueDate && milestone.dueDate < today)
    return { state: 'missed', daysLate: daysBetween(milestone.dueDate, today) };
  return { state: 'upcoming', daysLate: 0 };
}

export function mapMilestone(milestone: Milestone, activityCode: string, today: string): MilestoneView {
  return {
    ...milestoneState(milestone, today),
    id: milestone.id,
    activityId: milestone.activityId,
    activityCode,
    title: milestone.title,
    dueDate: milestone.dueDate,
    doneOn: milestone.doneOn,
    demo: milestone.isDemo,
  };
}

export function mapEvidence(evidence: Evidence): EvidenceView {
  return {
    id: evidence.id,
    kind: evidence.kind,
    title: evidence.title,
    url: evidence.kind === 'link' ? (evidence.url as string) : `/api/v1/evidence/${evidence.id}/file`,
    contentType: evidence.contentType,
    sizeBytes: evidence.sizeBytes,
    createdAt: evidence.createdAt.toISOString(),
  };
}

/** Where an activity's status and progress come from. */
export function activityProvenance(activity: Activity): Provenance {
  return {
    source: activity.figuresSource,
    asOf: activity.figuresAsOf ? activity.figuresAsOf.toISOString() : null,
    by: activity.figuresSource === 'validated' ? activity.figuresBy : null,
  };
}

/**
 * Who may read a report: a validated one, anyone; one not yet validated, the author's
 * administration (drafts included) and the coordinators (submitted or returned ones).
 */
export function mayReadUpdate(update: ProgressUpdate, reader: Actor | null): boolean {
  if (update.state === 'validated') return true;
  if (!reader) return false;
  if (update.authorUserId === reader.userId) return true;
  if (update.authorInstitutionId && update.authorInstitutionId === reader.institutionId) return true;
  return update.state !== 'draft' && hasPermission(reader.role, Permission.ProgressValidate);
}

export function mapUpdate(update: ProgressUpdate, activityCode: string): ProgressUpdateView {
  return {
    id: update.id,
    activityId: update.activityId,
    activityCode,
    reportedOn: update.reportedOn,
    authorName: update.authorName,
    authorInstitution: update.authorInstitution ? toInstitutionRef(update.authorInstitution) : null,
    state: update.state,
    status: update.status,
    progress: update.progress,
    narrative: update.narrative,
    blockers: update.blockers ?? [],
    submittedAt: update.submittedAt ? update.submittedAt.toISOString() : null,
    decidedAt: update.decidedAt ? update.decidedAt.toISOString() : null,
    decidedBy: update.decidedByName,
    returnComment: update.returnComment,
    version: update.version,
    evidence: (update.evidence ?? [])
      .slice()
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(mapEvidence),
    demo: update.isDemo,
    createdAt: update.createdAt.toISOString(),
  };
}

/** Newest first: by report date, then by when it was written. */
export function newestFirst(a: ProgressUpdateView, b: ProgressUpdateView): number {
  return b.reportedOn.localeCompare(a.reportedOn) || b.createdAt.localeCompare(a.createdAt);
}
