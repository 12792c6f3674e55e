import type { LoadChildren, Route } from '@angular/router';
import { applyUrlLocale, redirectToPreferredLocale, redirectUnknownLocale, supportedLocaleMatch } from './locale-routing';

/** Every page lives under its language: `/ar/…`, `/fr/…`, `/en/…`. */
export function createAppRoutes(loadPages: LoadChildren): Route[] {
  return [
    { path: '', pathMatch: 'full', redirectTo: redirectToPreferredLocale },
    { path: ':lang', canMatch: [supportedLocaleMatch], canActivate: [applyUrlLocale], loadChildren: loadPages },
    { path: '**', redirectTo: redirectUnknownLocale },
  ];
}

export const appRoutes: Route[] = createAppRoutes(() => import('@marsad/web/feature-plan').then((m) => m.planRoutes));
