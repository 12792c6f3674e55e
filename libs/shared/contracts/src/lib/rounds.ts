import type { InstitutionRef, InstitutionType } from './institution';
import type { IsoDate, ProgressUpdateState } from './plan';
import type { LocalizedText, PartialLocalizedText } from './locale';

/**
 * A reporting round: a window (e.g. a quarter) in which every administration that leads or
 * contributes to an activity in scope owes a report on it, plus two confirmations: that its
 * officers are current and that its inventory is current.
 *
 * - `scheduled`: opens later; `open`: from its opening date until a coordinator closes it (past its
 *   closing date everything still owed is late); `closed`: its figures are frozen.
 */
/** Longest round name, per language. */
export const ROUND_NAME_MAX_LENGTH = 120;

export const ROUND_STATES = ['scheduled', 'open', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const CONFIRMATION_KINDS = ['officers', 'inventory'] as const;
export type ConfirmationKind = (typeof CONFIRMATION_KINDS)[number];

/** What an administration owes in a round: a report per activity, and the two confirmations. */
export type ObligationKind = 'report' | ConfirmationKind;

/**
 * Where one obligation stands: `owed` (nothing handed in; a draft does not count), the state of the
 * newest report handed in for it, or `confirmed`.
 */
export type ObligationStatus = 'owed' | Exclude<ProgressUpdateState, 'draft'> | 'confirmed';

/**
 * Counts over obligations. `submitted` counts everything handed in (reports in any state but draft,
 * confirmations); `onTime` and `late` split it by the closing date; `missing` is what is still owed
 * (late too once the closing date has passed, see `overdue`); `completion` is the share of
 * obligations handed in and not returned, in percent with one decimal.
 */
export interface RoundTally {
  owed: number;
  submitted: number;
  onTime: number;
  late: number;
  validated: number;
  returned: number;
  missing: number;
  /** Still owed after the closing date. */
  overdue: number;
  completion: number;
}

export interface ReportingRoundView {
  id: string;
  planCode: string;
  name: PartialLocalizedText;
  opensOn: IsoDate;
  closesOn: IsoDate;
  state: RoundState;
  /** Days until the closing date (negative once past), null when closed. */
  daysLeft: number | null;
  closedAt: string | null;
  closedBy: string | null;
  activityCount: number;
  administrationCount: number;
  tally: RoundTally;
  /** When these figures were computed: now for an open round, the closing time for a closed one. */
  asOf: string;
  createdAt: string;
  version: number;
}

export interface RoundGroupRow {
  /** The institution type, or the region's HCP code (`national` for central administrations). */
  key: string;
  label: InstitutionRef | null;
  administrations: number;
  tally: RoundTally;
}

export interface ReportingRoundDetail extends ReportingRoundView {
  activities: { id: string; code: string; title: LocalizedText }[];
  byType: RoundGroupRow[];
  byRegion: RoundGroupRow[];
  /** Frozen at closing: the plan's validated figures as they stood (null while open). */
  frozen: RoundFrozenFigures | null;
}

export interface RoundFrozenFigures {
  frozenAt: string;
  planProgress: number;
  activities: { code: string; status: string; progress: number; asOf: string | null }[];
}

export interface RoundAdministrationRow {
  institution: InstitutionRef;
  regionCode: string | null;
  tally: RoundTally;
  /** The last time it handed something in for this round. */
  lastActivityAt: string | null;
}

export interface RoundChecklistItem {
  kind: ObligationKind;
  /** For a report: the activity and the administration's part in it. */
  activity: { id: string; code: string; title: LocalizedText; involvement: 'lead' | 'contributor' } | null;
  status: ObligationStatus;
  /** The newest report handed in for it in this round. */
  reportId: string | null;
  reportVersion: number | null;
  /** When it was first handed in (a corrected report keeps its first date). */
  handedInAt: string | null;
  onTime: boolean | null;
  returnComment: string | null;
  /** Who confirmed, for a confirmation. */
  by: string | null;
}

/** GET /api/v1/reporting-rounds/:id/administrations/:code: what one administration owes and where it stands. */
export interface RoundChecklist {
  round: ReportingRoundView;
  institution: InstitutionRef;
  tally: RoundTally;
  items: RoundChecklistItem[];
}

export interface RoundAdministrationQuery {
  /** `missing`: still owes something; `late`: anything late; `returned`: has a returned report. */
  filter?: 'missing' | 'late' | 'returned' | 'complete';
  type?: InstitutionType;
  region?: string;
  page?: number;
  pageSize?: number;
}

export interface CreateRoundRequest {
  /** The plan; default: the only (first) plan. */
  planCode?: string;
  name: PartialLocalizedText;
  opensOn: IsoDate;
  closesOn: IsoDate;
  /** Activities in scope; default: every activity not completed or cancelled. */
  activityIds?: string[];
}

export interface UpdateRoundRequest {
  version: number;
  name?: PartialLocalizedText;
  opensOn?: IsoDate;
  closesOn?: IsoDate;
}

export interface CloseRoundRequest {
  version: number;
}

export interface ConfirmRequest {
  kind: ConfirmationKind;
}
