import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppException, type RuleViolation } from '../errors/app-exception';

/** JSON nested deeper than this is refused before it is parsed (real bodies are three or four levels deep). */
export const MAX_JSON_DEPTH = 32;

/** Keys that would reach an object's prototype, refused like any unknown field. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `verify` hook of the JSON parser: refuses nesting beyond MAX_JSON_DEPTH by scanning the raw bytes. */
export function refuseDeepJson(_req: unknown, _res: unknown, raw: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i];
    if (inString) {
      if (byte === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH)
        throw new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', {}, [
          { field: 'body', rule: 'maxDepth', args: [MAX_JSON_DEPTH] },
        ]);
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
}

/** Every NUL character and prototype key in a parsed value, with its dotted path. */
function findHostile(value: unknown, path: string, found: RuleViolation[]): void {
  if (found.length >= 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ field: path, rule: 'noNulCharacter' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findHostile(item, `${path}.${index}`, found));
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) found.push({ field, rule: 'whitelistValidation' });
      else findHostile((value as Record<string, unknown>)[key], field, found);
    }
  }
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * After the body is parsed: refuses NUL characters anywhere in the path, the
 * query or the body (PostgreSQL cannot store them), and `__proto__`,
 * `constructor` or `prototype` keys, naming each field.
 */
export function refuseHostileValues(req: Request, _res: Response, next: NextFunction): void {
  const found: RuleViolation[] = [];
  const path = (req.originalUrl ?? req.url).split('?')[0];
  if (decoded(path).includes('\u0000')) found.push({ field: 'path', rule: 'noNulCharacter' });
  findHostile(req.query, '', found);
  if (req.body && typeof req.body === 'object') findHostile(req.body, '', found);
  next(found.length ? AppException.validation(found) : undefined);
}

/**
 * Request bodies the API accepts: JSON, and multipart/form-data (for the
 * routes that take a file; others refuse it in FileRoutesGuard). Anything
 * else, such as the form-encoded body a cross-site form can send, gets 415.
 */
export function requireKnownBodyType(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || !WRITE_METHODS.has(req.method) || !req.path.startsWith('/api/')) return next();
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type === 'application/json' || type === 'multipart/form-data') return next();
  next(
    new AppException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', {
      expected: 'application/json',
      received: type || '—',
    }),
  );
}

/**
 * Writes whose `Origin` is present and is not the app's own (the address it
 * was reached at, or PUBLIC_URL) are refused: a defence against cross-site
 * requests, sign-in included, on top of the CSRF token and SameSite cookies.
 */
export function requireOwnOrigin(publicUrl: string) {
  const configured = new URL(publicUrl).origin;
  return (req: Request, _res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (origin === undefined || !WRITE_METHODS.has(req.method) || !req.path.startsWith('/api/')) return next();
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    if (origin === own || origin === configured) return next();
    next(new AppException(HttpStatus.FORBIDDEN, 'ORIGIN_REJECTED', { origin: origin.slice(0, 100) }));
  };
}

/** `Strict-Transport-Security` on answers served over HTTPS (directly, or through a trusted proxy). */
export function strictTransportSecurity(req: Request, res: Response, next: NextFunction): void {
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
}
