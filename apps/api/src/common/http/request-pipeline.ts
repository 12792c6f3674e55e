import { HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppException } from '../errors/app-exception';
import { renderError } from '../errors/http-exception.filter';
import { requestLocale } from '../i18n/request-locale';
import { requestId } from '../logging/logger.options';

type Middleware = (req: Request, res: Response, next: (error?: unknown) => void) => void;

/**
 * Runs before Nest's routing: gives each request its id first (so even a body
 * that fails to parse is answered with one), then parses bodies, answering
 * malformed or oversized ones with the API's own error shape.
 */
export function installRequestPipeline(app: NestExpressApplication): void {
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    req.id = requestId(req, res);
    next();
  });
  for (const parser of [express.json({ limit: '1mb' }), express.urlencoded({ limit: '100kb', extended: false })]) {
    app.use(guard(parser));
  }
}

function guard(parser: Middleware): Middleware {
  return (req, res, next) =>
    parser(req, res, (error?: unknown) => {
      if (!error) return next();
      const type = (error as { type?: string }).type;
      const exception =
        type === 'entity.too.large'
          ? new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', { limit: '1 MB' })
          : new AppException(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', { reason: type === 'entity.parse.failed' ? 'malformed JSON' : 'unreadable body' });
      res
        .status(exception.status)
        .json(renderError(exception, requestLocale(req), String((req as Request & { id?: string }).id ?? '')));
    });
}
