import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FEEDBACK_OPEN_DAYS,
  type FeedbackComment,
  type FeedbackFormView,
  type FeedbackLinks,
  type FeedbackRequestsResult,
  type Locale,
  type Satisfaction,
} from '@marsad/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { addDays, todayInMorocco } from '../common/time/today';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { SigningKeys } from '../settings/signing-keys';
import type { SubmitFeedbackDto } from './dto/events.dto';
import { EventFeedback } from './entities/event-feedback.entity';
import { PlanEvent } from './entities/plan-event.entity';

const KEY_SETTING = 'event_feedback_signing_key';
const TOKEN = /^([0-9a-f-]{36})\.([ap][A-Za-z0-9_-]{20,40})\.([A-Za-z0-9_-]{43})$/;

/** Comments shown to coordinators on an event's page (the newest). */
const COMMENTS_SHOWN = 200;

/** A link's event and nonce: `p<participation id>` for a participant's personal link, `a<random>` otherwise. */
interface FeedbackToken {
  eventId: string;
  nonce: string;
  personal: boolean;
}

const average = (value: string | number | null): number | null =>
  value === null ? null : Math.round(Number(value) * 10) / 10;

/** The feedback window: from the event's first day to FEEDBACK_OPEN_DAYS after its last; never for a cancelled one. */
export function feedbackWindow(event: Pick<PlanEvent, 'startsOn' | 'endsOn' | 'status'>, today = todayInMorocco()) {
  const closesOn = addDays(event.endsOn, FEEDBACK_OPEN_DAYS);
  return { closesOn, open: event.status !== 'cancelled' && event.startsOn <= today && today <= closesOn };
}

/**
 * Participants' satisfaction: anonymous answers (1–5 ratings and a comment) given through signed,
 * single-use links: a personal one per registered participant (sent to their inbox) or anonymous
 * ones a coordinator hands out. No sign-in; a link's nonce is stored with its answer, so a link
 * answers once.
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SigningKeys,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** `count` single-use anonymous links to the event's feedback form, in the caller's language. */
  async links(caller: SignedInContext, eventId: string, count: number, locale: Locale): Promise<FeedbackLinks> {
    const event = await this.event(this.dataSource.manager, eventId);
    if (event.status === 'cancelled') throw this.closed();
    const tokens = await Promise.all(
      Array.from({ length: count }, () => this.sign(eventId, `a${randomBytes(16).toString('base64url')}`)),
    );
    await this.audit.record(this.dataSource.manager, caller, {
      action: 'event.feedback-links',
      entityType: 'event',
      entityId: eventId,
      diff: { links: { before: null, after: count } },
    });
    return {
      links: tokens.map((token) => `${this.config.publicUrl}/${locale}/feedback/${token}`),
      closesOn: feedbackWindow(event).closesOn,
    };
  }

  /** Sends each registered participant who has an account their personal link (once per participation). */
  requestFromParticipants(caller: SignedInContext, eventId: string): Promise<FeedbackRequestsResult> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.event(manager, eventId);
      const window = feedbackWindow(event);
      if (!window.open) throw this.closed();
      const rows: { participant_id: string; user_id: string | null }[] = await manager.query(
        `SELECT p.id AS participant_id,
                (SELECT u.id FROM users u WHERE u.active AND lower(u.email) = lower(a.email) ORDER BY u.id LIMIT 1) AS user_id
           FROM event_participants p JOIN officer_appointments a ON a.id = p.appointment_id
          WHERE p.event_id = $1 ORDER BY p.id`,
        [eventId],
      );
      let sent = 0;
      for (const row of rows) {
        if (!row.user_id) continue;
        const token = await this.sign(eventId, `p${row.participant_id.replace(/-/g, '')}`);
        await this.notifications.notify(manager, {
          kind: 'event.feedback-request',
          userIds: [row.user_id],
          params: { event: event.title, startsOn: event.startsOn, closesOn: window.closesOn },
          link: `/feedback/${token}`,
          key: row.participant_id,
        });
        sent += 1;
      }
      await this.audit.record(manager, caller, {
        action: 'event.feedback-requests',
        entityType: 'event',
        entityId: eventId,
        diff: { sent: { before: null, after: sent } },
      });
      return { sent, withoutAccount: rows.length - sent };
    });
  }

  /** What the public form shows behind a link. */
  async form(token: string): Promise<FeedbackFormView> {
    const parsed = await this.verify(token);
    const event = await this.event(this.dataSource.manager, parsed.eventId);
    const used = await this.dataSource
      .getRepository(EventFeedback)
      .existsBy({ eventId: parsed.eventId, nonce: parsed.nonce });
    const window = feedbackWindow(event);
    return {
      event: {
        id: event.id,
        type: event.type,
        title: event.title,
        startsOn: event.startsOn,
        endsOn: event.endsOn,
        status: event.status,
      },
      used,
      open: window.open,
      closesOn: window.closesOn,
    };
  }

  /** Records an answer; a link answers once (409 FEEDBACK_LINK_USED), within the window (409 FEEDBACK_CLOSED). */
  submit(caller: ActorContext, token: string, dto: SubmitFeedbackDto): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const parsed = await this.verify(token);
      const event = await this.event(manager, parsed.eventId);
      if (!feedbackWindow(event).open) throw this.closed();
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO event_feedback (event_id, nonce, personal, overall, content, organisation, comment)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id, nonce) DO NOTHING RETURNING id`,
        [
          parsed.eventId,
          parsed.nonce,
          parsed.personal,
          dto.overall,
          dto.content ?? null,
          dto.organisation ?? null,
          dto.comment ? dto.comment : null,
        ],
      );
      if (inserted.length === 0) throw new AppException(HttpStatus.CONFLICT, 'FEEDBACK_LINK_USED');
      // The answer is anonymous: the trail keeps the ratings, not the comment nor whose link it was.
      await this.audit.record(manager, caller, {
        action: 'event.feedback',
        entityType: 'event',
        entityId: parsed.eventId,
        diff: {
          overall: { before: null, after: dto.overall },
          ...(dto.content ? { content: { before: null, after: dto.content } } : {}),
          ...(dto.organisation ? { organisation: { before: null, after: dto.organisation } } : {}),
          ...(dto.comment ? { comment: { before: null, after: '…' } } : {}),
        },
      });
    });
  }

  /** Average ratings and answers of an event. */
  async satisfaction(manager: EntityManager, eventId: string): Promise<Satisfaction> {
    const [row] = await manager.query(`${SATISFACTION_SELECT} FROM event_feedback WHERE event_id = $1`, [eventId]);
    return satisfactionOf(row);
  }

  /** The comments left with feedback, newest first (for coordinators). */
  async comments(manager: EntityManager, eventId: string): Promise<FeedbackComment[]> {
    const rows = await manager.getRepository(EventFeedback).find({
      where: { eventId },
      order: { submittedAt: 'DESC' },
      take: COMMENTS_SHOWN,
    });
    return rows
      .filter((r) => r.comment)
      .map((r) => ({ submittedAt: r.submittedAt.toISOString(), overall: r.overall, comment: r.comment as string }));
  }

  private sign(eventId: string, nonce: string): Promise<string> {
    const payload = `${eventId}.${nonce}`;
    return this.keys.mac(KEY_SETTING, payload).then((mac) => `${payload}.${mac}`);
  }

  private async verify(token: string): Promise<FeedbackToken> {
    const match = TOKEN.exec(token);
    if (!match || !(await this.keys.verify(KEY_SETTING, `${match[1]}.${match[2]}`, match[3])))
      throw AppException.notFound('feedbackLink', token.slice(0, 12));
    return { eventId: match[1], nonce: match[2], personal: match[2].startsWith('p') };
  }

  private async event(manager: EntityManager, id: string): Promise<PlanEvent> {
    const event = await manager.getRepository(PlanEvent).findOneBy({ id });
    if (!event) throw AppException.notFound('event', id);
    return event;
  }

  private closed(): AppException {
    return new AppException(HttpStatus.CONFLICT, 'FEEDBACK_CLOSED', { days: FEEDBACK_OPEN_DAYS });
  }
}

/** The aggregate columns of a set of answers (`satisfactionOf` reads them). */
export const SATISFACTION_SELECT = `SELECT count(*)::int AS responses, avg(overall) AS overall,
  avg(content) AS content, avg(organisation) AS organisation`;

export function satisfactionOf(
  row: { responses: number; overall: string | null; content: string | null; organisation: string | null } | undefined,
): Satisfaction {
  return {
    responses: row?.responses ?? 0,
    overall: average(row?.overall ?? null),
    content: average(row?.content ?? null),
    organisation: average(row?.organisation ?? null),
  };
}
