import type { Role } from './auth';
import type { InstitutionRef, InstitutionType } from './institution';
import type { PartialLocalizedText } from './locale';
import type { IsoDate } from './plan';

/**
 * The open-data category of the national e-government award «امتياز» (Imtiaz), measure 10:
 * editions with criteria known in advance, applications locked at the deadline, a jury that never
 * scores its own or its supervising administration, and a ranking anyone can recompute.
 */

/** Criteria computed from Marsad's own data, frozen at the application deadline. */
export const AUTOMATED_METRICS = [
  /** The publication score (0–100) of the last harvest. */
  'publication_score',
  /** Share of datasets fresh or due (0–100). */
  'freshness',
  /** Share of the open inventory published on the portal (0–100). */
  'inventory_coverage',
  /** Published reuses of the administration's data (a count; 10 or more give full marks). */
  'reuses',
  /** An open-data officer and a data manager in office: 0, 50 or 100. */
  'officer_coverage',
  /** Share of the reports the administration owed in closed rounds that it sent on time (0–100). */
  'reporting_punctuality',
] as const;
export type AutomatedMetric = (typeof AUTOMATED_METRICS)[number];

export const CRITERION_KINDS = ['automated', 'jury'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Where an edition stands, from its timeline (Morocco's time). */
export const EDITION_PHASES = ['upcoming', 'open', 'closed', 'scoring', 'scored', 'published'] as const;
export type EditionPhase = (typeof EDITION_PHASES)[number];

export const AWARD_LIMITS = {
  criteria: 12,
  title: 200,
  description: 2000,
  narrative: 8000,
  links: 20,
  claimedReuses: 30,
  /** Evidence files per application (each as a progress report's evidence: ≤ 10 MB, type checked from its bytes). */
  files: 10,
  comment: 2000,
  /** A juror's score per jury criterion. */
  maxScore: 10,
  /** Jurors from which the highest and lowest scores of a criterion are dropped. */
  trimFrom: 5,
} as const;

export interface AwardCriterion {
  id: string;
  kind: CriterionKind;
  /** For automated criteria, what is measured. */
  metric: AutomatedMetric | null;
  title: PartialLocalizedText;
  description: PartialLocalizedText;
  /** Weights of an edition's criteria sum to 100. */
  weight: number;
  position: number;
}

export interface AwardEditionSummary {
  id: string;
  year: number;
  title: PartialLocalizedText;
  phase: EditionPhase;
  callOpensOn: IsoDate;
  /** The application deadline (an instant): applications lock and automated values freeze. */
  applicationsCloseAt: string;
  scoringOpensOn: IsoDate;
  scoringClosesAt: string;
  /** When results are planned; the publication's own time once published. */
  resultsOn: IsoDate;
  eligibleTypes: InstitutionType[];
  applications: number;
  /** The current publication's hash, once results are out. */
  resultsHash: string | null;
  isDemo: boolean;
}

export interface AwardEditionDetail extends AwardEditionSummary {
  criteria: AwardCriterion[];
  /** When the automated values were frozen (the deadline, or just after it). */
  frozenAt: string | null;
  /** Coordinators only: the jurors (names of accounts) and their declared conflicts. */
  jurors: AwardJurorView[] | null;
  version: number;
}

export interface AwardJurorView {
  userId: string;
  displayName: string;
  institution: InstitutionRef | null;
  /** Administrations the juror declared a conflict of interest with. */
  conflicts: InstitutionRef[];
}

export interface SaveCriterionRequest {
  kind: CriterionKind;
  metric?: AutomatedMetric | null;
  title: PartialLocalizedText;
  description?: PartialLocalizedText;
  weight: number;
}

export interface SaveEditionRequest {
  year: number;
  title: PartialLocalizedText;
  callOpensOn: IsoDate;
  applicationsCloseAt: string;
  scoringOpensOn: IsoDate;
  scoringClosesAt: string;
  resultsOn: IsoDate;
  eligibleTypes: InstitutionType[];
  /** The whole list; weights sum to 100. Criteria cannot change once the call is open. */
  criteria: SaveCriterionRequest[];
}

export interface UpdateEditionRequest extends Partial<SaveEditionRequest> {
  version: number;
}

/**
 * GET /api/v1/award/juror-candidates?q= (coordinators): an active account that may sit on a jury,
 * its e-mail masked (law 09-08): `r***@mef.gov.ma`.
 */
export interface JurorCandidate {
  userId: string;
  displayName: string;
  institution: InstitutionRef | null;
  role: Role;
  maskedEmail: string;
}

/** PUT /api/v1/award/editions/:id/jurors: the whole list. */
export interface SetJurorsRequest {
  jurors: { userId: string; conflictCodes?: string[] }[];
}

export interface AwardLink {
  title: string;
  url: string;
}

/** An application: the administration's ROD writes it; it locks at the deadline. */
export interface AwardApplicationView {
  id: string;
  editionId: string;
  institution: InstitutionRef;
  narrative: PartialLocalizedText;
  links: AwardLink[];
  /** Published reuses the administration claims as its data's. */
  claimedReuseIds: string[];
  /** Evidence files, oldest first; downloaded at `/api/v1/award/files/:id` by whoever may read the application. */
  files: AwardFileView[];
  /** Sent as complete (the tie-break's second rule); null while a draft. */
  submittedAt: string | null;
  /** The automated criteria's values as frozen at the deadline (null before). */
  automated: { criterionId: string; raw: number | null; value: number }[] | null;
  locked: boolean;
  version: number;
}

/** An evidence file attached to an application (kept with its SHA-256, as every upload). */
export interface AwardFileView {
  id: string;
  title: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

export interface SaveApplicationRequest {
  narrative: PartialLocalizedText;
  links?: AwardLink[];
  claimedReuseIds?: string[];
  /** Send as complete; a complete application may still be edited until the deadline. */
  submit?: boolean;
}

export interface UpdateApplicationRequest extends Partial<SaveApplicationRequest> {
  version: number;
}

/** A juror's scores of one application (jury criteria only). */
export interface JurorScoresView {
  applicationId: string;
  scores: { criterionId: string; score: number | null; comment: string | null }[];
}

export interface SetScoresRequest {
  scores: { criterionId: string; score: number; comment?: string | null }[];
}

/** One line of the ranking: each criterion's value (0–10) and the weighted total (0–100). */
export interface AwardResultRow {
  rank: number;
  institution: InstitutionRef;
  total: number;
  automatedSubtotal: number;
  criteria: {
    criterionId: string;
    /** Automated: the frozen value; jury: the mean (or trimmed mean) of the jurors' scores. */
    value: number;
    /** How many jurors scored it (jury criteria). */
    jurors: number | null;
    trimmed: boolean;
  }[];
  submittedAt: string;
  /** Equal total and automated sub-total: the earlier complete application ranks first. */
  tieBrokenBy: 'automated' | 'submittedAt' | null;
}

/** GET /api/v1/award/editions/:id/results (public once published). */
export interface AwardResults {
  edition: AwardEditionSummary;
  criteria: AwardCriterion[];
  rows: AwardResultRow[];
  publishedAt: string;
  /** SHA-256 of the canonical JSON of the rows: anyone can recompute it. */
  hash: string;
  /** The publication number: a correction is a new, audited publication. */
  publication: number;
  correctionReason: string | null;
}

export interface PublishResultsRequest {
  /** Required for a correction (a second publication). */
  reason?: string | null;
}

// ---------------------------------------------------------------- the method, shared by the API and the page

/** An automated metric's measure on the jury's 0–10 scale: shares and scores ÷ 10, reuses counted up to 10. */
export function automatedValue(metric: AutomatedMetric, raw: number | null): number {
  if (raw === null || !Number.isFinite(raw)) return 0;
  const value = metric === 'reuses' ? Math.min(raw, 10) : raw / 10;
  return round2(Math.max(0, Math.min(10, value)));
}

/**
 * A jury criterion's value: the mean of the jurors' scores, or, from AWARD_LIMITS.trimFrom jurors, the
 * mean without the highest and the lowest score. No score: 0.
 */
export function juryValue(scores: readonly number[]): { value: number; trimmed: boolean } {
  if (scores.length === 0) return { value: 0, trimmed: false };
  const trimmed = scores.length >= AWARD_LIMITS.trimFrom;
  const kept = trimmed ? [...scores].sort((a, b) => a - b).slice(1, -1) : scores;
  return { value: round2(kept.reduce((a, b) => a + b, 0) / kept.length), trimmed };
}

export interface RankingInput {
  criteria: Pick<AwardCriterion, 'id' | 'kind' | 'weight'>[];
  applications: {
    institution: InstitutionRef;
    /** When it was sent as complete (ISO instant). */
    submittedAt: string;
    /** Automated criteria's frozen values (0–10), by criterion id. */
    automated: Record<string, number>;
    /** Jury criteria's scores (0–10) by criterion id, one per juror. */
    jury: Record<string, number[]>;
  }[];
}

/**
 * The ranking: each criterion's value (0–10) counts for its weight, so the total is out of 100. Ties
 * are broken by the higher automated sub-total, then by the earlier complete application. Values are
 * rounded to two decimals before they are added and compared, so anyone recomputing from the
 * published values finds the same ranking.
 */
export function rankApplications(input: RankingInput): AwardResultRow[] {
  const rows = input.applications.map((application) => {
    const criteria = input.criteria.map((criterion) => {
      if (criterion.kind === 'automated')
        return {
          criterionId: criterion.id,
          value: round2(application.automated[criterion.id] ?? 0),
          jurors: null,
          trimmed: false,
        };
      const scores = application.jury[criterion.id] ?? [];
      const { value, trimmed } = juryValue(scores);
      return { criterionId: criterion.id, value, jurors: scores.length, trimmed };
    });
    const points = (kind: CriterionKind | null) =>
      round2(
        input.criteria.reduce((sum, criterion, i) => {
          if (kind && criterion.kind !== kind) return sum;
          return sum + (criterion.weight * criteria[i].value) / 10;
        }, 0),
      );
    return {
      rank: 0,
      institution: application.institution,
      total: points(null),
      automatedSubtotal: points('automated'),
      criteria,
      submittedAt: application.submittedAt,
      tieBrokenBy: null as AwardResultRow['tieBrokenBy'],
    };
  });
  rows.sort(
    (a, b) =>
      b.total - a.total ||
      b.automatedSubtotal - a.automatedSubtotal ||
      a.submittedAt.localeCompare(b.submittedAt) ||
      a.institution.code.localeCompare(b.institution.code),
  );
  rows.forEach((row, i) => {
    row.rank = i + 1;
    const before = rows[i - 1];
    if (before && before.total === row.total) {
      const rule = before.automatedSubtotal !== row.automatedSubtotal ? 'automated' : 'submittedAt';
      row.tieBrokenBy = rule;
      before.tieBrokenBy ??= rule;
    }
  });
  return rows;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** GET /api/v1/institutions/:code/award: the administration's places among the published results (public). */
export interface AwardHonour {
  editionId: string;
  year: number;
  title: PartialLocalizedText;
  rank: number;
  of: number;
  total: number;
}
