import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode, FieldError, Locale } from '@marsad/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ENTITY_NAMES, ERROR_MESSAGES, GENERIC_RULE, RULE_MESSAGES, format } from '../i18n/messages';
import { requestLocale } from '../i18n/request-locale';
import { AppException, type RuleViolation } from './app-exception';

/**
 * Turns every error into `{ statusCode, code, message, fields, requestId }`,
 * with the message in the caller's language. Unknown errors become a logged
 * 500 that reveals no stack, SQL or path.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const locale = requestLocale(request);
    const requestId = String(request.id ?? '');
    const app = this.toAppException(exception, request);
    if (app.status >= 500) {
      this.logger.error({ err: exception, requestId }, 'Unhandled error');
    }
    if (typeof app.params['retryAfter'] === 'number')
      response.setHeader('Retry-After', String(app.params['retryAfter']));
    response.status(app.status).json(renderError(app, locale, requestId));
  }

  private toAppException(exception: unknown, request: Request): AppException {
    if (exception instanceof AppException) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND) {
        return new AppException(status, 'ROUTE_NOT_FOUND', { method: request.method, path: request.path });
      }
      if (status === HttpStatus.TOO_MANY_REQUESTS) {
        return new AppException(status, 'TOO_MANY_REQUESTS');
      }
      if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
        return new AppException(status, 'PAYLOAD_TOO_LARGE', { limit: '10 MB' });
      }
      if (status < 500) {
        return new AppException(status, 'BAD_REQUEST', { reason: exception.message });
      }
    }
    // A value PostgreSQL cannot take (SQLSTATE class 22: out of range, bad encoding, bad date…) is the
    // caller's input that validation let through: a 400, logged so the missing rule gets written.
    const sqlState =
      exception instanceof QueryFailedError ? String((exception.driverError as { code?: unknown })?.code ?? '') : '';
    if (sqlState.startsWith('22')) {
      this.logger.warn(
        { requestId: String((request as Request & { id?: string }).id ?? ''), sqlState },
        'Input refused by the database',
      );
      return new AppException(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', {
        reason: `a value is outside what the database accepts (${sqlState})`,
      });
    }
    return new AppException(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR');
  }
}

export function renderError(app: AppException, locale: Locale, requestId: string): ApiErrorBody {
  const fields = app.fields.map((violation) => renderViolation(violation, locale));
  const params: Record<string, unknown> = { ...app.params, requestId };
  if (typeof params['entity'] === 'string')
    params['entity'] = ENTITY_NAMES[params['entity']]?.[locale] ?? params['entity'];
  if (app.code === 'VALIDATION_FAILED' || app.code === 'FILE_LIMIT_EXCEEDED')
    params['details'] = fields.map((field) => field.message).join('; ');
  const body: ApiErrorBody = {
    statusCode: app.status,
    code: app.code as ErrorCode,
    message: format(ERROR_MESSAGES[app.code][locale], params),
    fields,
    requestId,
  };
  if (app.current !== undefined) body.current = app.current;
  return body;
}

export function renderViolation(violation: RuleViolation, locale: Locale): FieldError {
  const template = RULE_MESSAGES[violation.rule]?.[locale] ?? GENERIC_RULE[locale];
  const params: Record<string, unknown> = { field: violation.field, rule: violation.rule };
  (violation.args ?? []).forEach((arg, index) => (params[String(index)] = arg));
  return { field: violation.field, rule: violation.rule, message: format(template, params) };
}
