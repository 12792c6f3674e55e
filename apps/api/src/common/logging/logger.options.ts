import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuses a well-formed X-Request-Id from a proxy, else makes one; returns it in the response. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Structured logs: JSON in production, readable lines otherwise; every request line carries its id. */
export function loggerOptions(config: Pick<AppConfig, 'env' | 'logLevel'>): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      // The request pipeline has already given the request its id.
      genReqId: (request, response) =>
        (request as IncomingMessage & { id?: string }).id ?? requestId(request, response),
      customAttributeKeys: { reqId: 'requestId' },
      // Secrets never reach the log: cookies, tokens, and the parameters of a failed SQL statement (a password hash, say).
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'err.parameters',
        'err.driverError',
        'err.query',
      ],
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      transport:
        config.env === 'production'
          ? undefined
          : {
              target: 'pino-pretty',
              options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
            },
    },
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    // Log lines written outside a request (start-up, jobs) have no request id; that is expected.
    renameContext: 'context',
  };
}
