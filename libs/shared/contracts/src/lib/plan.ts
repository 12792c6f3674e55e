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
  nextDueDate: IsoDate | null;
  statusCounts: StatusCounts;
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
  version: number;
  updatedAt: string;
}

export interface ActivityDetail extends ActivitySummary {
  milestones: MilestoneView[];
  updates: ProgressUpdateView[];
}

export interface MilestoneView {
  id: string;
  activityId: string;
  activityCode: string;
  title: LocalizedText;
  dueDate: IsoDate | null;
  doneOn: IsoDate | null;
  demo: boolean;
}

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

export interface ProgressUpdateView {
  id: string;
  activityId: string;
  activityCode: string;
  reportedOn: IsoDate;
  authorName: string;
  status: ActivityStatus;
  progress: number;
  narrative: PartialLocalizedText;
  evidence: EvidenceView[];
  demo: boolean;
  createdAt: string;
}

/** Body of POST /api/v1/activities/:id/updates. */
export interface CreateProgressUpdateRequest {
  reportedOn?: IsoDate;
  authorName: string;
  status: ActivityStatus;
  progress: number;
  narrative: PartialLocalizedText;
  links?: { url: string; title: string }[];
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

export interface ActivityFilters {
  status?: ActivityStatus;
  health?: Health;
  lead?: string;
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
