import type { LoadChildren, Route } from '@angular/router';
import {
  applyUrlLocale,
  redirectToPreferredLocale,
  redirectUnknownLocale,
  supportedLocaleMatch,
} from './locale-routing';

/** Every page lives under its language: `/ar/…`, `/fr/…`, `/en/…`. */
export function createAppRoutes(loadPages: LoadChildren): Route[] {
  return [
    { path: '', pathMatch: 'full', redirectTo: redirectToPreferredLocale },
    { path: ':lang', canMatch: [supportedLocaleMatch], canActivate: [applyUrlLocale], loadChildren: loadPages },
    { path: '**', redirectTo: redirectUnknownLocale },
  ];
}

// Each feature's route table is small; its pages load on demand.
export const appRoutes: Route[] = createAppRoutes(() =>
  Promise.all([
    import('@marsad/web/feature-auth'),
    import('@marsad/web/feature-admin'),
    import('@marsad/web/feature-registry'),
    import('@marsad/web/feature-metrics'),
    import('@marsad/web/feature-portal'),
    import('@marsad/web/feature-plan'),
    import('@marsad/web/feature-events'),
  ]).then(([auth, admin, registry, metrics, portal, plan, events]) => [
    ...auth.authRoutes,
    ...admin.adminRoutes,
    ...registry.registryRoutes,
    ...metrics.metricsRoutes,
    ...portal.portalRoutes,
    ...plan.planRoutes,
    ...events.eventsRoutes,
  ]),
);
