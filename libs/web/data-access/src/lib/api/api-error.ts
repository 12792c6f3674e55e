import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, ErrorCode, FieldError } from '@marsad/contracts';

/** Codes the web app can meet: the API's, plus a failure to reach it at all. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR';

/**
 * Translation keys for every error code, written out so the key check finds them.
 * Unknown codes fall back to INTERNAL_ERROR.
 */
export const ERROR_CODE_KEYS: Record<ClientErrorCode, string> = {
  VALIDATION_FAILED: 'errors.VALIDATION_FAILED',
  NOT_FOUND: 'errors.NOT_FOUND',
  ROUTE_NOT_FOUND: 'errors.ROUTE_NOT_FOUND',
  VERSION_CONFLICT: 'errors.VERSION_CONFLICT',
  PAYLOAD_TOO_LARGE: 'errors.PAYLOAD_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE: 'errors.UNSUPPORTED_FILE_TYPE',
  INTERNAL_ERROR: 'errors.INTERNAL_ERROR',
  BAD_REQUEST: 'errors.BAD_REQUEST',
  UNAUTHENTICATED: 'errors.UNAUTHENTICATED',
  FORBIDDEN: 'errors.FORBIDDEN',
  CSRF_REJECTED: 'errors.CSRF_REJECTED',
  INVALID_CREDENTIALS: 'errors.INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'errors.ACCOUNT_LOCKED',
  TOO_MANY_REQUESTS: 'errors.TOO_MANY_REQUESTS',
  RESET_LINK_INVALID: 'errors.RESET_LINK_INVALID',
  HARVEST_RUNNING: 'errors.HARVEST_RUNNING',
  PORTAL_NOT_CONFIGURED: 'errors.PORTAL_NOT_CONFIGURED',
  FILE_LIMIT_EXCEEDED: 'errors.FILE_LIMIT_EXCEEDED',
  UNSUPPORTED_MEDIA_TYPE: 'errors.UNSUPPORTED_MEDIA_TYPE',
  ORIGIN_REJECTED: 'errors.ORIGIN_REJECTED',
  REPORT_STATE_CONFLICT: 'errors.REPORT_STATE_CONFLICT',
  ROUND_OVERLAP: 'errors.ROUND_OVERLAP',
  ROUND_STATE_CONFLICT: 'errors.ROUND_STATE_CONFLICT',
  MEETING_STATE_CONFLICT: 'errors.MEETING_STATE_CONFLICT',
  EMAIL_STATE_CONFLICT: 'errors.EMAIL_STATE_CONFLICT',
  ACTION_ITEM_STATE_CONFLICT: 'errors.ACTION_ITEM_STATE_CONFLICT',
  PDF_UNAVAILABLE: 'errors.PDF_UNAVAILABLE',
  FEEDBACK_LINK_USED: 'errors.FEEDBACK_LINK_USED',
  FEEDBACK_CLOSED: 'errors.FEEDBACK_CLOSED',
  AWARD_PHASE_CONFLICT: 'errors.AWARD_PHASE_CONFLICT',
  NETWORK_ERROR: 'errors.NETWORK_ERROR',
};

/** An API failure in one shape, whatever went wrong on the way. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId: string | null = null,
    readonly current: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The translation key for this error's code. */
  get messageKey(): string {
    return ERROR_CODE_KEYS[this.code] ?? ERROR_CODE_KEYS.INTERNAL_ERROR;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).code === 'string';
}

function isKnownCode(code: string): code is ClientErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODE_KEYS, code);
}

/**
 * Turns whatever HttpClient threw into an ApiError. Its `message` is what pages may show under the
 * translated message of its code: the API's own words (in the reader's language), or nothing. Never
 * HttpClient's raw English ("Http failure response for …: 0 Unknown Error"): not for a network
 * failure, nor for an answer without the API's error body (a proxy's 502, an HTML page).
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return new ApiError(0, 'NETWORK_ERROR', '');
    const body: unknown = error.error;
    if (isErrorBody(body)) {
      const code = isKnownCode(body.code) ? body.code : 'INTERNAL_ERROR';
      return new ApiError(
        body.statusCode ?? error.status,
        code,
        typeof body.message === 'string' ? body.message : '',
        Array.isArray(body.fields) ? body.fields : [],
        body.requestId ?? null,
        body.current,
      );
    }
    const fallback: ClientErrorCode =
      error.status === 401
        ? 'UNAUTHENTICATED'
        : error.status === 403
          ? 'FORBIDDEN'
          : error.status === 429
            ? 'TOO_MANY_REQUESTS'
            : error.status === 404
              ? 'NOT_FOUND'
              : error.status === 413
                ? 'PAYLOAD_TOO_LARGE'
                : error.status === 415
                  ? 'UNSUPPORTED_FILE_TYPE'
                  : error.status < 500
                    ? 'BAD_REQUEST'
                    : 'INTERNAL_ERROR';
    return new ApiError(error.status, fallback, '');
  }
  return new ApiError(0, 'INTERNAL_ERROR', error instanceof Error ? error.message : String(error));
}

/** A resource's failure as an ApiError, or null while it has none (used by apiResource). */
export function apiErrorOf(error: unknown): ApiError | null {
  return error ? toApiError(error) : null;
}
