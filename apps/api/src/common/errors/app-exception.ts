import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@marsad/contracts';

export interface RuleViolation {
  field: string;
  rule: string;
  /** Values the message needs, e.g. [100] for max. */
  args?: unknown[];
}

/**
 * Every error the API means to return. It carries a stable code and the
 * parameters of its message; the exception filter writes the message in the
 * caller's language.
 */
export class AppException extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: RuleViolation[] = [],
    readonly current?: unknown,
  ) {
    super(code);
  }

  static notFound(entity: string, id: string): AppException {
    return new AppException(HttpStatus.NOT_FOUND, 'NOT_FOUND', { entity, id });
  }

  static validation(fields: RuleViolation[]): AppException {
    return new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', {}, fields);
  }

  static versionConflict(entity: string, sent: number, current: { version: number }): AppException {
    return new AppException(
      HttpStatus.CONFLICT,
      'VERSION_CONFLICT',
      { entity, sent, current: current.version },
      [{ field: 'version', rule: 'isCurrentVersion', args: [current.version] }],
      current,
    );
  }
}
