import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLE_PERMISSIONS, type ResetLinkView, type SessionUser, type SessionView } from '@marsad/contracts';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { toInstitutionRef } from '../institutions/institutions.service';
import type { RequestMeta, SignedInContext } from './actor';
import { PasswordResetToken } from './entities/password-reset-token.entity';
import type { Session } from './entities/session.entity';
import { SignInAttempt } from './entities/sign-in-attempt.entity';
import { User } from './entities/user.entity';
import { hashPassword, newToken, passwordViolations, sha256, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { NotificationsService } from '../notifications/notifications.service';

/** Consecutive failures before an account name is locked, and the lock's backoff. */
export const LOCK_AFTER_FAILURES = 5;
const LOCK_BASE_MINUTES = 1;
const LOCK_MAX_MINUTES = 60;
const RESET_LINK_HOURS = 48;

export function lockMinutes(failures: number): number {
  return Math.min(LOCK_MAX_MINUTES, LOCK_BASE_MINUTES * 2 ** (failures - LOCK_AFTER_FAILURES));
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Checks an email and password. Unknown email and wrong password get the same
   * answer, equally slow; failures count per account name, known or not, and
   * lock it with a doubling backoff.
   */
  async signIn(email: string, password: string, meta: RequestMeta): Promise<{ token: string; view: SessionView }> {
    const normalized = email.trim().toLowerCase();
    const emailKey = sha256(normalized);
    const attempts = this.dataSource.getRepository(SignInAttempt);
    const attempt = await attempts.findOneBy({ emailKey });
    if (attempt?.lockedUntil && attempt.lockedUntil.getTime() > Date.now()) {
      throw this.locked(attempt.lockedUntil);
    }
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.institution', 'institution')
      .where('u.email = :email', { email: normalized })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!ok || !user || !user.active) {
      const failures = (attempt?.failures ?? 0) + 1;
      const lockedUntil =
        failures >= LOCK_AFTER_FAILURES ? new Date(Date.now() + lockMinutes(failures) * 60_000) : null;
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(SignInAttempt).upsert({ emailKey, failures, lockedUntil }, ['emailKey']);
        // The account's owner learns it was locked (someone may be guessing their password).
        if (lockedUntil && user?.active)
          await this.notifications.notify(manager, {
            kind: 'account.locked',
            userIds: [user.id],
            params: { lockedUntil: lockedUntil.toISOString() },
            link: '/account/password',
            key: lockedUntil.toISOString(),
          });
      });
      this.logger.warn({ requestId: meta.requestId, ip: meta.ip, failures }, 'Sign-in refused');
      if (lockedUntil) throw this.locked(lockedUntil);
      throw new AppException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS');
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(SignInAttempt).delete({ emailKey });
      await manager.getRepository(User).update({ id: user.id }, { lastSignInAt: new Date() });
      const { token, session } = await this.sessions.open(manager, user.id, meta.ip, meta.userAgent);
      this.logger.log({ requestId: meta.requestId, userId: user.id }, 'Signed in');
      return { token, view: this.view(user, session) };
    });
  }

  view(user: User, session: Session): SessionView {
    return {
      user: sessionUser(user),
      csrfToken: session.csrfToken,
      expiresAt: this.sessions.expiryOf(session).toISOString(),
    };
  }

  async changePassword(caller: SignedInContext, currentPassword: string, newPassword: string): Promise<void> {
    const { actor } = caller;
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.userId })
      .getOneOrFail();
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw AppException.validation([{ field: 'currentPassword', rule: 'wrongPassword' }]);
    }
    const violations = passwordViolations(newPassword, user.email);
    if (violations.length) throw AppException.validation(violations);
    const hash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { passwordHash: hash, passwordChangedAt: new Date() });
      // Other browsers signed in as this person are signed out.
      await this.sessions.closeAllFor(manager, user.id, actor.sessionId);
      await this.passwordChanged(manager, user.id);
      await this.audit.record(manager, caller, {
        action: 'user.password-change',
        entityType: 'user',
        entityId: user.id,
        diff: { password: { before: '[hidden]', after: '[changed]' } },
      });
    });
  }

  /** A one-time link to set a password, valid 48 hours; earlier unused links stop working. */
  async issueResetLink(manager: EntityManager, userId: string, createdBy: string | null): Promise<ResetLinkView> {
    const repo = manager.getRepository(PasswordResetToken);
    await repo.update({ userId, usedAt: IsNull() }, { usedAt: new Date() });
    const token = newToken();
    const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3_600_000);
    await repo.insert({ tokenHash: sha256(token), userId, expiresAt, createdBy });
    const user = await manager.getRepository(User).findOneByOrFail({ id: userId });
    return {
      url: `${this.config.publicUrl}/${user.preferredLocale}/reset-password?token=${encodeURIComponent(token)}`,
      expiresAt: expiresAt.toISOString(),
    };
  }

  async resetPassword(token: string, newPassword: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(PasswordResetToken).findOne({
        where: { tokenHash: sha256(token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row)
        throw new AppException(HttpStatus.BAD_REQUEST, 'RESET_LINK_INVALID', {}, [
          { field: 'token', rule: 'validResetLink' },
        ]);
      const user = await manager.getRepository(User).findOneByOrFail({ id: row.userId });
      const violations = passwordViolations(newPassword, user.email);
      if (violations.length) throw AppException.validation(violations);
      await manager.getRepository(PasswordResetToken).update({ id: row.id }, { usedAt: new Date() });
      await manager
        .getRepository(User)
        .update({ id: user.id }, { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date() });
      await manager.getRepository(SignInAttempt).delete({ emailKey: sha256(user.email) });
      await this.sessions.closeAllFor(manager, user.id);
      // Setting the first password (an invitation) is not a change worth an alert.
      if (user.passwordChangedAt) await this.passwordChanged(manager, user.id);
      await this.audit.record(
        manager,
        { actor: null, meta },
        {
          action: 'user.password-reset',
          entityType: 'user',
          entityId: user.id,
          diff: { password: { before: '[hidden]', after: '[set through a reset link]' } },
        },
      );
    });
  }

  /** OWASP ASVS 2.2.3: the person is told their password changed, so a takeover does not go unseen. */
  private async passwordChanged(manager: EntityManager, userId: string): Promise<void> {
    const at = new Date().toISOString();
    await this.notifications.notify(manager, {
      kind: 'account.password-changed',
      userIds: [userId],
      params: { changedAt: at },
      link: '/account/password',
      key: at,
    });
  }

  private locked(until: Date): AppException {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new AppException(HttpStatus.TOO_MANY_REQUESTS, 'ACCOUNT_LOCKED', {
      minutes: Math.ceil(seconds / 60),
      retryAfter: seconds,
    });
  }
}

export function sessionUser(user: User): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    institution: user.institution ? toInstitutionRef(user.institution) : null,
    preferredLocale: user.preferredLocale,
    permissions: [...ROLE_PERMISSIONS[user.role]],
  };
}
