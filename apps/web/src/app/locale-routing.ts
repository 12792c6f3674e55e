import { inject } from '@angular/core';
import { Router, type CanActivateFn, type CanMatchFn, type RedirectFunction } from '@angular/router';
import { isLocale } from '@marsad/contracts';
import { LocaleService, resolveLocaleRedirect } from '@marsad/web/data-access';
import { catchError, map, of } from 'rxjs';

/** `/:lang` only matches our three locales; anything else falls through to the redirect. */
export const supportedLocaleMatch: CanMatchFn = (_route, segments) => isLocale(segments[0]?.path);

/** Switches the UI to the URL's language, waiting for its texts so no key flashes. */
export const applyUrlLocale: CanActivateFn = (route) => {
  const lang = route.paramMap.get('lang');
  if (!isLocale(lang)) return true;
  return inject(LocaleService)
    .use(lang)
    .pipe(
      map(() => true),
      catchError(() => of(true)),
    );
};

/** `/` → the remembered language, else the browser's, else French. */
export const redirectToPreferredLocale: RedirectFunction = () => `/${inject(LocaleService).preferred()}`;

/** An unknown or missing language prefix: keep the page, put a language we have in front. */
export const redirectUnknownLocale: RedirectFunction = ({ url, queryParams, fragment }) => {
  const target = resolveLocaleRedirect(
    url.map((segment) => segment.path),
    inject(LocaleService).preferred(),
  );
  return inject(Router).createUrlTree(['/', ...target], { queryParams, fragment: fragment ?? undefined });
};
