import type { InstitutionMetrics, NationalMetrics, PublicationFigures, RankingEntry } from '@marsad/contracts';

export const HCP = {
  code: 'HCP',
  name: { ar: 'المندوبية السامية للتخطيط', fr: 'Haut-Commissariat au Plan', en: 'High Commission for Planning' },
  type: 'ministry' as const,
};
export const MEF = {
  code: 'MEF',
  name: {
    ar: 'وزارة الاقتصاد والمالية',
    fr: "Ministère de l'Économie et des Finances",
    en: 'Ministry of Economy and Finance',
  },
  type: 'ministry' as const,
};

export const FIGURES: PublicationFigures = {
  datasets: 200,
  newDatasets: 5,
  resources: 420,
  openness: {
    meanStars: 1.5,
    stars: { 0: 100, 1: 10, 2: 20, 3: 60, 4: 0, 5: 10 },
    machineReadableShare: 35,
    openLicenceShare: 50,
  },
  formats: [
    { format: 'CSV', datasets: 80 },
    { format: 'PDF', datasets: 40 },
  ],
  completeness: {
    mean: 60,
    byCriterion: {
      description: 80,
      tags: 82,
      theme: 60,
      licence: 62,
      frequency: 65,
      temporal: 38,
      spatial: 17,
      contact: 45,
      dates: 69,
    },
  },
  freshness: { fresh: 40, due: 10, overdue: 5, delinquent: 45, not_applicable: 20, unknown: 80, upToDateShare: 50 },
  inventory: { inventoried: 20, published: 10, fresh: 4, coverage: 50, due: 8, onTime: 6, scheduleKeeping: 75 },
  score: {
    value: 41.3,
    breakdown: [
      { component: 'openness', weight: 30, value: 30, points: 9 },
      { component: 'metadata', weight: 25, value: 60, points: 15 },
      { component: 'freshness', weight: 25, value: 50, points: 12.5 },
      { component: 'inventory', weight: 20, value: null, points: 0 },
    ],
  },
};

export function ranking(rank: number, tied: boolean, ref = HCP, score = 40): RankingEntry {
  return {
    rank,
    tied,
    institution: ref,
    regionCode: null,
    score,
    datasets: 12,
    meanStars: 1.2,
    completeness: 55,
    upToDateShare: 40,
  };
}

export const NATIONAL: NationalMetrics = {
  asOf: '2026-11-27',
  lastGoodRun: null,
  figures: FIGURES,
  distribution: Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i * 10 + 10,
    institutions: i === 3 ? 2 : 0,
  })),
  top: [ranking(1, false, MEF, 45), ranking(2, true, HCP, 40)],
  bottom: [ranking(2, true, HCP, 40)],
  byType: [{ key: 'ministry', label: null, institutions: 2, scored: 2, datasets: 300, meanScore: 42.5 }],
  byRegion: [],
  history: [
    { day: '2026-11-26', datasets: 190, score: 40, meanStars: 1.4, upToDateShare: 48, completeness: 59 },
    { day: '2026-11-27', datasets: 200, score: 41.3, meanStars: 1.5, upToDateShare: 50, completeness: 60 },
  ],
  institutionsMapped: 3,
  institutionsScored: 2,
  provenance: { source: 'automated', asOf: '2026-11-27T02:00:00.000Z', by: 'run-1' },
};

export const HCP_METRICS: InstitutionMetrics = {
  institution: HCP,
  portalOrgName: 'haut-commissariat-au-plan',
  asOf: '2026-11-27',
  figures: FIGURES,
  rank: { rank: 2, tied: true, of: 240 },
  history: NATIONAL.history,
  overdue: [
    {
      ckanId: 'x1',
      name: 'subventions-2022',
      title: 'Subventions 2022',
      portalUrl: 'https://data.gov.ma/data/dataset/subventions-2022',
      lastUpdatedAt: '2024-01-08T16:46:58.630Z',
      frequency: 'annual',
      freshness: 'delinquent',
      ageDays: 1054,
    },
  ],
  benchmark: { nationalMedian: 38.5, typeMedian: 41 },
  provenance: { source: 'automated', asOf: '2026-11-27T02:00:00.000Z', by: 'run-1' },
};
