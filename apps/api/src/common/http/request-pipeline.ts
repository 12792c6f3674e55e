import { HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppException } from '../errors/app-exception';
import { renderError } from '../errors/http-exception.filter';
import { requestLocale } from '../i18n/request-locale';
import { requestId } from '../logging/logger.options';
import type { AppConfig } from '../../config/app-config';
import {
  refuseDeepJson,
  refuseHostileValues,
  requireKnownBodyType,
  requireOwnOrigin,
  strictTransportSecurity,
} from './input-guards';

type Middleware = (req: Request, res: Response, next: (error?: unknown) => void) => void;

/**
 * Runs before Nest's routing: gives each request its id first (so even a body
 * that fails to parse is answered with one), then parses bodies, answering
 * malformed or oversized ones with the API's own error shape.
 */
export function installRequestPipeline(
  app: NestExpressApplication,
  config: Pick<AppConfig, 'trustProxy' | 'publicUrl'>,
): void {
  // Client address and scheme from X-Forwarded-* only when the peer is a configured proxy (TRUST_PROXY).
  app.set('trust proxy', config.trustProxy);
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    req.id = requestId(req, res);
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // Angular writes component styles into <style> tags; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'upgrade-insecure-requests': null,
        },
      },
      // Set below, only on answers served over HTTPS.
      strictTransportSecurity: false,
    }),
  );
  app.use(strictTransportSecurity);
  app.use(cookieParser());
  app.use(requireOwnOrigin(config.publicUrl));
  app.use(requireKnownBodyType);
  app.use(guard(express.json({ limit: '1mb', verify: refuseDeepJson })));
  app.use(refuseHostileValues);
  // Errors of the steps above, in the API's own shape (Nest's filter sees only what its routes throw).
  app.use((error: unknown, req: Request & { id?: string }, res: Response, next: NextFunction) => {
    if (!(error instanceof AppException)) return next(error);
    res.status(error.status).json(renderError(error, requestLocale(req), String(req.id ?? '')));
  });
}

function guard(parser: Middleware): Middleware {
  return (req, res, next) =>
    parser(req, res, (error?: unknown) => {
      if (!error) return next();
      if (error instanceof AppException) return next(error);
      const type = (error as { type?: string }).type;
      const exception =
        type === 'entity.too.large'
          ? new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', { limit: '1 MB' })
          : new AppException(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', {
              reason: type === 'entity.parse.failed' ? 'malformed JSON' : 'unreadable body',
            });
      res
        .status(exception.status)
        .json(renderError(exception, requestLocale(req), String((req as Request & { id?: string }).id ?? '')));
    });
}
