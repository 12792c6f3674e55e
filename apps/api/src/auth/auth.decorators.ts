import { createParamDecorator, ExecutionContext, HttpStatus, SetMetadata } from '@nestjs/common';
import type { Permission } from '@marsad/contracts';
import type { Request } from 'express';
import { AppException } from '../common/errors/app-exception';
import type { ActorContext, SignedInContext } from './actor';

export const ACCESS_KEY = 'marsad:access';

/** What a route requires. Every route declares one (a test enumerates them). */
export type AccessRule = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; permission: Permission };

/** Anyone, signed in or not, may call this route. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/**
 * The caller must be signed in and, when given, hold `permission`. Institution
 * scoping (an officer only reaches their own institution's data) is checked by
 * the service that loads the data, never only here.
 */
export const Authorize = (permission?: Permission) =>
  SetMetadata(
    ACCESS_KEY,
    (permission ? { kind: 'permission', permission } : { kind: 'signed-in' }) satisfies AccessRule,
  );

export const SIGN_IN_LIMITED = 'marsad:sign-in-limited';

/** Counts against the per-IP sign-in limit (sign-in, password reset). */
export const SignInLimited = () => SetMetadata(SIGN_IN_LIMITED, true);

export const PUBLIC_FORM_LIMITED = 'marsad:public-form-limited';

/** Counts against the per-IP limit of public forms anyone may send without signing in (PUBLIC_FORM_RATE_LIMIT an hour). */
export const PublicFormLimited = () => SetMetadata(PUBLIC_FORM_LIMITED, true);

export const PUBLIC_COMMENT_LIMITED = 'marsad:public-comment-limited';

/**
 * Counts against the per-IP limit of public comments on the plan (PUBLIC_COMMENT_RATE_LIMIT a minute),
 * one counter for every route that carries it.
 */
export const PublicCommentLimited = () => SetMetadata(PUBLIC_COMMENT_LIMITED, true);

export type AuthedRequest = Request & { id?: string; actorContext?: ActorContext };

/** The caller and request metadata, as resolved by the AccessGuard. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): ActorContext => callerOf(context));

/**
 * The signed-in caller, for routes under `@Authorize(...)`. The guard has
 * already refused anonymous callers; this fails closed (401) should a route
 * ever be declared public by mistake, so services can rely on `caller.actor`.
 */
export const SignedInCaller = createParamDecorator((_: unknown, context: ExecutionContext): SignedInContext => {
  const caller = callerOf(context);
  if (!caller.actor) throw new AppException(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED');
  return caller as SignedInContext;
});

function callerOf(context: ExecutionContext): ActorContext {
  const request = context.switchToHttp().getRequest<AuthedRequest>();
  return request.actorContext ?? { actor: null, meta: { requestId: request.id ?? null, ip: null, userAgent: null } };
}
