import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, extname, resolve, sep } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { SESSION_COOKIE } from '../../auth/sessions.service';

/** Built files whose name carries their content hash (Angular: `main-2PNQXVUB.js`, `media/font-…woff2`). */
const HASHED_NAME = /-[A-Z0-9]{6,}\.[A-Za-z0-9]+$/;

export const CACHE_CONTROL = {
  /** Hashed build files: a new build gives them a new name, so they never change. */
  immutable: 'public, max-age=31536000, immutable',
  /** index.html and i18n JSON: must match the deployed build, revalidated each time (ETag/Last-Modified → 304). */
  revalidate: 'no-cache',
  /** Other non-hashed files (favicon): harmless if a day old. */
  short: 'public, max-age=86400',
  /** API reads without a session: any cache may keep them, but revalidates (ETag → 304) before each use. */
  apiPublic: 'public, no-cache',
  /** API reads with a session cookie (may carry contacts, drafts, the CSRF token): the browser only. */
  apiPrivate: 'private, no-cache',
} as const;

/**
 * How the product travels: compressed JSON (Brotli or gzip over 1 KB), the built web app
 * from its precompressed `.br`/`.gz` files with long-lived caching of hashed files, the SPA's
 * index.html for client routes, and cache headers on API reads. Install after the request
 * pipeline (helmet's headers stay on everything) and before Nest's routes.
 */
export function installWebDelivery(
  app: NestExpressApplication,
  config: Pick<AppConfig, 'webDist' | 'env'>,
  pages?: { render(path: string): Promise<string | null> },
): void {
  app.use(compression({ filter: shouldCompress }));
  app.use(apiCacheHeaders);

  const root = resolve(config.webDist);
  if (!existsSync(root)) {
    if (config.env !== 'test')
      new Logger('Web').warn(`No web build at ${root}: serving the API only (run \`npm run build\`).`);
    return;
  }
  if (!existsSync(resolve(root, 'index.html.br')) && config.env === 'production') {
    new Logger('Web').warn(
      `No precompressed files in ${root}: JS and CSS are compressed on each request (build with \`npm run build\`).`,
    );
  }
  const serveStatic = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: 'index.html',
    serveStatic: {
      cacheControl: false,
      etag: true,
      lastModified: true,
      redirect: false,
      setHeaders: (res: ServerResponse, path: string) => res.setHeader('Cache-Control', cacheControlFor(root, path)),
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApiPath(req.path)) return next();
    serveStatic(req, res, (error?: unknown) => {
      if (error || !isSpaNavigation(req)) return next(error);
      // A client route (/ar/measures/1): the app's index.html, which routes in the browser, with the
      // page's own language, title and Open Graph tags written in (link previews run no script).
      if (pages) {
        pages.render(req.path).then((html) => {
          if (html === null) return serveIndex(req, res, next);
          res.setHeader('Cache-Control', CACHE_CONTROL.revalidate);
          res.type('html').send(html);
        }, next);
        return;
      }
      serveIndex(req, res, next);
    });
  });

  function serveIndex(req: Request, res: Response, next: NextFunction): void {
    const original = req.url;
    req.url = '/index.html';
    serveStatic(req, res, (fallbackError?: unknown) => {
      req.url = original;
      next(fallbackError);
    });
  }
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** The Cache-Control of a built file (`path` may be its `.br`/`.gz` variant). */
export function cacheControlFor(root: string, path: string): string {
  const file = path.replace(/\.(br|gz)$/, '');
  const inside = file.startsWith(root + sep)
    ? file
        .slice(root.length + 1)
        .split(sep)
        .join('/')
    : basename(file);
  if (inside === 'index.html' || inside.startsWith('i18n/')) return CACHE_CONTROL.revalidate;
  if (HASHED_NAME.test(basename(inside))) return CACHE_CONTROL.immutable;
  return CACHE_CONTROL.short;
}

/** GET/HEAD of anything that is not a file (no extension) or that a browser navigates to. */
function isSpaNavigation(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // A missing /chunk-OLD.js after a deploy must be a 404, not index.html served as script.
  return extname(req.path) === '' || String(req.headers.accept ?? '').includes('text/html');
}

/**
 * Downloads (Content-Disposition) go out as they are: their length stays known and XLSX/PDF
 * are compressed already. Server-sent events would be held back by the compressor's buffer.
 * Files already encoded (precompressed .br/.gz) are left alone by compression itself.
 */
function shouldCompress(req: Request, res: Response): boolean {
  if (res.getHeader('Content-Disposition')) return false;
  if (String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream')) return false;
  return compression.filter(req, res);
}

/**
 * API reads always revalidate: Express answers a matching If-None-Match with 304 from the
 * weak ETag it computes in res.send. What a session may see (contacts, own drafts, the CSRF
 * token) is for that browser only; anonymous reads are the same for everyone. A route may
 * still set its own Cache-Control.
 */
function apiCacheHeaders(req: Request, res: Response, next: NextFunction): void {
  if ((req.method === 'GET' || req.method === 'HEAD') && isApiPath(req.path)) {
    const signedIn = Boolean((req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]);
    res.setHeader('Cache-Control', signedIn ? CACHE_CONTROL.apiPrivate : CACHE_CONTROL.apiPublic);
    res.vary('Cookie');
  }
  next();
}
