import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import type { ApiErrorBody } from '@marsad/contracts';
import { catchError, switchMap, throwError } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url';
import { SessionService } from './session.service';

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sends the session's CSRF token with every write to our API, never to other origins.
 * When the API rejects the token (the session was renewed in another tab), reads the session
 * once and retries with the new token.
 */
export const csrfInterceptor: HttpInterceptorFn = (request, next) => {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || request.headers.has(CSRF_HEADER)) return next(request);
  const base = inject(API_BASE_URL);
  if (!request.url.startsWith(`${base}/`)) return next(request);
  const session = inject(SessionService);
  const token = session.csrfToken();
  const withToken = (value: string | null) =>
    value ? request.clone({ setHeaders: { [CSRF_HEADER]: value } }) : request;
  return next(withToken(token)).pipe(
    catchError((error: unknown) => {
      const rejected =
        error instanceof HttpErrorResponse &&
        error.status === 403 &&
        (error.error as ApiErrorBody | null)?.code === 'CSRF_REJECTED';
      if (!rejected) return throwError(() => error);
      return session
        .refresh()
        .pipe(
          switchMap((fresh) =>
            fresh.csrfToken && fresh.csrfToken !== token ? next(withToken(fresh.csrfToken)) : throwError(() => error),
          ),
        );
    }),
  );
};
