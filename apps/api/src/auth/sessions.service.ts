import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { StampedCache } from '../common/cache/stamped-cache';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Actor } from './actor';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { newToken, sha256 } from './passwords';

export const SESSION_COOKIE = 'marsad_session';

// Touching last_seen_at on every request would turn every read into a write.
const TOUCH_AFTER_MS = 60_000;

const PURGE_EVERY_MS = 3_600_000;

@Injectable()
export class SessionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private purgeTimer: NodeJS.Timeout | null = null;

  /**
   * Sessions as read, by token hash. A sign-out, a password change or a deactivation is a write
   * here (it clears the cache at once) or, on another instance, changes the stamp (sessions
   * opened or closed, accounts changed), seen within a second.
   */
  private readonly cache: StampedCache;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
  ) {
    this.cache = new StampedCache(async () => {
      const [row] = await this.sessions.manager.query(
        `SELECT (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM sessions) AS s,
                (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(sum(version), 0) FROM users) AS u,
                (SELECT coalesce(max(updated_at)::text, '') FROM institutions) AS i`,
      );
      return `${row.s}|${row.u}|${row.i}`;
    });
  }

  onApplicationBootstrap(): void {
    // Expired sessions are refused anyway; this only keeps the table small.
    this.purgeTimer = setInterval(() => void this.purgeExpired().catch(() => undefined), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }

  /** Opens a session; returns the token for the cookie (never stored in clear). */
  async open(manager: EntityManager, userId: string, ip: string | null, userAgent: string | null) {
    const token = newToken();
    const now = new Date();
    const session = await manager.getRepository(Session).save(
      manager.getRepository(Session).create({
        tokenHash: sha256(token),
        userId,
        csrfToken: newToken(),
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionMaxHours * 3_600_000),
        ip,
        userAgent: userAgent?.slice(0, 400) ?? null,
      }),
    );
    return { token, session };
  }

  /** The actor behind a session token, or null when unknown, expired, idle too long or deactivated. */
  async resolve(token: string | undefined): Promise<{ actor: Actor; session: Session } | null> {
    if (!token || token.length > 100) return null;
    // The session, its account and the account's administration in one round trip, kept while unchanged.
    const hash = sha256(token);
    const [row] = await this.cache.get(`session:${hash}`, () =>
      this.sessions.manager.query(
        `SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
              u.display_name, u.email, u.role, u.institution_id, u.active, i.code AS institution_code
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN institutions i ON i.id = u.institution_id
        WHERE s.token_hash = $1`,
        [hash],
      ),
    );
    if (!row) return null;
    const session = Object.assign(new Session(), {
      id: row.id,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: new Date(row.created_at),
      lastSeenAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at),
    });
    const now = Date.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    if (session.expiresAt.getTime() <= now || idleLimit <= now || !row.active) {
      await this.sessions.delete({ id: session.id });
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      session.lastSeenAt = new Date(now);
      row.last_seen_at = session.lastSeenAt;
      await this.sessions.update({ id: session.id }, { lastSeenAt: session.lastSeenAt });
    }
    return {
      session,
      actor: {
        userId: row.user_id,
        displayName: row.display_name,
        email: row.email,
        role: row.role,
        institutionId: row.institution_id,
        institutionCode: row.institution_code ?? null,
        sessionId: session.id,
        csrfToken: session.csrfToken,
      },
    };
  }

  /** When the session ends if the person keeps using it (the sooner of idle and absolute limits from now). */
  expiryOf(session: Session): Date {
    const idle = Date.now() + this.config.sessionIdleMinutes * 60_000;
    return new Date(Math.min(idle, session.expiresAt.getTime()));
  }

  async close(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  /** Ends every session of a user (deactivation, password change), except `keep`. */
  async closeAllFor(manager: EntityManager, userId: string, keep?: string): Promise<void> {
    const qb = manager.createQueryBuilder().delete().from(Session).where('user_id = :userId', { userId });
    if (keep) qb.andWhere('id <> :keep', { keep });
    await qb.execute();
  }

  async purgeExpired(): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
  }

  cookieOptions(secure: boolean) {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure,
      path: '/',
      maxAge: this.config.sessionMaxHours * 3_600_000,
    };
  }
}

export type { User };
