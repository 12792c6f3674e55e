import type { Provenance } from './plan';
import type { InstitutionRef, InstitutionType } from './institution';
import type { CompletenessCriterion, Frequency, FreshnessStatus, ScoreComponent } from './methodology';

// ---------------------------------------------------------------- harvest runs

export const HARVEST_MODES = ['full', 'incremental'] as const;
export type HarvestMode = (typeof HARVEST_MODES)[number];
export const HARVEST_TRIGGERS = ['schedule', 'manual', 'cli', 'demo'] as const;
export type HarvestTrigger = (typeof HARVEST_TRIGGERS)[number];
export const HARVEST_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type HarvestStatus = (typeof HARVEST_STATUSES)[number];

/** A problem met during a run: a skipped record, a retried call, or what ended the run. */
export interface HarvestIssue {
  at: string;
  kind: 'skipped_record' | 'retry' | 'failure';
  message: string;
  /** CKAN action and page start, when the issue concerns a call. */
  action?: string;
  start?: number;
  /** The dataset's id or name, when a record was skipped. */
  dataset?: string;
}

/** GET /api/v1/portal/runs, /portal/runs/:id. */
export interface HarvestRunView {
  id: string;
  mode: HarvestMode;
  trigger: HarvestTrigger;
  triggeredBy: string | null;
  status: HarvestStatus;
  portalUrl: string;
  startedAt: string;
  finishedAt: string | null;
  /** Incremental runs ask for datasets modified since this instant (last good run minus the overlap). */
  since: string | null;
  requests: number;
  pages: number;
  organizations: number;
  seen: number;
  created: number;
  updated: number;
  deleted: number;
  skipped: number;
  /** Up to 100 issues; `issueCount` counts them all. */
  issues: HarvestIssue[];
  issueCount: number;
  failure: string | null;
}

/** POST /api/v1/portal/runs (coordinators). */
export interface StartHarvestRequest {
  mode: HarvestMode;
}

/** GET /api/v1/portal/status: what the figures are based on (public). */
export interface PortalStatus {
  portalUrl: string;
  /** The cron expression, or null when runs are on demand only. */
  schedule: string | null;
  nextRunAt: string | null;
  lastGoodRun: HarvestRunView | null;
  running: HarvestRunView | null;
  datasets: number;
  organizations: number;
  unmappedOrganizations: number;
}

// ---------------------------------------------------------------- organisations

/** GET /api/v1/portal/organizations: portal organisations and the administration each maps to. */
export interface PortalOrganizationView {
  name: string;
  title: string;
  datasets: number;
  institution: InstitutionRef | null;
  /** The institution's version, for a mapping change (409 when stale). */
  institutionVersion: number | null;
  lastSeenAt: string;
  /** Set when a full run no longer found it on the portal. */
  removedAt: string | null;
}

export interface PortalOrganizationQuery {
  mapped?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** PUT /api/v1/portal/organizations/:name/institution: map to an administration (or unmap with null). */
export interface MapOrganizationRequest {
  institutionCode: string | null;
}

// ---------------------------------------------------------------- datasets

export interface PortalResourceView {
  id: string | null;
  name: string | null;
  format: string | null;
  formatRaw: string | null;
  url: string | null;
  lastModified: string | null;
}

/** GET /api/v1/portal/datasets: a dataset as harvested, with what Marsad computed of it. */
export interface PortalDatasetView {
  ckanId: string;
  name: string;
  title: string;
  organization: string | null;
  institution: InstitutionRef | null;
  /** The dataset's page on the portal. */
  portalUrl: string;
  createdAt: string | null;
  modifiedAt: string | null;
  /** Data age basis: the newest resource change (or the metadata change when resources carry no date). */
  lastUpdatedAt: string | null;
  licenseId: string | null;
  openLicence: boolean;
  frequency: Frequency | null;
  frequencyRaw: string | null;
  freshness: FreshnessStatus;
  /** Whole days since `lastUpdatedAt`, on the day of the figures. */
  ageDays: number | null;
  formats: string[];
  resourceCount: number;
  stars: number;
  machineReadable: boolean;
  completeness: number;
  completenessFilled: CompletenessCriterion[];
  tags: string[];
  groups: string[];
  resources: PortalResourceView[];
}

/** What a scorecard lists of an overdue dataset. */
export type OverdueDatasetView = Pick<
  PortalDatasetView,
  'ckanId' | 'name' | 'title' | 'portalUrl' | 'frequency' | 'lastUpdatedAt' | 'ageDays' | 'freshness'
>;

export const DATASET_SORTS = ['modified', 'title', 'stars', 'completeness', 'age'] as const;
export type DatasetSort = (typeof DATASET_SORTS)[number];

export interface PortalDatasetQuery {
  organization?: string;
  institution?: string;
  freshness?: FreshnessStatus;
  format?: string;
  q?: string;
  sort?: DatasetSort;
  page?: number;
  pageSize?: number;
}

// ---------------------------------------------------------------- metrics

export interface StarsDistribution {
  0: number;
  1: number;
  2: number;
  3: number;
  4: number;
  5: number;
}

/** Publication figures of one administration, or of the whole portal. Shares are percentages (0–100, one decimal). */
export interface PublicationFigures {
  datasets: number;
  /** Created within NEW_DATASET_WINDOW_DAYS before the snapshot. */
  newDatasets: number;
  resources: number;
  openness: {
    meanStars: number | null;
    stars: StarsDistribution;
    machineReadableShare: number | null;
    openLicenceShare: number | null;
  };
  /** Datasets having at least one resource in each format, most frequent first. */
  formats: { format: string; datasets: number }[];
  completeness: {
    mean: number | null;
    /** Share of datasets filling each criterion. */
    byCriterion: Record<CompletenessCriterion, number | null>;
  };
  freshness: Record<FreshnessStatus, number> & {
    /** fresh + due ÷ datasets where freshness applies. */
    upToDateShare: number | null;
  };
  inventory: {
    /** Open inventory items (not withheld). */
    inventoried: number;
    /** ...of which confirmed published on the portal. */
    published: number;
    /** ...of which fresh or due. */
    fresh: number;
    coverage: number | null;
    /** Open items with a planned date already past. */
    due: number;
    /** ...of which published by their planned date. */
    onTime: number;
    scheduleKeeping: number | null;
  };
  score: {
    value: number | null;
    breakdown: { component: ScoreComponent; weight: number; value: number | null; points: number }[];
  };
}

export interface MetricsHistoryPoint {
  day: string;
  datasets: number;
  score: number | null;
  meanStars: number | null;
  upToDateShare: number | null;
  completeness: number | null;
}

export interface RankingEntry {
  /** Competition ranking: equal scores share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
  tied: boolean;
  institution: InstitutionRef;
  regionCode: string | null;
  score: number;
  datasets: number;
  meanStars: number | null;
  completeness: number | null;
  upToDateShare: number | null;
}

/** GET /api/v1/metrics/rankings (public; also ?format=csv|xlsx at /metrics/rankings/export). */
export interface RankingQuery {
  type?: InstitutionType;
  region?: string;
  page?: number;
  pageSize?: number;
}

/** GET /api/v1/institutions/:code/metrics (public). */
export interface InstitutionMetrics {
  institution: InstitutionRef;
  portalOrgName: string | null;
  /** The snapshot day, null when no harvest has produced figures yet. */
  asOf: string | null;
  figures: PublicationFigures | null;
  rank: { rank: number; tied: boolean; of: number } | null;
  history: MetricsHistoryPoint[];
  /** Overdue and delinquent datasets, the oldest first (at most 50); the rest of each is at /portal/datasets. */
  overdue: OverdueDatasetView[];
  /** The median score of all scored administrations, and of those of the same type, on the same day. */
  benchmark: { nationalMedian: number | null; typeMedian: number | null } | null;
  /** `automated`: computed from the portal harvest (the run in `by`), as of the snapshot; `demo` with demo data. */
  provenance: Provenance;
}

export interface GroupFigures {
  key: string;
  label: InstitutionRef | null;
  institutions: number;
  scored: number;
  datasets: number;
  meanScore: number | null;
}

/** GET /api/v1/metrics/national (public). */
export interface NationalMetrics {
  asOf: string | null;
  lastGoodRun: HarvestRunView | null;
  figures: PublicationFigures | null;
  /** Administrations with a score, in buckets of 10 points ([0,10), … [90,100]). */
  distribution: { from: number; to: number; institutions: number }[];
  top: RankingEntry[];
  bottom: RankingEntry[];
  byType: GroupFigures[];
  byRegion: GroupFigures[];
  history: MetricsHistoryPoint[];
  /** Administrations mapped to a portal organisation, and how many have a score. */
  institutionsMapped: number;
  institutionsScored: number;
  /** `automated`: computed from the portal harvest (the run in `by`), as of the snapshot; `demo` with demo data. */
  provenance: Provenance;
}
