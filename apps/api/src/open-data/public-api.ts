import { Injectable, RequestMethod, type ExecutionContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { NextFunction, Request, Response } from 'express';
import { ACCESS_KEY, type AccessRule } from '../auth/auth.decorators';
import { SESSION_COOKIE, SessionsService } from '../auth/sessions.service';
import { isApiPath } from '../common/http/web-delivery';
import { HealthController } from '../health/health.controller';

/**
 * The public read API: anyone may read what is declared @Public() with GET (and HEAD), from any
 * site (CORS `Access-Control-Allow-Origin: *`, never with credentials), within a per-IP limit
 * announced in the IETF draft's `RateLimit-*` headers. Answers carry weak ETags (Express's, or
 * JsonBody's) and revalidate (see web-delivery.ts), so a client's If-None-Match gets a 304.
 */

/** The named throttler of anonymous reads (app.module.ts): PUBLIC_READ_RATE_LIMIT per client IP per minute. */
export const PUBLIC_READS = 'public-reads';
export const PUBLIC_READS_TTL_MS = 60_000;

const SIGNED_IN = Symbol('marsad:signed-in');
type ReadRequest = Request & { [SIGNED_IN]?: boolean };

/**
 * Whether the 'public-reads' throttler counts this request: a GET or HEAD by a caller without a
 * valid session (the guard below resolves it first; a request it did not see is counted). The
 * health check, polled by load balancers and monitors, is left alone.
 */
export function isAnonymousRead(context: ExecutionContext): boolean {
  const request = context.switchToHttp().getRequest<ReadRequest>();
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (context.getClass() === HealthController) return false;
  return request[SIGNED_IN] !== true;
}

/** One counter per client IP for the whole API (the default key is per route). */
export const perClientKey = (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`;

/** The throttler's header names for 'public-reads', as the IETF draft spells them. */
const RATE_LIMIT_HEADERS: Record<string, string> = {
  [`X-RateLimit-Limit-${PUBLIC_READS}`]: 'RateLimit-Limit',
  [`X-RateLimit-Remaining-${PUBLIC_READS}`]: 'RateLimit-Remaining',
  [`X-RateLimit-Reset-${PUBLIC_READS}`]: 'RateLimit-Reset',
  [`Retry-After-${PUBLIC_READS}`]: 'Retry-After',
};

/**
 * Nest's ThrottlerGuard, which also knows whether a read is anonymous (a session cookie alone
 * is not enough: an invented one would escape the limit) and names the public-reads headers
 * `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and `Retry-After`.
 */
@Injectable()
export class MarsadThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<ReadRequest>();
      if (request.method === 'GET' || request.method === 'HEAD') {
        const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
        request[SIGNED_IN] = token ? (await this.sessions.resolve(token)) !== null : false;
      }
    }
    return super.canActivate(context);
  }

  protected override setResponseHeader(res: Record<string, unknown>, name: string, value: string | number): void {
    super.setResponseHeader(res, RATE_LIMIT_HEADERS[name] ?? name, value);
    if (name === `X-RateLimit-Limit-${PUBLIC_READS}`)
      super.setResponseHeader(res, 'RateLimit-Policy', `${value};w=${PUBLIC_READS_TTL_MS / 1000}`);
  }
}

/** The API's GET routes as path patterns, split by whether they are declared @Public(). */
export interface ReadRoutes {
  public: RegExp[];
  other: RegExp[];
}

/** A route's path (`/api/v1/plans/:code`) as a pattern matching its requests, like Express (any case, a trailing slash). */
export function routePattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`, 'i');
}

/** Every GET route Nest registered, read from the controllers' metadata (as apps/api/src/testing/routes.ts). */
export function readRoutes(app: NestExpressApplication): ReadRoutes {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: ReadRoutes = { public: [], other: [] };
  for (const { instance, metatype } of discovery.getControllers()) {
    if (!instance || !metatype) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const version = Reflect.getMetadata('__version__', metatype);
    const base = typeof version === 'string' ? `/api/v${version}` : '/api';
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined || Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) continue;
      const full = `${base}/${[prefix, String(path)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      const rule: AccessRule | undefined =
        Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, metatype);
      (rule?.kind === 'public' ? routes.public : routes.other).push(routePattern(full));
    }
  }
  return routes;
}

/** A path that only a public GET route answers (one that a non-public route could also answer is not). */
export function isPublicRead(routes: ReadRoutes, path: string): boolean {
  return routes.public.some((p) => p.test(path)) && !routes.other.some((p) => p.test(path));
}

/** Headers a cross-site script may read from a public answer. */
const EXPOSED = [
  'ETag',
  'Content-Disposition',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Retry-After',
  'X-Request-Id',
].join(', ');
/** Headers a cross-site reader may send (beyond the CORS-safelisted ones). */
const ALLOWED_HEADERS = 'Accept, Accept-Language, If-None-Match, If-Modified-Since';

/**
 * CORS for the public read API: `Access-Control-Allow-Origin: *` on GET and HEAD answers of routes
 * declared @Public() (errors included, so a 404 or 429 can be read), and 204 to their preflight
 * (OPTIONS asking for GET or HEAD). Never on other routes, never with Allow-Credentials, and not
 * on a request that carries the session cookie: a signed-in answer stays the browser's own.
 * Install before Nest's routes; the route table is read at the first request, once all are registered.
 */
export function installPublicCors(app: NestExpressApplication): void {
  let routes: ReadRoutes | null = null;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isApiPath(req.path)) return next();
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!preflight && req.method !== 'GET' && req.method !== 'HEAD') return next();
    routes ??= readRoutes(app);
    if (!isPublicRead(routes, req.path)) return next();
    if (preflight) {
      const asked = String(req.headers['access-control-request-method']).toUpperCase();
      if (asked !== 'GET' && asked !== 'HEAD') return next();
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    if ((req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]) return next();
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    // Helmet's same-origin default would stop other sites from embedding the open data.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
}
