import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EMAIL_STATES,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_KINDS,
  SECURITY_CATEGORIES,
  type EmailState,
  type NotificationKind,
  type NotificationMode,
  type NotificationPage,
  type NotificationParams,
  type NotificationPreferenceView,
  type NotificationView,
  type OutboxSummary,
  type UnsubscribeView,
  type UpdateNotificationPreferencesRequest,
} from '@marsad/contracts';
import { Inject } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { AuditService, diffOf } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Notification } from './entities/notification.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import { UnsubscribeTokens } from './unsubscribe-tokens';

export interface NotifyInput {
  kind: NotificationKind;
  /** The recipients' account ids; inactive accounts are skipped. */
  userIds: readonly string[];
  params: NotificationParams;
  /** The page concerned, without the language prefix. */
  link: string | null;
  /**
   * What makes this event unique (e.g. the report id and its version); with the kind and the
   * recipient it forms the deduplication key, so a rerun or a retried request sends nothing twice.
   */
  key: string;
  /** False for e-mail-only messages. */
  inbox?: boolean;
}

/** Masks an address for people who may not see it in full (law 09-08): `r***@mef.gov.ma`. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
}

/**
 * The outbox and the inbox. `notify` is called inside the transaction of the event that causes the
 * message, so both commit together or not at all; the delivery worker sends the e-mails afterwards.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  /** Whether e-mails leave the outbox (an SMTP server is configured). */
  get mailConfigured(): boolean {
    return !!this.config.mail.smtpUrl;
  }

  /** Queues one message per recipient; returns how many were new (a repeated event adds none). */
  async notify(manager: EntityManager, input: NotifyInput): Promise<number> {
    if (input.userIds.length === 0) return 0;
    const category = NOTIFICATION_KINDS[input.kind];
    const security = SECURITY_CATEGORIES.includes(category);
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, category, params, link, dedup_key, in_inbox, email_state, digest, next_attempt_at)
       SELECT u.id, $2, $3, $4::jsonb, $5, $6 || u.id, $7,
              CASE WHEN $8 THEN 'pending'
                   WHEN p.mode = 'off' THEN 'off'
                   WHEN p.mode IN ('daily', 'weekly') THEN 'digest'
                   ELSE 'pending' END,
              CASE WHEN NOT $8 AND p.mode IN ('daily', 'weekly') THEN p.mode END,
              now()
         FROM users u
         LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.category = $3
        WHERE u.id = ANY($1::uuid[]) AND u.active
       ON CONFLICT (dedup_key) DO NOTHING
       RETURNING id`,
      [
        [...new Set(input.userIds)],
        input.kind,
        category,
        JSON.stringify(input.params),
        input.link,
        `${input.kind}:${input.key}:`.slice(0, 200),
        input.inbox ?? true,
        security,
      ],
    );
    return rows.length;
  }

  async inbox(
    caller: SignedInContext,
    query: { page: number; pageSize: number; unread?: boolean },
  ): Promise<NotificationPage> {
    const repo = this.dataSource.getRepository(Notification);
    const where = { userId: caller.actor.userId, inInbox: true };
    const qb = repo
      .createQueryBuilder('n')
      .where('n.user_id = :user AND n.in_inbox', { user: where.userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    const [[rows, total], unread] = await Promise.all([qb.getManyAndCount(), this.unreadCount(caller)]);
    return { items: rows.map(toView), total, unread: unread.unread };
  }

  async unreadCount(caller: SignedInContext): Promise<{ unread: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND in_inbox AND read_at IS NULL`,
      [caller.actor.userId],
    );
    return { unread: row.unread };
  }

  /** Marks one of the caller's own messages read; another person's is "not found". */
  async markRead(caller: SignedInContext, id: string): Promise<NotificationView> {
    const repo = this.dataSource.getRepository(Notification);
    const row = await repo.findOneBy({ id, userId: caller.actor.userId, inInbox: true });
    if (!row) throw AppException.notFound('notification', id);
    if (!row.readAt) {
      row.readAt = new Date();
      await repo.update({ id: row.id }, { readAt: row.readAt });
    }
    return toView(row);
  }

  async markAllRead(caller: SignedInContext): Promise<{ updated: number }> {
    const rows = await this.dataSource.query(
      `WITH changed AS (
         UPDATE notifications SET read_at = now() WHERE user_id = $1 AND in_inbox AND read_at IS NULL RETURNING id)
       SELECT count(*)::int AS n FROM changed`,
      [caller.actor.userId],
    );
    return { updated: rows[0].n };
  }

  async preferences(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NotificationPreferenceView[]> {
    const rows = await manager.getRepository(NotificationPreference).findBy({ userId });
    const modes = new Map(rows.map((row) => [row.category, row.mode]));
    return NOTIFICATION_CATEGORIES.map((category) => {
      const locked = SECURITY_CATEGORIES.includes(category);
      return { category, mode: locked ? 'immediate' : (modes.get(category) ?? 'immediate'), locked };
    });
  }

  updatePreferences(
    caller: SignedInContext,
    request: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferenceView[]> {
    const locked = request.preferences.findIndex(
      (p) => SECURITY_CATEGORIES.includes(p.category) && p.mode !== 'immediate',
    );
    if (locked >= 0)
      throw AppException.validation([{ field: `preferences.${locked}.mode`, rule: 'securityAlwaysSent' }]);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.preferences(caller.actor.userId, manager);
      await this.savePreferences(manager, caller.actor.userId, request.preferences);
      const after = await this.preferences(caller.actor.userId, manager);
      await this.audit.record(manager, caller, {
        action: 'notification-preferences.update',
        entityType: 'user',
        entityId: caller.actor.userId,
        diff: diffOf(modesOf(before), modesOf(after)),
      });
      return after;
    });
  }

  async unsubscribeView(token: string): Promise<UnsubscribeView> {
    const { userId, category } = await this.verified(token);
    const [user] = await this.dataSource.query(`SELECT email FROM users WHERE id = $1`, [userId]);
    if (!user) throw invalidToken();
    const mode = (await this.preferences(userId)).find((p) => p.category === category)?.mode ?? 'immediate';
    return { category, mode, email: maskEmail(user.email) };
  }

  /** One click, no sign-in: that category stops by e-mail; the others and the inbox are untouched. */
  async unsubscribe(caller: ActorContext, token: string): Promise<UnsubscribeView> {
    const { userId, category } = await this.verified(token);
    await this.dataSource.transaction(async (manager) => {
      const [user] = await manager.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      if (!user) throw invalidToken();
      const before = (await this.preferences(userId, manager)).find((p) => p.category === category)?.mode;
      if (before === 'off') return;
      await this.savePreferences(manager, userId, [{ category, mode: 'off' }]);
      // What was waiting for a digest in that category is not sent either.
      await manager.query(
        `UPDATE notifications SET email_state = 'off', digest = NULL
          WHERE user_id = $1 AND category = $2 AND email_state = 'digest'`,
        [userId, category],
      );
      await this.audit.record(manager, caller, {
        action: 'notification-preferences.unsubscribe',
        entityType: 'user',
        entityId: userId,
        diff: diffOf({ [category]: before }, { [category]: 'off' }),
      });
    });
    return this.unsubscribeView(token);
  }

  async outbox(query: { state?: EmailState; page: number; pageSize: number }): Promise<OutboxSummary> {
    const counts = Object.fromEntries(EMAIL_STATES.map((state) => [state, 0])) as Record<EmailState, number>;
    const countRows: { state: EmailState; n: number }[] = await this.dataSource.query(
      `SELECT email_state AS state, count(*)::int AS n FROM notifications GROUP BY email_state`,
    );
    for (const row of countRows) counts[row.state] = row.n;
    const rows = await this.dataSource.query(
      `SELECT n.id, n.kind, n.category, n.email_state AS state, n.attempts, n.next_attempt_at AS "nextAttemptAt",
              n.last_error AS "lastError", n.sent_at AS "sentAt", n.created_at AS "createdAt",
              u.display_name AS "displayName", u.email, u.preferred_locale AS locale
         FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.email_state NOT IN ('none', 'off', 'digested') AND ($1::text IS NULL OR n.email_state = $1)
        ORDER BY n.created_at DESC, n.id
        LIMIT $2 OFFSET $3`,
      [query.state ?? null, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const total = query.state
      ? counts[query.state]
      : Object.entries(counts)
          .filter(([state]) => !['none', 'off', 'digested'].includes(state))
          .reduce((sum, [, n]) => sum + n, 0);
    return {
      smtpConfigured: !!this.config.mail.smtpUrl,
      from: this.config.mail.from,
      counts,
      total,
      items: rows.map((row: Record<string, never>) => ({
        id: row['id'],
        kind: row['kind'],
        category: row['category'],
        recipient: { displayName: row['displayName'], email: row['email'], locale: row['locale'] },
        state: row['state'],
        attempts: row['attempts'],
        nextAttemptAt: iso(row['nextAttemptAt']),
        lastError: row['lastError'],
        sentAt: iso(row['sentAt']),
        createdAt: iso(row['createdAt']) ?? '',
      })),
    };
  }

  /** An administrator sends a failed e-mail again (its attempts start over). */
  retry(caller: SignedInContext, id: string): Promise<{ id: string; state: EmailState }> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT email_state AS state FROM notifications WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      if (!row) throw AppException.notFound('notification', id);
      if (row.state !== 'failed')
        throw new AppException(HttpStatus.CONFLICT, 'EMAIL_STATE_CONFLICT', { state: row.state });
      await manager.query(
        `UPDATE notifications SET email_state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
          WHERE id = $1`,
        [id],
      );
      await this.audit.record(manager, caller, {
        action: 'email.retry',
        entityType: 'notification',
        entityId: id,
        diff: diffOf({ state: 'failed' }, { state: 'pending' }),
      });
      return { id, state: 'pending' as const };
    });
  }

  private async savePreferences(
    manager: EntityManager,
    userId: string,
    preferences: { category: string; mode: NotificationMode }[],
  ): Promise<void> {
    if (preferences.length === 0) return;
    await manager.getRepository(NotificationPreference).upsert(
      preferences.map((p) => ({ userId, category: p.category as never, mode: p.mode })),
      ['userId', 'category'],
    );
  }

  private async verified(token: string) {
    const found = await this.tokens.verify(token);
    if (!found) throw invalidToken();
    return found;
  }
}

const invalidToken = () => AppException.validation([{ field: 'token', rule: 'unsubscribeToken' }]);

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

const modesOf = (preferences: NotificationPreferenceView[]) =>
  Object.fromEntries(preferences.map((p) => [p.category, p.mode]));

export function toView(row: Notification): NotificationView {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    category: row.category ?? 'account',
    params: row.params,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
