import { HttpContextToken, HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import type { ApiErrorBody } from '@marsad/contracts';
import { catchError, throwError } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url';
import { LocaleService } from '../locale/locale.service';
import { AUTH_SESSION_PATH, AUTH_SIGN_IN_PATH } from './auth-api.service';
import { signInUrlTree } from './auth-urls';
import { SessionService } from './session.service';

/**
 * A request the app makes on its own (the bell's count), not one the person asked for: when the
 * session has expired, the app shows itself signed out but stays on the page.
 */
export const BACKGROUND_REQUEST = new HttpContextToken<boolean>(() => false);

/**
 * A 401 UNAUTHENTICATED (session expired, or never signed in) sends the person to the sign-in page,
 * which brings them back here afterwards. Sign-in and session calls answer for themselves.
 */
export const unauthenticatedInterceptor: HttpInterceptorFn = (request, next) => {
  const base = inject(API_BASE_URL);
  const router = inject(Router);
  const session = inject(SessionService);
  const locale = inject(LocaleService);
  const exempt = [AUTH_SESSION_PATH, AUTH_SIGN_IN_PATH].some((path) => request.url.split('?')[0] === `${base}${path}`);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        !exempt &&
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        (error.error as ApiErrorBody | null)?.code === 'UNAUTHENTICATED'
      ) {
        session.markSignedOut();
        if (request.context.get(BACKGROUND_REQUEST)) return throwError(() => error);
        const current = router.url;
        // Already there (e.g. two calls failing at once): don't stack returnUrls.
        if (!/^\/[^/]+\/sign-in(\?|$)/.test(current)) {
          void router.navigateByUrl(signInUrlTree(router, locale.locale(), current));
        }
      }
      return throwError(() => error);
    }),
  );
};
