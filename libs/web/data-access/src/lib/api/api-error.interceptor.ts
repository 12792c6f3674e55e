import type { HttpInterceptorFn } from '@angular/common/http';
import { catchError, throwError } from 'rxjs';
import { toApiError } from './api-error';

/**
 * Every failed request reaches services and pages as an ApiError, in one place rather than in each call.
 * Register it first, so the other interceptors (CSRF retry, sign-in redirect) still see the raw HttpErrorResponse.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (request, next) =>
  next(request).pipe(catchError((error: unknown) => throwError(() => toApiError(error))));
