import type { Role } from '@marsad/contracts';

/** Who is making a request, as the services and the audit trail need it. */
export interface Actor {
  userId: string;
  displayName: string;
  email: string;
  role: Role;
  institutionId: string | null;
  institutionCode: string | null;
  sessionId: string;
  csrfToken: string;
}

/** Where a request came from, recorded with every audit event. */
export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface ActorContext {
  actor: Actor | null;
  meta: RequestMeta;
}

/** A request's context once the caller is known to be signed in (see `@SignedInCaller()`). */
export type SignedInContext = ActorContext & { actor: Actor };
