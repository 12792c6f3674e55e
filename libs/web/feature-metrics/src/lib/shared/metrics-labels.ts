import type {
  CompletenessCriterion,
  Frequency,
  FreshnessStatus,
  InstitutionType,
  ScoreComponent,
} from '@marsad/contracts';

// Literal keys, so the translation check finds every one.
export const COMPONENT_KEYS: Record<ScoreComponent, string> = {
  openness: 'metrics.components.openness',
  metadata: 'metrics.components.metadata',
  freshness: 'metrics.components.freshness',
  inventory: 'metrics.components.inventory',
};

/** What each component measures, in one line (beside the breakdown). */
export const COMPONENT_HINT_KEYS: Record<ScoreComponent, string> = {
  openness: 'metrics.componentHints.openness',
  metadata: 'metrics.componentHints.metadata',
  freshness: 'metrics.componentHints.freshness',
  inventory: 'metrics.componentHints.inventory',
};

export const FRESHNESS_KEYS: Record<FreshnessStatus, string> = {
  fresh: 'metrics.freshness.fresh',
  due: 'metrics.freshness.due',
  overdue: 'metrics.freshness.overdue',
  delinquent: 'metrics.freshness.delinquent',
  not_applicable: 'metrics.freshness.not_applicable',
  unknown: 'metrics.freshness.unknown',
};

export const CRITERION_KEYS: Record<CompletenessCriterion, string> = {
  description: 'metrics.criteria.description',
  tags: 'metrics.criteria.tags',
  theme: 'metrics.criteria.theme',
  licence: 'metrics.criteria.licence',
  frequency: 'metrics.criteria.frequency',
  temporal: 'metrics.criteria.temporal',
  spatial: 'metrics.criteria.spatial',
  contact: 'metrics.criteria.contact',
  dates: 'metrics.criteria.dates',
};

export const FREQUENCY_KEYS: Record<Frequency, string> = {
  daily: 'metrics.frequencies.daily',
  weekly: 'metrics.frequencies.weekly',
  fortnightly: 'metrics.frequencies.fortnightly',
  monthly: 'metrics.frequencies.monthly',
  bimonthly: 'metrics.frequencies.bimonthly',
  quarterly: 'metrics.frequencies.quarterly',
  semiannual: 'metrics.frequencies.semiannual',
  annual: 'metrics.frequencies.annual',
  biennial: 'metrics.frequencies.biennial',
  irregular: 'metrics.frequencies.irregular',
  continuous: 'metrics.frequencies.continuous',
  never: 'metrics.frequencies.never',
};

// The registry's own labels (shared namespaces of the translation files).
export { INSTITUTION_TYPE_KEYS as TYPE_KEYS } from '@marsad/web/ui';

export const TYPE_PLURAL_KEYS: Record<InstitutionType, string> = {
  ministry: 'institutionTypesPlural.ministry',
  public_institution: 'institutionTypesPlural.public_institution',
  public_enterprise: 'institutionTypesPlural.public_enterprise',
  independent_authority: 'institutionTypesPlural.independent_authority',
  region: 'institutionTypesPlural.region',
  province: 'institutionTypesPlural.province',
  commune: 'institutionTypesPlural.commune',
  other: 'institutionTypesPlural.other',
};

/** Freshness colours: green to red, grey where it does not apply. */
export const FRESHNESS_COLORS: Record<FreshnessStatus, string> = {
  fresh: '#1b6b3a',
  due: '#7a8f00',
  overdue: '#b26a00',
  delinquent: '#a11d1d',
  not_applicable: '#6b7580',
  unknown: '#9aa3ad',
};

export const COLORS = {
  score: '#0b4f2a',
  datasets: '#1f63c6',
  upToDate: '#b26a00',
  stars: '#6a3fb5',
  completeness: '#1b6b3a',
  format: '#1f63c6',
};
