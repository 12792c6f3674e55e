import type { AutomatedMetric, CriterionKind, EditionPhase } from '@marsad/contracts';

// Literal translation keys, written out so the key check finds them.

export const PHASE_KEYS: Record<EditionPhase, string> = {
  upcoming: 'award.phase.upcoming',
  open: 'award.phase.open',
  closed: 'award.phase.closed',
  scoring: 'award.phase.scoring',
  scored: 'award.phase.scored',
  published: 'award.phase.published',
};

export const KIND_KEYS: Record<CriterionKind, string> = {
  automated: 'award.criteria.automated',
  jury: 'award.criteria.jury',
};

/** What each automated metric measures, and how it becomes a 0–10 value. */
export const METRIC_KEYS: Record<AutomatedMetric, { name: string; explain: string }> = {
  publication_score: {
    name: 'award.metrics.publication_score.name',
    explain: 'award.metrics.publication_score.explain',
  },
  freshness: { name: 'award.metrics.freshness.name', explain: 'award.metrics.freshness.explain' },
  inventory_coverage: {
    name: 'award.metrics.inventory_coverage.name',
    explain: 'award.metrics.inventory_coverage.explain',
  },
  reuses: { name: 'award.metrics.reuses.name', explain: 'award.metrics.reuses.explain' },
  officer_coverage: { name: 'award.metrics.officer_coverage.name', explain: 'award.metrics.officer_coverage.explain' },
  reporting_punctuality: {
    name: 'award.metrics.reporting_punctuality.name',
    explain: 'award.metrics.reporting_punctuality.explain',
  },
};

/** The timeline's steps, in order, with the summary's field and whether it is an instant (with a time). */
export const TIMELINE_STEPS = [
  { field: 'callOpensOn', key: 'award.dates.callOpensOn', instant: false, phase: 'open' },
  { field: 'applicationsCloseAt', key: 'award.dates.applicationsCloseAt', instant: true, phase: 'closed' },
  { field: 'scoringOpensOn', key: 'award.dates.scoringOpensOn', instant: false, phase: 'scoring' },
  { field: 'scoringClosesAt', key: 'award.dates.scoringClosesAt', instant: true, phase: 'scored' },
  { field: 'resultsOn', key: 'award.dates.resultsOn', instant: false, phase: 'published' },
] as const;
