/** Stable error codes: the web app translates them, clients can branch on them. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'VERSION_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE_TYPE',
  'INTERNAL_ERROR',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'TOO_MANY_REQUESTS',
  'RESET_LINK_INVALID',
  'HARVEST_RUNNING',
  'PORTAL_NOT_CONFIGURED',
  'FILE_LIMIT_EXCEEDED',
  'UNSUPPORTED_MEDIA_TYPE',
  'ORIGIN_REJECTED',
  'REPORT_STATE_CONFLICT',
  'ROUND_OVERLAP',
  'ROUND_STATE_CONFLICT',
  'MEETING_STATE_CONFLICT',
  'EMAIL_STATE_CONFLICT',
  'ACTION_ITEM_STATE_CONFLICT',
  'PDF_UNAVAILABLE',
  'FEEDBACK_LINK_USED',
  'FEEDBACK_CLOSED',
  'AWARD_PHASE_CONFLICT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the offending field, e.g. `progress` or `links.0.url`. */
  field: string;
  /** The rule it broke, e.g. `max`, `isDateString`, `whitelist`. */
  rule: string;
  /** The broken rule in the caller's language. */
  message: string;
}

export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields: FieldError[];
  requestId: string;
  /** For VERSION_CONFLICT: the entity as it is now. */
  current?: unknown;
}

export interface SystemHealth {
  status: 'ok';
  database: 'embedded' | 'postgres';
  version: string;
  demo: boolean;
}
