import type { Route } from '@angular/router';

/** Publication metrics (issue #5), public, under `/:lang/metrics`. Each page is its own chunk. */
export const metricsRoutes: Route[] = [
  {
    path: 'metrics',
    title: 'metrics.titles.national',
    loadComponent: () => import('./national/national.page').then((m) => m.NationalPage),
  },
  {
    // Before `metrics/:code`, so these are not read as codes.
    path: 'metrics/rankings',
    title: 'metrics.titles.rankings',
    loadComponent: () => import('./rankings/rankings.page').then((m) => m.RankingsPage),
  },
  {
    path: 'metrics/methodology',
    title: 'metrics.titles.methodology',
    loadComponent: () => import('./methodology/methodology.page').then((m) => m.MethodologyPage),
  },
  {
    // The tracker's own open data (issue #16): the catalogue's datasets and their downloads.
    path: 'open-data',
    title: 'openData.title',
    loadComponent: () => import('./open-data/open-data.page').then((m) => m.OpenDataPage),
  },
  {
    path: 'metrics/:code',
    title: 'metrics.titles.scorecard',
    loadComponent: () => import('./scorecard/scorecard.page').then((m) => m.ScorecardPage),
  },
];
