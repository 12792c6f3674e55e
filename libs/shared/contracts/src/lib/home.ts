import type { InstitutionRef } from './institution';
import type { LocalizedText } from './locale';
import type { OfficerRole } from './officers';
import type { InventoryStatus } from './inventory';
import type { HarvestRunView } from './portal';
import type {
  ActivityStatus,
  ActivitySummary,
  IsoDate,
  PlanBlockers,
  PlanSummary,
  ProgressUpdateState,
  Provenance,
} from './plan';
import type { CoverageCounts } from './officers';
import type { ReportingRoundView, RoundAdministrationRow, RoundChecklist } from './rounds';
import type { ActionItemView, MeetingSummary } from './committee';

/** The committee's follow-up as a home shows it: how many items are open, and the overdue ones (most overdue first). */
export interface ActionItemsDigest {
  open: number;
  overdue: ActionItemView[];
}

/** Where each signed-in role lands: its own home (the public overview stays one click away). */
export type HomeKind = 'administration' | 'workbench' | 'committee';

/**
 * An activity as its administration sees it: the official (validated) figures, and its own report in
 * progress. The contributors are counted, not listed (the activity page lists them).
 */
export interface HomeActivity extends Omit<ActivitySummary, 'contributors'> {
  contributorCount: number;
  involvement: 'lead' | 'contributor';
  /** Days past the due date while not completed; 0 when on time or done. */
  daysLate: number;
  /** The administration's newest report not yet validated (self-reported figures), if any. */
  ownReport: {
    id: string;
    state: Exclude<ProgressUpdateState, 'validated'>;
    status: ActivityStatus;
    progress: number;
    submittedAt: string | null;
    returnComment: string | null;
    version: number;
    provenance: Provenance;
  } | null;
}

/** GET /api/v1/home/administration/:code: "my administration". */
export interface AdministrationHome {
  institution: InstitutionRef;
  asOf: string;
  activities: HomeActivity[];
  /** The open round's checklist, when the administration owes something in it. */
  round: RoundChecklist | null;
  officers: { rod: boolean; gdd: boolean; vacancies: OfficerRole[] };
  inventory: { items: number; byStatus: Record<InventoryStatus, number>; updatedAt: string | null };
  publication: {
    score: number | null;
    nationalMedian: number | null;
    typeMedian: number | null;
    asOf: IsoDate | null;
    provenance: Provenance;
  };
  /** The committee's action items owned by the administration: open ones (overdue first), then those closed in the last 60 days. */
  actionItems: ActionItemView[];
}

export interface LateActivity {
  id: string;
  code: string;
  title: LocalizedText;
  leadInstitution: InstitutionRef | null;
  dueDate: IsoDate | null;
  daysLate: number;
  status: ActivityStatus;
  progress: number;
  provenance: Provenance;
}

export interface MissedMilestone {
  id: string;
  activityId: string;
  activityCode: string;
  title: LocalizedText;
  dueDate: IsoDate;
  daysLate: number;
}

/** GET /api/v1/home/workbench: ADD's coordinators. */
export interface Workbench {
  asOf: string;
  queue: { total: number; oldestSubmittedAt: string | null };
  round: ReportingRoundView | null;
  /** The open round's administrations that still owe something, the least complete first (10). */
  notReported: { total: number; items: RoundAdministrationRow[] };
  late: LateActivity[];
  missedMilestones: MissedMilestone[];
  vacancies: { total: number; items: { institution: InstitutionRef; missing: OfficerRole[] }[] };
  portal: { lastGoodRun: HarvestRunView | null; organizations: number; unmappedOrganizations: number };
  actionItems: ActionItemsDigest;
  /** The next planned meeting of the committee (ADD prepares it). */
  nextMeeting: MeetingSummary | null;
}

/** GET /api/v1/home/committee: the steering committee (validated figures only). */
export interface CommitteeHome {
  asOf: string;
  plan: PlanSummary;
  late: LateActivity[];
  blockers: PlanBlockers;
  coverage: CoverageCounts & { asOf: string };
  publication: { score: number | null; datasets: number | null; asOf: IsoDate | null; provenance: Provenance };
  round: ReportingRoundView | null;
  actionItems: ActionItemsDigest;
  nextMeeting: MeetingSummary | null;
  /** The newest meeting held. */
  lastMeeting: MeetingSummary | null;
}
