import type {
  Classification,
  DataTheme,
  Frequency,
  FreshnessStatus,
  HarvestMode,
  HarvestStatus,
  HarvestTrigger,
  InventoryPriority,
  InventoryStatus,
  MatchState,
} from '@marsad/contracts';

// Every value written out, so the translation-key check can see each key.
export const INVENTORY_STATUS_KEYS: Record<InventoryStatus, string> = {
  identified: 'inventory.status.identified',
  in_preparation: 'inventory.status.in_preparation',
  published: 'inventory.status.published',
  withheld: 'inventory.status.withheld',
};
export const INVENTORY_STATUS_GLYPHS: Record<InventoryStatus, string> = {
  identified: '○',
  in_preparation: '◐',
  published: '✓',
  withheld: '✕',
};

export const CLASSIFICATION_KEYS: Record<Classification, string> = {
  open: 'inventory.classification.open',
  restricted: 'inventory.classification.restricted',
  not_disclosable: 'inventory.classification.not_disclosable',
};
export const CLASSIFICATION_GLYPHS: Record<Classification, string> = {
  open: '●',
  restricted: '◆',
  not_disclosable: '■',
};

export const PRIORITY_KEYS: Record<InventoryPriority, string> = {
  high: 'inventory.priority.high',
  medium: 'inventory.priority.medium',
  low: 'inventory.priority.low',
};

export const MATCH_STATE_KEYS: Record<MatchState, string> = {
  none: 'inventory.match.none',
  suggested: 'inventory.match.suggested',
  confirmed: 'inventory.match.confirmed',
};

export const MATCH_BASIS_KEYS: Record<'identifier' | 'url' | 'title' | 'manual', string> = {
  identifier: 'inventory.match.basis.identifier',
  url: 'inventory.match.basis.url',
  title: 'inventory.match.basis.title',
  manual: 'inventory.match.basis.manual',
};

export const FRESHNESS_KEYS: Record<FreshnessStatus, string> = {
  fresh: 'inventory.freshness.fresh',
  due: 'inventory.freshness.due',
  overdue: 'inventory.freshness.overdue',
  delinquent: 'inventory.freshness.delinquent',
  not_applicable: 'inventory.freshness.not_applicable',
  unknown: 'inventory.freshness.unknown',
};

export const THEME_KEYS: Record<DataTheme, string> = {
  AGRI: 'inventory.themes.AGRI',
  ECON: 'inventory.themes.ECON',
  EDUC: 'inventory.themes.EDUC',
  ENER: 'inventory.themes.ENER',
  ENVI: 'inventory.themes.ENVI',
  GOVE: 'inventory.themes.GOVE',
  HEAL: 'inventory.themes.HEAL',
  INTR: 'inventory.themes.INTR',
  JUST: 'inventory.themes.JUST',
  REGI: 'inventory.themes.REGI',
  SOCI: 'inventory.themes.SOCI',
  TECH: 'inventory.themes.TECH',
  TRAN: 'inventory.themes.TRAN',
};

export const FREQUENCY_KEYS: Record<Frequency, string> = {
  daily: 'inventory.frequency.daily',
  weekly: 'inventory.frequency.weekly',
  fortnightly: 'inventory.frequency.fortnightly',
  monthly: 'inventory.frequency.monthly',
  bimonthly: 'inventory.frequency.bimonthly',
  quarterly: 'inventory.frequency.quarterly',
  semiannual: 'inventory.frequency.semiannual',
  annual: 'inventory.frequency.annual',
  biennial: 'inventory.frequency.biennial',
  irregular: 'inventory.frequency.irregular',
  continuous: 'inventory.frequency.continuous',
  never: 'inventory.frequency.never',
};

export const HARVEST_MODE_KEYS: Record<HarvestMode, string> = {
  full: 'portal.mode.full',
  incremental: 'portal.mode.incremental',
};
export const HARVEST_TRIGGER_KEYS: Record<HarvestTrigger, string> = {
  schedule: 'portal.trigger.schedule',
  manual: 'portal.trigger.manual',
  cli: 'portal.trigger.cli',
  demo: 'portal.trigger.demo',
};
export const HARVEST_STATUS_KEYS: Record<HarvestStatus, string> = {
  running: 'portal.runStatus.running',
  succeeded: 'portal.runStatus.succeeded',
  failed: 'portal.runStatus.failed',
};
export const HARVEST_STATUS_GLYPHS: Record<HarvestStatus, string> = { running: '◐', succeeded: '✓', failed: '!' };
export const HARVEST_ISSUE_KEYS: Record<'skipped_record' | 'retry' | 'failure', string> = {
  skipped_record: 'portal.issueKind.skipped_record',
  retry: 'portal.issueKind.retry',
  failure: 'portal.issueKind.failure',
};
