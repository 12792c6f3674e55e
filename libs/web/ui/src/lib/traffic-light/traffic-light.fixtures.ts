import type { TrafficLightReport } from '@marsad/contracts';

/** HCP: red from a missed round, amber from the plan, its score not measured (no dataset). */
export const HCP_TRAFFIC_LIGHT: TrafficLightReport = {
  institution: { code: 'HCP' },
  light: 'red',
  reasons: [
    { input: 'reporting', light: 'red', value: 33.3, threshold: 60 },
    { input: 'plan', light: 'amber', value: 25, threshold: 0 },
  ],
  asOf: '2026-12-05',
  inputs: [
    {
      input: 'plan',
      light: 'amber',
      value: 25,
      count: 1,
      of: 4,
      notMeasured: null,
      asOf: '2026-12-05',
      source: { kind: 'plan', planCode: 'PANDO-2021' },
    },
    {
      input: 'reporting',
      light: 'red',
      value: 33.3,
      count: 1,
      of: 3,
      notMeasured: null,
      asOf: '2026-10-01T09:00:00.000Z',
      source: { kind: 'round', roundId: 'r1', name: { fr: 'Q3 2026 review' }, closesOn: '2026-09-30' },
    },
    {
      input: 'publication',
      light: 'not_measured',
      value: null,
      count: null,
      of: null,
      notMeasured: 'no_dataset',
      asOf: '2026-12-04T03:00:00.000Z',
      source: { kind: 'snapshot', day: '2026-12-04' },
    },
  ],
};
