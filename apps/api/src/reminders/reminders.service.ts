import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Cron } from 'croner';
import { DataSource } from 'typeorm';
import { ActionItemsService } from '../committee/action-items.service';
import { MOROCCO_TIME_ZONE, todayInMorocco } from '../common/time/today';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { freshnessSql, THRESHOLDS_CTE } from '../metrics/freshness.sql';
import { NotificationsService } from '../notifications/notifications.service';
import { officerAccounts } from '../notifications/recipients';
import { datasetPortalUrl } from '../portal/portal-url.util';
import { RoundsService } from '../rounds/rounds.service';

export interface ReminderRun {
  day: string;
  roundsOpened: number;
  roundsClosing: number;
  actionItems: number;
  datasets: number;
  dailyDigests: number;
  weeklyDigests: number;
}

/** Datasets listed by name in one administration's weekly message; the rest are counted. */
const DATASETS_LISTED = 20;

/** Whether a day (YYYY-MM-DD) is a Monday: weekly messages go out then. */
export const isMonday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1;

/**
 * The daily run (REMINDER_SCHEDULE, Morocco time): rounds that opened, rounds closing in 7 and
 * 1 days, action items due within 7 days or overdue, and on Mondays each administration's overdue
 * datasets; then the daily (and on Mondays weekly) digests. Every message has a deduplication key
 * derived from the event, so running it again the same day — or on two instances — sends nothing more.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RemindersService.name);
  private cron: Cron | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly rounds: RoundsService,
    private readonly actionItems: ActionItemsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env === 'test' || !this.config.mail.reminderSchedule) return;
    this.cron = new Cron(
      this.config.mail.reminderSchedule,
      { timezone: MOROCCO_TIME_ZONE, protect: true, catch: true },
      async () => {
        const run = await this.run();
        this.logger.log(run, 'Reminders prepared');
      },
    );
  }

  onApplicationShutdown(): void {
    this.cron?.stop();
    this.cron = null;
  }

  /**
   * At start-up: the reminders a stopped server missed today (idempotent). Digests wait for the
   * schedule, so a restart does not send the day's summary early.
   */
  catchUp(): void {
    if (this.config.env === 'test') return;
    this.run(new Date(), { digests: false })
      .then((run) => this.logger.log(run, 'Reminders caught up'))
      .catch((error) => this.logger.error(`reminders failed: ${(error as Error).message}`));
  }

  async run(now = new Date(), options: { digests?: boolean } = {}): Promise<ReminderRun> {
    const digests = options.digests ?? true;
    const day = todayInMorocco(now);
    const manager = this.dataSource.manager;
    const rounds: { id: string }[] = await manager.query(
      `SELECT id FROM reporting_rounds WHERE closed_at IS NULL AND opens_on <= $1 ORDER BY opens_on, id`,
      [day],
    );
    let roundsOpened = 0;
    let roundsClosing = 0;
    for (const { id } of rounds) {
      roundsOpened += await this.rounds.announceOpening(manager, id);
      roundsClosing += await this.rounds.remindClosing(manager, id, day);
    }
    const actionItems = await this.actionItems.remind(manager, day);
    const datasets = isMonday(day) ? await this.overdueDatasets(day, now) : 0;
    const dailyDigests = digests ? await this.digests('daily', day, now) : 0;
    const weeklyDigests = digests && isMonday(day) ? await this.digests('weekly', day, now) : 0;
    return { day, roundsOpened, roundsClosing, actionItems, datasets, dailyDigests, weeklyDigests };
  }

  /** Each administration with datasets overdue against their declared frequency: one message a week. */
  async overdueDatasets(day: string, now = new Date()): Promise<number> {
    const rows: {
      institutionId: string;
      name: unknown;
      code: string;
      total: number;
      datasets: { title: string; name: string }[];
    }[] = await this.dataSource.query(
      `WITH ${THRESHOLDS_CTE},
         late AS (
           SELECT i.id AS institution_id, d.title, d.name, d.last_updated_at,
                  row_number() OVER (PARTITION BY i.id ORDER BY d.last_updated_at NULLS FIRST, d.name) AS n
             FROM portal_datasets d
             JOIN institutions i ON i.portal_org_name = d.organization_name AND i.active
             LEFT JOIN freshness_thresholds ft ON ft.frequency = d.frequency
            WHERE d.deleted_at IS NULL AND ${freshnessSql('d', '$1')} IN ('overdue', 'delinquent'))
         SELECT l.institution_id AS "institutionId", i.name, i.code, count(*)::int AS total,
                json_agg(json_build_object('title', l.title, 'name', l.name) ORDER BY l.n) FILTER (WHERE l.n <= ${DATASETS_LISTED}) AS datasets
           FROM late l JOIN institutions i ON i.id = l.institution_id
          GROUP BY l.institution_id, i.name, i.code`,
      [now],
    );
    let sent = 0;
    for (const row of rows) {
      const list = row.datasets
        .map((d) => `\n• ${d.title} — ${datasetPortalUrl(this.config.portal.url, d.name)}`)
        .join('');
      sent += await this.notifications.notify(this.dataSource.manager, {
        kind: 'datasets.overdue',
        userIds: await officerAccounts(this.dataSource.manager, [row.institutionId]),
        params: {
          institution: row.name as never,
          count: row.total,
          list: row.total > row.datasets.length ? `${list}\n…` : list,
        },
        link: `/metrics/${row.code}`,
        key: `${row.institutionId}:${day}`,
      });
    }
    return sent;
  }

  /**
   * Gathers, per person, what waits for their daily (or weekly) digest into one e-mail, and marks
   * those messages carried by it. One statement: the digest and the marks commit together.
   */
  async digests(period: 'daily' | 'weekly', day: string, now = new Date()): Promise<number> {
    const rows = await this.dataSource.query(
      `WITH waiting AS (
         SELECT user_id, count(*)::int AS n FROM notifications
          WHERE email_state = 'digest' AND digest = $1 AND created_at <= $3
          GROUP BY user_id),
       digest AS (
         INSERT INTO notifications (user_id, kind, category, params, link, dedup_key, in_inbox, email_state, next_attempt_at)
         SELECT user_id, 'digest.' || $1, NULL, jsonb_build_object('count', n), '/notifications',
                'digest.' || $1 || ':' || $2 || ':' || user_id, false, 'pending', now()
           FROM waiting
         ON CONFLICT (dedup_key) DO NOTHING
         RETURNING id, user_id),
       carried AS (
         UPDATE notifications n SET email_state = 'digested', digest_id = digest.id
           FROM digest
          WHERE n.user_id = digest.user_id AND n.email_state = 'digest' AND n.digest = $1 AND n.created_at <= $3
         RETURNING digest.id)
       SELECT DISTINCT id FROM carried`,
      [period, day, now],
    );
    return (rows as { id: string }[]).length;
  }
}
