import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission } from '@marsad/contracts';
import { timingSafeEqual } from 'node:crypto';
import { AppException } from '../common/errors/app-exception';
import { ACCESS_KEY, type AccessRule, type AuthedRequest } from './auth.decorators';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate every API route passes. It resolves the session cookie, then
 * applies the route's declared rule: public, signed in, or a permission. Writes
 * by a signed-in browser must echo the session's CSRF token in X-CSRF-Token.
 * A route that declares nothing is refused (and a test fails on it).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const resolved = await this.sessions.resolve(request.cookies?.[SESSION_COOKIE]);
    request.actorContext = {
      actor: resolved?.actor ?? null,
      meta: {
        requestId: request.id ?? null,
        ip: request.ip ?? null,
        userAgent: (request.headers['user-agent'] as string | undefined) ?? null,
      },
    };
    if (!rule) throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'undeclared' });
    if (rule.kind === 'public') return true;

    const actor = resolved?.actor;
    if (!actor) throw new AppException(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers['x-csrf-token'], actor.csrfToken)) {
      throw new AppException(HttpStatus.FORBIDDEN, 'CSRF_REJECTED');
    }
    if (rule.kind === 'permission' && !hasPermission(actor.role, rule.permission)) {
      throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: rule.permission });
    }
    return true;
  }
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
