import type { Router, UrlTree } from '@angular/router';
import { isLocale, type Locale } from '@marsad/contracts';

/** A returnUrl we are willing to follow: a path inside this app, never another site. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/^\/[^/?#]+\/(sign-in|forbidden)(?:[/?#]|$)/.test(value)) return null;
  return value;
}

/** The language of an app URL (`/ar/…` → `ar`), or the fallback. */
export function localeOfUrl(url: string, fallback: Locale): Locale {
  const first = url.split(/[?#]/)[0].split('/')[1];
  return isLocale(first) ? first : fallback;
}

export function signInUrlTree(router: Router, locale: Locale, returnUrl: string | null): UrlTree {
  const target = safeReturnUrl(returnUrl);
  return router.createUrlTree(['/', localeOfUrl(returnUrl ?? '', locale), 'sign-in'], {
    queryParams: target ? { returnUrl: target } : {},
  });
}
