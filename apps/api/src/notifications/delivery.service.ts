import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MAIL_DELIVERY,
  SECRET_LINK_KINDS,
  SECURITY_CATEGORIES,
  type DigestKind,
  type Locale,
  type NotificationCategory,
  type NotificationKind,
  type NotificationParams,
} from '@marsad/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailRejected, MailTransport, type OutgoingMail } from './mail-transport';
import { renderDigest, renderMail, type MailContext } from './notification-templates';
import { maskEmail } from './notifications.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

interface Claimed {
  id: string;
  kind: NotificationKind | DigestKind;
  category: NotificationCategory | null;
  params: NotificationParams;
  link: string | null;
  attempts: number;
  dedupKey: string;
  email: string;
  name: string;
  locale: Locale;
  userId: string;
}

export interface DeliveryResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** The wait before attempt n+1: 30 s, 1 min, 2 min… doubling up to 6 h, with ±20 % jitter. */
export function backoffSeconds(attempts: number, random = Math.random()): number {
  const base = Math.min(
    MAIL_DELIVERY.baseBackoffSeconds * 2 ** Math.max(0, attempts - 1),
    MAIL_DELIVERY.maxBackoffSeconds,
  );
  return Math.round(base * (0.8 + 0.4 * random));
}

/**
 * Sends the outbox's e-mails: claims a batch (`FOR UPDATE SKIP LOCKED`, so several API instances
 * never take the same message), leases it, sends, and records each outcome as it comes. A message whose
 * instance died while sending is taken over once its lease has run out; a failure is retried with
 * exponential backoff, and after MAIL_DELIVERY.maxAttempts it is marked failed for an administrator.
 */
@Injectable()
export class DeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transport: MailTransport,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env === 'test' || !this.transport.configured) return;
    this.schedule(1000);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error) => this.logger.error(`delivery failed: ${(error as Error).message}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.config.mail.pollMs);
        });
    }, ms);
  }

  /** Delivers batches until nothing more is due. */
  async drain(now: () => Date = () => new Date(), batch = 200): Promise<DeliveryResult> {
    const total: DeliveryResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const result = await this.deliverDue(now(), batch);
      for (const key of Object.keys(total) as (keyof DeliveryResult)[]) total[key] += result[key];
      if (result.claimed < batch || this.stopped) return total;
    }
  }

  /** One batch: what is due at `now`. */
  async deliverDue(now: Date, batch = 200): Promise<DeliveryResult> {
    if (!this.transport.configured) return { claimed: 0, sent: 0, retried: 0, failed: 0 };
    const claimed = await this.claim(now, batch);
    if (claimed.length === 0) return { claimed: 0, sent: 0, retried: 0, failed: 0 };
    // Each message is marked sent as soon as the SMTP server took it, not with the batch: a crash
    // in between re-sends that one message alone (with the same Message-ID), not the batch.
    const outcomes = await Promise.all(
      claimed.map(async (row) => {
        try {
          await this.transport.send(await this.compose(row));
        } catch (error) {
          const e = error instanceof MailRejected ? error : new MailRejected((error as Error).message, false);
          return { row, error: e };
        }
        await this.markSent(row.id, now);
        return { row, error: null };
      }),
    );
    const sent = outcomes.filter((o) => !o.error).length;
    let retried = 0;
    let failed = 0;
    for (const { row, error } of outcomes) {
      if (!error) continue;
      const final = error.permanent || row.attempts >= MAIL_DELIVERY.maxAttempts;
      if (final) failed += 1;
      else retried += 1;
      await this.dataSource.query(
        `UPDATE notifications
            SET email_state = $2::varchar, lease_until = NULL, last_error = $3,
                next_attempt_at = CASE WHEN $2::varchar = 'pending' THEN $4::timestamptz ELSE next_attempt_at END
          WHERE id = $1 AND email_state = 'sending'`,
        [
          row.id,
          final ? 'failed' : 'pending',
          error.message.slice(0, 500),
          new Date(now.getTime() + backoffSeconds(row.attempts) * 1000),
        ],
      );
      this.logger.warn(
        // SMTP replies often quote the address: masked in the logs (law 09-08).
        `e-mail ${row.id} (${row.kind}) ${final ? 'failed' : 'will be retried'} after attempt ${row.attempts}: ${error.message.replace(/[^\s<>@"']+@[^\s<>"']+/g, (address) => maskEmail(address))}`,
      );
    }
    return { claimed: claimed.length, sent, retried, failed };
  }

  private async markSent(id: string, now: Date): Promise<void> {
    // An invitation's link sets a password: it is not kept once delivered.
    await this.dataSource.query(
      `UPDATE notifications
          SET email_state = 'sent', sent_at = $2, lease_until = NULL, last_error = NULL,
              link = CASE WHEN kind = ANY($3::text[]) THEN NULL ELSE link END
        WHERE id = $1 AND email_state = 'sending'`,
      [id, now, SECRET_LINK_KINDS],
    );
  }

  /** Takes a batch and leases it, committed at once: another instance skips it while the lease runs. */
  async claim(now: Date, batch: number): Promise<Claimed[]> {
    return this.dataSource.query(
      // A SELECT around the UPDATE, so the driver answers with the rows alone.
      `WITH due AS (
         SELECT id FROM notifications
          WHERE (email_state = 'pending' AND next_attempt_at <= $1)
             OR (email_state = 'sending' AND lease_until < $1)
          ORDER BY next_attempt_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE notifications n
            SET email_state = 'sending', lease_until = $1::timestamptz + make_interval(secs => $3), attempts = n.attempts + 1
           FROM due, users u
          WHERE n.id = due.id AND u.id = n.user_id
         RETURNING n.id, n.kind, n.category, n.params, n.link, n.attempts, n.dedup_key AS "dedupKey",
                   u.email, u.display_name AS name, u.preferred_locale AS locale, u.id AS "userId")
       SELECT * FROM claimed`,
      [now, batch, MAIL_DELIVERY.leaseSeconds],
    );
  }

  private async compose(row: Claimed): Promise<OutgoingMail> {
    const base = this.config.publicUrl;
    const security = !!row.category && SECURITY_CATEGORIES.includes(row.category);
    const unsubscribeUrl =
      row.category && !security
        ? `${base}/${row.locale}/unsubscribe?token=${encodeURIComponent(await this.tokens.sign(row.userId, row.category))}`
        : null;
    const context: MailContext = {
      locale: row.locale,
      recipientName: row.name,
      url: row.link ? `${base}/${row.locale}${row.link}` : null,
      unsubscribeUrl,
      category: row.category,
      preferencesUrl: `${base}/${row.locale}/notifications/preferences`,
    };
    const rendered =
      row.kind === 'digest.daily' || row.kind === 'digest.weekly'
        ? renderDigest(row.kind, await this.digestEntries(row), {
            ...context,
            url: `${base}/${row.locale}/notifications`,
          })
        : renderMail(row.kind, row.params, context);
    const headers: Record<string, string> = { 'X-Marsad-Notification': row.id };
    if (unsubscribeUrl) {
      // RFC 8058 one-click: mail clients POST to the API address; the page address is for people.
      const token = unsubscribeUrl.slice(unsubscribeUrl.indexOf('token=') + 6);
      headers['List-Unsubscribe'] = `<${base}/api/v1/notifications/unsubscribe?token=${token}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    return {
      to: row.email,
      locale: row.locale,
      ...rendered,
      // The same message always has the same Message-ID, so a mail system can drop a resent copy.
      messageId: `<${createHash('sha256').update(row.dedupKey).digest('hex').slice(0, 32)}@marsad>`,
      headers,
    };
  }

  private async digestEntries(row: Claimed) {
    const base = this.config.publicUrl;
    const entries: { kind: NotificationKind; params: NotificationParams; link: string | null }[] =
      await this.dataSource.query(
        `SELECT kind, params, link FROM notifications WHERE digest_id = $1 ORDER BY created_at, id`,
        [row.id],
      );
    return entries.map((e) => ({ ...e, url: e.link ? `${base}/${row.locale}${e.link}` : null }));
  }
}
