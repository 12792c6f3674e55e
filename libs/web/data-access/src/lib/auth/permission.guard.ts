import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { Permission } from '@marsad/contracts';
import { LocaleService } from '../locale/locale.service';
import { localeOfUrl, signInUrlTree } from './auth-urls';
import { SessionService } from './session.service';

/**
 * Lets a page open only with `permission` (or with any session when none is given).
 * Signed out → the sign-in page, which comes back here; signed in without it → the forbidden page,
 * which names what is missing.
 */
export function requirePermission(permission?: Permission): CanActivateFn {
  return (_route, state) => {
    const session = inject(SessionService);
    const router = inject(Router);
    const fallback = inject(LocaleService).locale();
    if (!session.signedIn()) return signInUrlTree(router, fallback, state.url);
    if (!permission || session.can(permission)) return true;
    return router.createUrlTree(['/', localeOfUrl(state.url, fallback), 'forbidden'], {
      queryParams: { need: permission },
    });
  };
}

/** Any signed-in person. */
export const requireSession: CanActivateFn = (route, state) => requirePermission()(route, state);
