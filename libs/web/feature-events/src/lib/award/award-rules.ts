import {
  AWARD_LIMITS,
  type AutomatedMetric,
  type AwardApplicationView,
  type AwardCriterion,
  type AwardEditionDetail,
  type AwardLink,
  type CriterionKind,
  type FieldError,
  type InstitutionType,
  type JurorScoresView,
  type PartialLocalizedText,
  type SaveApplicationRequest,
  type SaveEditionRequest,
  type SetScoresRequest,
} from '@marsad/contracts';
import { casablancaToIso, isoToCasablanca } from './award-time';

/** Arabic and French, trimmed; the empty ones left out. */
export function localized(ar: string, fr: string): PartialLocalizedText {
  const text: PartialLocalizedText = {};
  if (ar.trim()) text.ar = ar.trim();
  if (fr.trim()) text.fr = fr.trim();
  return text;
}

// ---------------------------------------------------------------- the edition form

export interface CriterionFormValue {
  kind: CriterionKind;
  metric: AutomatedMetric | '';
  titleAr: string;
  titleFr: string;
  weight: number | null;
}

export interface EditionFormValue {
  year: number | null;
  titleAr: string;
  titleFr: string;
  callOpensOn: string;
  /** `datetime-local`, Moroccan time. */
  applicationsCloseAt: string;
  scoringOpensOn: string;
  scoringClosesAt: string;
  resultsOn: string;
  eligibleTypes: InstitutionType[];
  criteria: CriterionFormValue[];
}

export function emptyCriterion(kind: CriterionKind = 'jury'): CriterionFormValue {
  return { kind, metric: '', titleAr: '', titleFr: '', weight: null };
}

export function emptyEditionForm(now = new Date()): EditionFormValue {
  return {
    year: now.getFullYear(),
    titleAr: '',
    titleFr: '',
    callOpensOn: '',
    applicationsCloseAt: '',
    scoringOpensOn: '',
    scoringClosesAt: '',
    resultsOn: '',
    eligibleTypes: [],
    criteria: [],
  };
}

export function formFromEdition(e: AwardEditionDetail): EditionFormValue {
  return {
    year: e.year,
    titleAr: e.title.ar ?? '',
    titleFr: e.title.fr ?? '',
    callOpensOn: e.callOpensOn,
    applicationsCloseAt: isoToCasablanca(e.applicationsCloseAt),
    scoringOpensOn: e.scoringOpensOn,
    scoringClosesAt: isoToCasablanca(e.scoringClosesAt),
    resultsOn: e.resultsOn,
    eligibleTypes: [...e.eligibleTypes],
    criteria: [...e.criteria]
      .sort((a, b) => a.position - b.position)
      .map((c) => ({
        kind: c.kind,
        metric: c.metric ?? '',
        titleAr: c.title.ar ?? '',
        titleFr: c.title.fr ?? '',
        weight: c.weight,
      })),
  };
}

/** The criteria's weights added up (blank weights count 0): must be 100 before saving. */
export function weightsSum(criteria: readonly Pick<CriterionFormValue, 'weight'>[]): number {
  const sum = criteria.reduce((total, c) => total + (Number(c.weight) || 0), 0);
  return Math.round(sum * 100) / 100;
}

/** What the form is missing before it may be sent, as literal translation keys (empty: ready). */
export function editionProblems(value: EditionFormValue): string[] {
  const problems: string[] = [];
  if (!value.titleAr.trim() && !value.titleFr.trim()) problems.push('award.form.titleRequired');
  if (!value.eligibleTypes.length) problems.push('award.form.typesRequired');
  if (!value.criteria.length) problems.push('award.form.criteriaRequired');
  else if (weightsSum(value.criteria) !== 100) problems.push('award.form.weightsNot100');
  if (value.criteria.some((c) => c.kind === 'automated' && !c.metric)) problems.push('award.form.metricRequired');
  if (value.criteria.some((c) => !c.titleAr.trim() && !c.titleFr.trim()))
    problems.push('award.form.criterionTitleRequired');
  const order = [
    value.callOpensOn,
    value.applicationsCloseAt.slice(0, 10),
    value.scoringOpensOn,
    value.scoringClosesAt.slice(0, 10),
    value.resultsOn,
  ];
  if (order.every(Boolean) && order.some((d, i) => i > 0 && d < order[i - 1])) problems.push('award.form.datesOrder');
  return problems;
}

/** The request, or null while something required is missing. */
export function editionRequest(value: EditionFormValue): SaveEditionRequest | null {
  const closeAt = casablancaToIso(value.applicationsCloseAt);
  const scoringClosesAt = casablancaToIso(value.scoringClosesAt);
  if (
    !value.year ||
    !closeAt ||
    !scoringClosesAt ||
    !value.callOpensOn ||
    !value.scoringOpensOn ||
    !value.resultsOn ||
    editionProblems(value).length
  )
    return null;
  return {
    year: Number(value.year),
    title: localized(value.titleAr, value.titleFr),
    callOpensOn: value.callOpensOn,
    applicationsCloseAt: closeAt,
    scoringOpensOn: value.scoringOpensOn,
    scoringClosesAt,
    resultsOn: value.resultsOn,
    eligibleTypes: [...value.eligibleTypes],
    criteria: value.criteria.map((c) => ({
      kind: c.kind,
      metric: c.kind === 'automated' ? (c.metric as AutomatedMetric) : null,
      title: localized(c.titleAr, c.titleFr),
      weight: Number(c.weight),
    })),
  };
}

/** The API's field paths onto the form's controls (`criteria.2.title.ar` → `criteria.2.titleAr`). */
export function editionFieldsToControls(fields: readonly FieldError[]): FieldError[] {
  return fields.map((f) => {
    if (f.field === 'title' || f.field === 'title.fr') return { ...f, field: 'titleFr' };
    if (f.field === 'title.ar') return { ...f, field: 'titleAr' };
    const title = /^criteria\.(\d+)\.title(?:\.(ar|fr))?$/.exec(f.field);
    if (title) return { ...f, field: `criteria.${title[1]}.${title[2] === 'ar' ? 'titleAr' : 'titleFr'}` };
    if (/^eligibleTypes\.\d+$/.test(f.field)) return { ...f, field: 'eligibleTypes' };
    return f;
  });
}

// ---------------------------------------------------------------- the application

export interface ApplicationFormValue {
  narrativeAr: string;
  narrativeFr: string;
  links: AwardLink[];
  claimedReuseIds: string[];
}

export function formFromApplication(a: AwardApplicationView | null): ApplicationFormValue {
  return {
    narrativeAr: a?.narrative.ar ?? '',
    narrativeFr: a?.narrative.fr ?? '',
    links: (a?.links ?? []).map((l) => ({ ...l })),
    claimedReuseIds: [...(a?.claimedReuseIds ?? [])],
  };
}

export function applicationRequest(value: ApplicationFormValue, submit: boolean): SaveApplicationRequest {
  const request: SaveApplicationRequest = {
    narrative: localized(value.narrativeAr, value.narrativeFr),
    links: value.links
      .map((l) => ({ title: l.title.trim(), url: l.url.trim() }))
      .filter((l) => l.title || l.url)
      .slice(0, AWARD_LIMITS.links),
    claimedReuseIds: value.claimedReuseIds.slice(0, AWARD_LIMITS.claimedReuses),
  };
  if (submit) request.submit = true;
  return request;
}

export function applicationFieldsToControls(fields: readonly FieldError[]): FieldError[] {
  return fields.map((f) => {
    if (f.field === 'narrative' || f.field === 'narrative.fr') return { ...f, field: 'narrativeFr' };
    if (f.field === 'narrative.ar') return { ...f, field: 'narrativeAr' };
    if (/^claimedReuseIds\.\d+$/.test(f.field)) return { ...f, field: 'claimedReuseIds' };
    return f;
  });
}

// ---------------------------------------------------------------- the jury

export interface ScoreDraft {
  criterionId: string;
  score: number | null;
  comment: string;
}

/** One draft line per jury criterion, in the edition's order, filled from what the juror gave. */
export function scoreDrafts(criteria: readonly AwardCriterion[], view: JurorScoresView | null): ScoreDraft[] {
  const given = new Map((view?.scores ?? []).map((s) => [s.criterionId, s]));
  return juryCriteria(criteria).map((c) => ({
    criterionId: c.id,
    score: given.get(c.id)?.score ?? null,
    comment: given.get(c.id)?.comment ?? '',
  }));
}

/** A score is a number from 0 to 10 in steps of 0.5. */
export function validScore(score: number | null): boolean {
  return (
    score !== null && Number.isFinite(score) && score >= 0 && score <= AWARD_LIMITS.maxScore && (score * 2) % 1 === 0
  );
}

/** The request when every criterion has a valid score; null otherwise. */
export function scoresRequest(drafts: readonly ScoreDraft[]): SetScoresRequest | null {
  if (!drafts.every((d) => validScore(d.score))) return null;
  return {
    scores: drafts.map((d) => ({
      criterionId: d.criterionId,
      score: Number(d.score),
      comment: d.comment.trim() ? d.comment.trim().slice(0, AWARD_LIMITS.comment) : null,
    })),
  };
}

/** Every jury criterion has a score. */
export function isScored(view: JurorScoresView | null | undefined, criteria: readonly AwardCriterion[]): boolean {
  const jury = juryCriteria(criteria);
  if (!view || !jury.length) return false;
  return jury.every((c) => view.scores.some((s) => s.criterionId === c.id && s.score !== null));
}

export function juryCriteria(criteria: readonly AwardCriterion[]): AwardCriterion[] {
  return [...criteria].filter((c) => c.kind === 'jury').sort((a, b) => a.position - b.position);
}

export function sortedCriteria(criteria: readonly AwardCriterion[]): AwardCriterion[] {
  return [...criteria].sort((a, b) => a.position - b.position);
}

/** The phases an edition goes through in which applications may be written. */
export function applicationsOpen(phase: string): boolean {
  return phase === 'open';
}
