import type { Route } from '@angular/router';
import { Permission } from '@marsad/contracts';
import { requirePermission } from '@marsad/web/data-access';

/** Pages under `/:lang`. Each page is its own chunk; chart.js travels only with the overview. */
export const planRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'titles.overview',
    loadComponent: () => import('./overview/plan-overview.page').then((m) => m.PlanOverviewPage),
  },
  {
    path: 'plans/:code',
    title: 'titles.overview',
    loadComponent: () => import('./overview/plan-overview.page').then((m) => m.PlanOverviewPage),
  },
  {
    path: 'measures/:id',
    title: 'titles.measure',
    loadComponent: () => import('./measure/measure.page').then((m) => m.MeasurePage),
  },
  {
    path: 'activities/:id',
    title: 'titles.activity',
    loadComponent: () => import('./activity/activity.page').then((m) => m.ActivityPage),
  },
  {
    path: 'validation',
    title: 'titles.validation',
    canActivate: [requirePermission(Permission.ProgressValidate)],
    loadComponent: () => import('./validation/validation-queue.page').then((m) => m.ValidationQueuePage),
  },
];
