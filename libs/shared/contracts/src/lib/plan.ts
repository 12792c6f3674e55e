import type { InstitutionRef } from './institution';
import type { LocalizedText, PartialLocalizedText } from './locale';

export const ACTIVITY_STATUSES = ['not_started', 'in_progress', 'completed', 'delayed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Computed from dates, progress and elapsed time; null for cancelled work. */
export const HEALTHS = ['on_track', 'at_risk', 'late'] as const;
export type Health = (typeof HEALTHS)[number];

/** An ISO date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface StatusCounts {
  not_started: number;
  in_progress: number;
  completed: number;
  delayed: number;
  cancelled: number;
}

export interface PlanSummary {
  code: string;
  title: LocalizedText;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  /** Weighted mean of measure progress, 0–100 with one decimal; null when nothing counts. */
  progress: number | null;
  health: Health | null;
  measureCount: number;
  activityCount: number;
  statusCounts: StatusCounts;
  /** Progress and health come from validated reports only; this says so, and as of when. */
  provenance: Provenance;
  /** The day health and lateness are computed for (today in Morocco). */
  figuresOn: IsoDate;
}

export interface PlanDetail extends PlanSummary {
  measures: MeasureSummary[];
  /** True when the demo data set is loaded: figures are illustrative. */
  demo: boolean;
}

export interface MeasureSummary {
  id: string;
  planCode: string;
  number: number;
  title: LocalizedText;
  description: LocalizedText | null;
  leadInstitution: InstitutionRef | null;
  weight: number;
  progress: number | null;
  health: Health | null;
  /** The status most representative of the measure's activities (see rollUpStatus). */
  status: ActivityStatus;
  /** The nearest due date, today or later, of an unfinished activity; never a past date. */
  nextDueDate: IsoDate | null;
  /** The oldest passed due date among its late activities (unfinished, not cancelled); null when none is late. */
  overdueSince: IsoDate | null;
  /** Whole days since `overdueSince`; 0 when nothing is late. */
  daysLate: number;
  statusCounts: StatusCounts;
  provenance: Provenance;
  activities: ActivitySummary[];
}

export interface MeasureDetail extends MeasureSummary {
  milestones: MilestoneView[];
  updates: ProgressUpdateView[];
}

export interface ActivitySummary {
  id: string;
  code: string;
  measureId: string;
  measureNumber: number;
  title: LocalizedText;
  leadInstitution: InstitutionRef | null;
  contributors: InstitutionRef[];
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  weight: number;
  status: ActivityStatus;
  progress: number;
  health: Health | null;
  /** Whole days past the due date while health is `late` (due date passed, not completed); 0 otherwise. */
  daysLate: number;
  /** Where status and progress come from: the validated report that set them, or the plan as loaded. */
  provenance: Provenance;
  version: number;
  updatedAt: string;
}

export interface ActivityDetail extends ActivitySummary {
  milestones: MilestoneView[];
  /** The newest reports the caller may read (up to 100), newest first. */
  updates: ProgressUpdateView[];
  /** How many reports the caller may read in all (more than `updates.length` when some are left out). */
  updateCount: number;
}

export interface MilestoneView {
  id: string;
  activityId: string;
  activityCode: string;
  title: LocalizedText;
  dueDate: IsoDate | null;
  doneOn: IsoDate | null;
  /** `done` once done; `missed` when its due date has passed (the due date itself is still on time); else `upcoming`. */
  state: MilestoneState;
  /** Whole days past the due date of a missed milestone; 0 otherwise. */
  daysLate: number;
  demo: boolean;
}

export const MILESTONE_STATES = ['done', 'missed', 'upcoming'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

export const EVIDENCE_KINDS = ['link', 'file'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  title: string;
  /** For links, the address; for files, the API path that downloads it. */
  url: string;
  contentType: string | null;
  sizeBytes: number | null;
  createdAt: string;
}

/**
 * A progress report's life: an officer's report is `submitted` (or kept as a `draft`), then a
 * coordinator `validated` it (it then counts in the official figures) or `returned` it with a
 * comment; the officer corrects it and submits again. A coordinator's own report is validated
 * when it is made. A validated report is never edited: a newer report supersedes it.
 */
export const PROGRESS_UPDATE_STATES = ['draft', 'submitted', 'validated', 'returned'] as const;
export type ProgressUpdateState = (typeof PROGRESS_UPDATE_STATES)[number];

/** What holds an activity back, as a report may name it (each with a short text). */
export const BLOCKER_CATEGORIES = [
  'legal',
  'technical',
  'human_resources',
  'budget',
  'data_quality',
  'coordination',
  'other',
] as const;
export type BlockerCategory = (typeof BLOCKER_CATEGORIES)[number];

export interface Blocker {
  category: BlockerCategory;
  text: string;
}

/**
 * Where a figure comes from: `validated` by ADD (by whom, when), `self-reported` (submitted by an
 * administration, not yet validated), `automated` (computed from a portal harvest), `demo`
 * (illustrative data), or `reference` (as loaded from the plan; nobody has reported yet).
 */
export const FIGURE_SOURCES = ['validated', 'self-reported', 'automated', 'demo', 'reference'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

export interface Provenance {
  source: FigureSource;
  /** When the figure became what it is (validation, submission or harvest time); null for `reference`. */
  asOf: string | null;
  /** Who validated it (display name), for `validated`. */
  by: string | null;
}

export interface ProgressUpdateView {
  id: string;
  activityId: string;
  activityCode: string;
  reportedOn: IsoDate;
  /** The account that reported (its display name at the time). */
  authorName: string;
  /** The administration the author reported for; null for ADD's coordinators' older reports. */
  authorInstitution: InstitutionRef | null;
  state: ProgressUpdateState;
  status: ActivityStatus;
  progress: number;
  narrative: PartialLocalizedText;
  blockers: Blocker[];
  evidence: EvidenceView[];
  submittedAt: string | null;
  /** When it was validated or returned, and by whom. */
  decidedAt: string | null;
  decidedBy: string | null;
  /** Why it was returned (state `returned`). */
  returnComment: string | null;
  demo: boolean;
  version: number;
  createdAt: string;
}

/** Body of POST /api/v1/activities/:id/updates. The author is the signed-in account. */
export interface CreateProgressUpdateRequest {
  reportedOn?: IsoDate;
  status: ActivityStatus;
  progress: number;
  narrative: PartialLocalizedText;
  links?: { url: string; title: string }[];
  blockers?: Blocker[];
  /** Keep it as a draft instead of submitting it (officers). */
  draft?: boolean;
}

/** Body of PATCH /api/v1/progress-updates/:id: a draft or returned report, corrected (and submitted unless `draft`). */
export interface ReviseProgressUpdateRequest extends Omit<CreateProgressUpdateRequest, 'links'> {
  version: number;
}

/** Body of POST /api/v1/progress-updates/:id/return. */
export interface ReturnProgressUpdateRequest {
  comment: string;
}

/** Body of POST /api/v1/progress-updates/:id/validate. `version`, when given, must be the one read. */
export interface ValidateProgressUpdateRequest {
  version?: number;
}

/**
 * GET /api/v1/plans/:code/blockers: what holds the plan back now, as each activity's newest
 * validated report says (an activity counts once per category it names).
 */
export interface PlanBlockers {
  byCategory: { category: BlockerCategory; activities: number }[];
  byMeasure: { measureNumber: number; title: LocalizedText; counts: Record<BlockerCategory, number>; total: number }[];
  items: {
    activityId: string;
    activityCode: string;
    measureNumber: number;
    category: BlockerCategory;
    text: string;
    reportedOn: IsoDate;
  }[];
  /** Validated reports only; as of the newest of them. */
  provenance: Provenance;
}

/** One report awaiting validation, with its activity. */
export interface ValidationQueueItem extends ProgressUpdateView {
  activity: {
    id: string;
    code: string;
    measureNumber: number;
    title: LocalizedText;
    status: ActivityStatus;
    progress: number;
  };
}

/** GET /api/v1/validation-queue: submitted reports, oldest first: the first 25 in `items`, how many wait in `total`. */
export interface ValidationQueue {
  items: ValidationQueueItem[];
  total: number;
  /** Submission time of the oldest waiting report. */
  oldestSubmittedAt: string | null;
}

/** Body of PATCH /api/v1/activities/:id. `version` is the one the caller last read. */
export interface UpdateActivityRequest {
  version: number;
  startDate?: IsoDate | null;
  dueDate?: IsoDate | null;
  weight?: number;
  leadInstitutionCode?: string | null;
  contributorCodes?: string[];
}

/** How an administration takes part in an activity, for the activity filter. */
export const INVOLVEMENTS = ['any', 'lead', 'contributor'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];

export interface ActivityFilters {
  status?: ActivityStatus;
  health?: Health;
  /** Lead institution code (kept for links made before `institution`). */
  lead?: string;
  /** An administration's code: the activities it leads or contributes to, as `involvement` says (default `any`). */
  institution?: string;
  involvement?: Involvement;
  dueBefore?: IsoDate;
}

/** Evidence uploads: accepted types (checked from the file's bytes) and the size limit. */
export const EVIDENCE_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
