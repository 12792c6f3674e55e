import type { InstitutionRef } from './institution';
import type { LocalizedText, PartialLocalizedText } from './locale';
import type { BlockerCategory, Health, IsoDate, Provenance } from './plan';
import type { LateActivity, MissedMilestone } from './home';

/**
 * The national steering committee («لجنة القيادة»): its member institutions over time, their
 * representatives, its meetings (agenda, attendance, minutes, documents), the decisions it takes
 * and the action items those decisions give to administrations.
 *
 * Dates of membership: a member (or a representative) sits from `joinedOn` (`fromOn`) included
 * until `leftOn` (`toOn`) excluded: on the day it left, it is no longer listed.
 */

export const COMMITTEE_POSITIONS = ['chair', 'secretary', 'member'] as const;
export type CommitteePosition = (typeof COMMITTEE_POSITIONS)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MINUTES_STATES = ['draft', 'approved'] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** An action item's life: open → in progress → done (with closing evidence), or dropped by ADD. */
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
/** Statuses of an item still to be done: these roll forward to the next meeting's agenda. */
export const OPEN_ACTION_ITEM_STATUSES: readonly ActionItemStatus[] = ['open', 'in_progress'];

export const COMMITTEE_TEXT_MAX_LENGTH = 2000;
export const MINUTES_MAX_LENGTH = 50_000;
export const MEETING_PLACE_MAX_LENGTH = 300;

export interface CommitteeRepresentativeView {
  id: string;
  memberId: string;
  institution: InstitutionRef;
  fullName: string;
  /** Their title in their own institution, e.g. "Directeur du digital". */
  title: string | null;
  position: CommitteePosition;
  /** An alternate sits when the titular representative cannot. */
  alternate: boolean;
  fromOn: IsoDate;
  toOn: IsoDate | null;
  /** Contacts (law 09-08): only for ADD's coordinators and the committee itself; null for others. */
  email: string | null;
  phone: string | null;
  /** True when the representative signs in with an account (and may confirm their own attendance). */
  hasAccount: boolean;
  version: number;
}

export interface CommitteeMemberView {
  id: string;
  institution: InstitutionRef;
  joinedOn: IsoDate;
  leftOn: IsoDate | null;
  /** A founding member (2019) or a later extension (measure 13). */
  founding: boolean;
  /** Representatives, current and past (names and contacts only for those allowed to see them). */
  representatives: CommitteeRepresentativeView[];
  version: number;
}

/** GET /api/v1/committee: the committee, its members over time. */
export interface CommitteeView {
  name: LocalizedText;
  mission: LocalizedText;
  createdOn: string;
  members: CommitteeMemberView[];
  /** Members sitting today. */
  currentMemberCount: number;
  /** True when the caller may see representatives' names and contacts. */
  personal: boolean;
}

/** POST /api/v1/committee/members: an institution joins (measure 13 extends the committee). */
export interface AddCommitteeMemberRequest {
  institutionCode: string;
  joinedOn: IsoDate;
}

/** PATCH /api/v1/committee/members/:id: record that a member left (or correct its dates). */
export interface UpdateCommitteeMemberRequest {
  version: number;
  joinedOn?: IsoDate;
  leftOn?: IsoDate | null;
}

/** POST /api/v1/committee/members/:id/representatives. */
export interface AddRepresentativeRequest {
  fullName: string;
  title?: string | null;
  position: CommitteePosition;
  alternate?: boolean;
  fromOn: IsoDate;
  toOn?: IsoDate | null;
  email?: string | null;
  phone?: string | null;
  /** Link an existing account (same email) so the person may confirm their attendance. */
  linkAccount?: boolean;
}

/** PATCH /api/v1/committee/representatives/:id. */
export interface UpdateRepresentativeRequest extends Partial<AddRepresentativeRequest> {
  version: number;
}

export interface AgendaItemView {
  id: string;
  position: number;
  title: PartialLocalizedText;
  /** Measures and activities the item is about. */
  measureNumbers: number[];
  activityCodes: string[];
  /** The action item this agenda item follows up (rolled forward from an earlier meeting). */
  actionItem: ActionItemView | null;
}

/** An agenda item as sent to create or replace a meeting's agenda (in order). */
export interface AgendaItemInput {
  title?: PartialLocalizedText;
  measureNumbers?: number[];
  activityCodes?: string[];
  actionItemId?: string | null;
}

export interface AttendanceView {
  representative: CommitteeRepresentativeView;
  /** Null until someone records it. */
  status: AttendanceStatus | null;
  /** When the representative confirmed it themselves (before or after the meeting). */
  confirmedBySelfAt: string | null;
  recordedBy: string | null;
}

export interface InvitedExpert {
  name: string;
  organisation: string;
  /** What they bring (a subject, an experience). */
  topic?: string | null;
}

export interface CommitteeDocumentView {
  id: string;
  kind: 'link' | 'file';
  /** `minutes_signed` is the approved, signed minutes (PDF). */
  role: 'document' | 'minutes_signed';
  title: string;
  url: string;
  contentType: string | null;
  sizeBytes: number | null;
  createdAt: string;
}

export interface MeetingSummary {
  id: string;
  number: number;
  /** Date and time, ISO (Africa/Casablanca local time shown by the UI). */
  startsAt: string;
  place: string | null;
  onlineUrl: string | null;
  status: MeetingStatus;
  minutesState: MinutesState;
  agendaCount: number;
  decisionCount: number;
  /** Present / expected representatives (titulars and alternates who sat). */
  presentCount: number;
  expectedCount: number;
  version: number;
}

/** GET /api/v1/committee/meetings/:id. */
export interface MeetingDetail extends MeetingSummary {
  agenda: AgendaItemView[];
  /** One row per representative sitting on the meeting's date (members that had left are not listed). */
  attendance: AttendanceView[];
  experts: InvitedExpert[];
  minutes: PartialLocalizedText;
  minutesApprovedAt: string | null;
  minutesApprovedBy: string | null;
  documents: CommitteeDocumentView[];
  decisions: DecisionView[];
  /** The meeting held before this one (for "what changed since"), if any. */
  previousMeeting: { id: string; number: number; startsAt: string } | null;
}

/** POST /api/v1/committee/meetings. Without `agenda`, the proposed agenda (open action items included). */
export interface CreateMeetingRequest {
  startsAt: string;
  place?: string | null;
  onlineUrl?: string | null;
  agenda?: AgendaItemInput[];
  experts?: InvitedExpert[];
}

/** PATCH /api/v1/committee/meetings/:id. `agenda`, when given, replaces the whole agenda. */
export interface UpdateMeetingRequest {
  version: number;
  startsAt?: string;
  place?: string | null;
  onlineUrl?: string | null;
  status?: MeetingStatus;
  agenda?: AgendaItemInput[];
  experts?: InvitedExpert[];
  minutes?: PartialLocalizedText;
}

/** PUT /api/v1/committee/meetings/:id/attendance (coordinators). */
export interface RecordAttendanceRequest {
  version: number;
  entries: { representativeId: string; status: AttendanceStatus | null }[];
}

/** POST /api/v1/committee/meetings/:id/attendance/me (a representative, for themselves). */
export interface ConfirmOwnAttendanceRequest {
  status: AttendanceStatus;
}

/** POST /api/v1/committee/meetings/:id/minutes/approve. */
export interface ApproveMinutesRequest {
  version: number;
}

export interface DecisionView {
  id: string;
  meetingId: string;
  meetingNumber: number;
  /** Its number within the meeting (1, 2, …). */
  number: number;
  text: PartialLocalizedText;
  decidedOn: IsoDate;
  measureNumbers: number[];
  activityCodes: string[];
  actionItems: ActionItemView[];
}

export interface ActionItemInput {
  text: PartialLocalizedText;
  ownerCode: string;
  /** The person in charge at the owner (name or position); optional. */
  ownerPerson?: string | null;
  dueOn: IsoDate;
}

/** POST /api/v1/committee/meetings/:id/decisions: a decision and the action items it creates, at once. */
export interface CreateDecisionRequest {
  text: PartialLocalizedText;
  decidedOn?: IsoDate;
  measureNumbers?: number[];
  activityCodes?: string[];
  actionItems?: ActionItemInput[];
}

export interface ActionItemNoteView {
  id: string;
  body: string;
  authorName: string;
  authorInstitution: InstitutionRef | null;
  /** The status the item moved to with this note, if it changed. */
  status: ActionItemStatus | null;
  createdAt: string;
}

export interface ActionItemView {
  id: string;
  /** A short reference, e.g. "R2-D1-A1" (meeting 2, decision 1, item 1). */
  reference: string;
  text: PartialLocalizedText;
  owner: InstitutionRef;
  ownerPerson: string | null;
  dueOn: IsoDate;
  status: ActionItemStatus;
  /** Still to do (open or in progress) and its due date has passed: late by `daysOverdue` days. */
  overdue: boolean;
  daysOverdue: number;
  decision: { id: string; number: number; meetingId: string; meetingNumber: number; text: PartialLocalizedText };
  closingEvidence: string | null;
  closedAt: string | null;
  notes: ActionItemNoteView[];
  updatedAt: string;
  version: number;
}

/** GET /api/v1/committee/action-items. */
export interface ActionItemQuery {
  /** `open` means open or in progress. */
  status?: ActionItemStatus | 'open';
  owner?: string;
  overdue?: boolean;
}

/**
 * PATCH /api/v1/committee/action-items/:id. The owner's officers add progress notes and move the
 * item to in progress or done (with closing evidence); ADD's coordinators may also drop it or move
 * its due date.
 */
export interface UpdateActionItemRequest {
  version: number;
  status?: ActionItemStatus;
  note?: string;
  closingEvidence?: string | null;
  dueOn?: IsoDate;
}

/** GET /api/v1/committee/agenda-proposal: what the next meeting's agenda starts from. */
export interface AgendaProposal {
  items: AgendaItemInput[];
  /** The open action items included (each also an agenda item). */
  openActionItems: ActionItemView[];
}

/** Formats of the meeting pack. */
export const PACK_FORMATS = ['html', 'pdf', 'xlsx', 'json'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

/** One measure in the pack: now and at the previous meeting. */
export interface PackMeasure {
  number: number;
  title: LocalizedText;
  progress: number | null;
  previousProgress: number | null;
  /** Progress points gained since the previous meeting (null when either side is unknown). */
  change: number | null;
  health: Health | null;
  daysLate: number;
}

/**
 * GET /api/v1/committee/meetings/:id/pack?format=json: the figures the meeting pack prints. "Now" is
 * the day the pack is produced (or the meeting's day, for a meeting already past: then the plan's
 * snapshot of that day); "previous" is the day of the meeting held before this one (from the snapshots).
 */
export interface MeetingPack {
  meeting: MeetingSummary & { agenda: AgendaItemView[] };
  producedAt: string;
  asOf: IsoDate;
  /** Where the "now" figures come from: the live validated figures, or the daily snapshot of `asOf`. */
  figuresFrom: 'live' | 'snapshot';
  previous: { number: number; startsAt: string; day: IsoDate; snapshotDay: IsoDate | null } | null;
  plan: {
    progress: number | null;
    previousProgress: number | null;
    change: number | null;
    health: Health | null;
    late: number;
    atRisk: number;
    provenance: Provenance;
  };
  measures: PackMeasure[];
  late: LateActivity[];
  atRisk: {
    code: string;
    title: LocalizedText;
    leadInstitution: InstitutionRef | null;
    dueDate: IsoDate | null;
    progress: number;
  }[];
  missedMilestones: MissedMilestone[];
  blockers: { category: BlockerCategory; activities: number }[];
  actionItems: { open: ActionItemView[]; overdue: number; doneSincePrevious: number };
  coverage: {
    total: number;
    withRod: number;
    withGdd: number;
    withBoth: number;
    previousWithRod: number | null;
    previousWithGdd: number | null;
  };
  publication: {
    score: number | null;
    previousScore: number | null;
    change: number | null;
    datasets: number | null;
    asOf: IsoDate | null;
    provenance: Provenance;
  };
}
