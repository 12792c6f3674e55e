import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Permission,
  hasPermission,
  isInstitutionScoped,
  type PartialLocalizedText,
  type PlanCommentPage,
  type PlanCommentStatus,
  type PlanCommentTarget,
  type PlanCommentTargetRef,
  type PlanCommentView,
  type PostPlanCommentResult,
} from '@marsad/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Actor, ActorContext, SignedInContext } from '../auth/actor';
import { AuditService, diffOf } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { Institution } from '../institutions/entities/institution.entity';
import { toInstitutionRef } from '../institutions/institutions.service';
import { NotificationsService } from '../notifications/notifications.service';
import { officerAccounts } from '../notifications/recipients';
import { Activity } from '../plan/entities/activity.entity';
import { Measure } from '../plan/entities/measure.entity';
import { COORDINATOR_CODE } from '../seed/reference-seed.service';
import type {
  AnswerPlanCommentDto,
  ModeratePlanCommentDto,
  PlanCommentPageDto,
  PlanCommentQueryDto,
  PostPlanCommentDto,
} from './dto/comments.dto';
import { PlanComment } from './entities/plan-comment.entity';

/** What a comment is about, in the lead administration's message (rendered in each reader's language). */
const TARGET_NAMES: Record<PlanCommentTarget, (code: string) => PartialLocalizedText> = {
  activity: (code) => ({ ar: `النشاط ${code}`, fr: `l’activité ${code}`, en: `activity ${code}` }),
  measure: (code) => ({ ar: `الإجراء ${code}`, fr: `la mesure ${code}`, en: `measure ${code}` }),
};

/** The relations a comment's view reads. */
const VIEW_RELATIONS = {
  activity: { leadInstitution: true },
  measure: { leadInstitution: true },
  answerInstitution: true,
} as const;

const mayModerate = (actor: Actor | null) => !!actor && hasPermission(actor.role, Permission.CommentModerate);

/** A measure or an activity, with what comments need of it. */
interface Target {
  type: PlanCommentTarget;
  id: string;
  code: string;
  leadInstitutionId: string | null;
  title: PartialLocalizedText;
}

/**
 * Public feedback on the plan (e-participation): anyone comments on a measure or an activity (no
 * sign-in, no e-mail); ADD's coordinators publish or reject each comment; the lead administration's
 * officers (or a coordinator) answer officially. Law 09-08: the author's IP address is never stored
 * (the per-IP limit lives in the throttler's memory), and comments' texts are never logged.
 */
@Injectable()
export class CommentsService {
  private readonly logger = new Logger(CommentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A comment from anyone: stored as pending, out of sight until a coordinator publishes it. */
  async post(
    caller: ActorContext,
    type: PlanCommentTarget,
    targetId: string,
    dto: PostPlanCommentDto,
  ): Promise<PostPlanCommentResult> {
    // The honeypot: the same answer, nothing stored, so a robot learns nothing.
    if (dto.website?.trim()) {
      this.logger.log(`Plan comment dropped: the honeypot was filled (request ${caller.meta.requestId ?? '-'})`);
      return { id: randomUUID(), status: 'pending' };
    }
    return this.dataSource.transaction(async (manager) => {
      await this.target(manager, type, targetId);
      const repo = manager.getRepository(PlanComment);
      const comment = await repo.save(
        repo.create({
          activityId: type === 'activity' ? targetId : null,
          measureId: type === 'measure' ? targetId : null,
          body: dto.body,
          authorName: dto.name ?? null,
          status: 'pending',
        }),
      );
      return { id: comment.id, status: 'pending' };
    });
  }

  /** The published comments of a measure or an activity, newest first (404 for one that does not exist). */
  async listPublished(type: PlanCommentTarget, targetId: string, query: PlanCommentPageDto): Promise<PlanCommentPage> {
    const manager = this.dataSource.manager;
    await this.target(manager, type, targetId);
    const where: FindOptionsWhere<PlanComment> =
      type === 'activity'
        ? { activityId: targetId, status: 'published' }
        : { measureId: targetId, status: 'published' };
    return this.page(manager, where, { publishedAt: 'DESC', id: 'ASC' }, query, null);
  }

  /** The moderation queue: one status (pending by default); pending ones oldest first, others newest first. */
  listForModeration(query: PlanCommentQueryDto, reader: Actor): Promise<PlanCommentPage> {
    const status: PlanCommentStatus = query.status ?? 'pending';
    const order =
      status === 'pending'
        ? ({ createdAt: 'ASC', id: 'ASC' } as const)
        : status === 'published'
          ? ({ publishedAt: 'DESC', id: 'ASC' } as const)
          : ({ updatedAt: 'DESC', id: 'ASC' } as const);
    return this.page(this.dataSource.manager, { status }, order, query, reader);
  }

  /** A coordinator publishes a comment, or rejects it with a reason; the lead administration is told of a publication. */
  moderate(caller: SignedInContext, id: string, dto: ModeratePlanCommentDto): Promise<PlanCommentView> {
    const reason = dto.rejectReason?.trim() || null;
    if (dto.status === 'rejected' && !reason)
      throw AppException.validation([{ field: 'rejectReason', rule: 'isDefined' }]);
    return this.dataSource.transaction(async (manager) => {
      const comment = await this.lock(manager, id, dto.version, caller.actor);
      const before = audited(comment);
      const wasPublished = comment.publishedAt !== null;
      Object.assign(comment, {
        status: dto.status,
        rejectReason: dto.status === 'rejected' ? reason : null,
        publishedAt: dto.status === 'published' ? (comment.publishedAt ?? new Date()) : comment.publishedAt,
      });
      const diff = diffOf(before, audited(comment));
      if (Object.keys(diff).length === 0) return this.view(manager, id, caller.actor);
      await manager.save(comment);
      await this.audit.record(manager, caller, {
        action: dto.status === 'published' ? 'comment.publish' : 'comment.reject',
        entityType: 'plan_comment',
        entityId: id,
        diff,
      });
      if (dto.status === 'published' && !wasPublished) {
        const target = await this.target(manager, comment.activityId ? 'activity' : 'measure', targetIdOf(comment));
        if (target.leadInstitutionId)
          await this.notifications.notify(manager, {
            kind: 'plan-comment.published',
            userIds: await officerAccounts(manager, [target.leadInstitutionId]),
            params: { target: TARGET_NAMES[target.type](target.code), title: target.title },
            link: `/${target.type === 'activity' ? 'activities' : 'measures'}/${target.id}#comment-${id}`,
            key: id,
          });
      }
      return this.view(manager, id, caller.actor);
    });
  }

  /**
   * The official answer to a published comment: by an officer or data manager of the lead administration
   * (speaking for it), or by a coordinator (speaking for ADD). Answering again replaces the answer.
   */
  answer(caller: SignedInContext, id: string, dto: AnswerPlanCommentDto): Promise<PlanCommentView> {
    return this.dataSource.transaction(async (manager) => {
      const comment = await manager
        .getRepository(PlanComment)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      // Only coordinators know of comments not published.
      if (!comment || (comment.status !== 'published' && !mayModerate(caller.actor)))
        throw AppException.notFound('planComment', id);
      const target = await this.target(manager, comment.activityId ? 'activity' : 'measure', targetIdOf(comment));
      const speaksFor = await this.answeringInstitution(manager, caller.actor, target);
      if (comment.version !== dto.version)
        throw AppException.versionConflict('planComment', dto.version, await this.view(manager, id, caller.actor));
      if (comment.status !== 'published')
        throw AppException.validation([{ field: 'status', rule: 'commentNotPublished', args: [comment.status] }]);
      const previous = comment.answerInstitutionId
        ? await manager.getRepository(Institution).findOneBy({ id: comment.answerInstitutionId })
        : null;
      const before = { answer: comment.answerBody, answeredFor: previous?.code ?? null };
      Object.assign(comment, {
        answerBody: dto.body,
        answerInstitutionId: speaksFor?.id ?? null,
        answeredAt: new Date(),
      });
      await manager.save(comment);
      await this.audit.record(manager, caller, {
        action: 'comment.answer',
        entityType: 'plan_comment',
        entityId: id,
        diff: diffOf(before, { answer: comment.answerBody, answeredFor: speaksFor?.code ?? null }),
      });
      return this.view(manager, id, caller.actor);
    });
  }

  /** The administration an answer speaks for; 403 for anyone who may not answer this comment. */
  private async answeringInstitution(
    manager: EntityManager,
    actor: Actor,
    target: Target,
  ): Promise<Institution | null> {
    if (actor.role === 'COORDINATOR') return manager.getRepository(Institution).findOneBy({ code: COORDINATOR_CODE });
    if (isInstitutionScoped(actor.role) && actor.institutionId && actor.institutionId === target.leadInstitutionId)
      return manager.getRepository(Institution).findOneBy({ id: actor.institutionId });
    throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN');
  }

  /** The measure or activity commented on; 404 when there is none. */
  private async target(manager: EntityManager, type: PlanCommentTarget, id: string): Promise<Target> {
    if (type === 'activity') {
      const activity = await manager.getRepository(Activity).findOneBy({ id });
      if (!activity) throw AppException.notFound('activity', id);
      return {
        type,
        id,
        code: activity.code,
        leadInstitutionId: activity.leadInstitutionId,
        title: activity.title,
      };
    }
    const measure = await manager.getRepository(Measure).findOneBy({ id });
    if (!measure) throw AppException.notFound('measure', id);
    return {
      type,
      id,
      code: String(measure.number),
      leadInstitutionId: measure.leadInstitutionId,
      title: measure.title,
    };
  }

  /** The comment locked for a change, at the version the caller read (409 with the current view otherwise). */
  private async lock(manager: EntityManager, id: string, version: number, reader: Actor): Promise<PlanComment> {
    const comment = await manager
      .getRepository(PlanComment)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!comment) throw AppException.notFound('planComment', id);
    if (comment.version !== version)
      throw AppException.versionConflict('planComment', version, await this.view(manager, id, reader));
    return comment;
  }

  private async page(
    manager: EntityManager,
    where: FindOptionsWhere<PlanComment>,
    order: Partial<Record<'createdAt' | 'publishedAt' | 'updatedAt' | 'id', 'ASC' | 'DESC'>>,
    query: PlanCommentPageDto,
    reader: Actor | null,
  ): Promise<PlanCommentPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await manager.getRepository(PlanComment).findAndCount({
      where,
      relations: VIEW_RELATIONS,
      order,
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map((row) => toView(row, reader)), total, page, pageSize };
  }

  private async view(manager: EntityManager, id: string, reader: Actor | null): Promise<PlanCommentView> {
    const comment = await manager.getRepository(PlanComment).findOne({ where: { id }, relations: VIEW_RELATIONS });
    if (!comment) throw AppException.notFound('planComment', id);
    return toView(comment, reader);
  }
}

const targetIdOf = (comment: PlanComment): string => (comment.activityId ?? comment.measureId) as string;

function targetRef(comment: PlanComment): PlanCommentTargetRef {
  if (comment.activity) {
    const lead = comment.activity.leadInstitution;
    return {
      type: 'activity',
      id: comment.activity.id,
      code: comment.activity.code,
      title: comment.activity.title,
      leadInstitution: lead ? toInstitutionRef(lead) : null,
    };
  }
  const measure = comment.measure as Measure;
  const lead = measure.leadInstitution;
  return {
    type: 'measure',
    id: measure.id,
    code: String(measure.number),
    title: measure.title,
    leadInstitution: lead ? toInstitutionRef(lead) : null,
  };
}

function toView(comment: PlanComment, reader: Actor | null): PlanCommentView {
  return {
    id: comment.id,
    target: targetRef(comment),
    body: comment.body,
    name: comment.authorName,
    status: comment.status,
    // The reason is the coordinators' own record.
    rejectReason: mayModerate(reader) ? comment.rejectReason : null,
    answer:
      comment.answerBody && comment.answeredAt
        ? {
            body: comment.answerBody,
            institution: comment.answerInstitution ? toInstitutionRef(comment.answerInstitution) : null,
            answeredAt: comment.answeredAt.toISOString(),
          }
        : null,
    createdAt: comment.createdAt.toISOString(),
    publishedAt: comment.publishedAt?.toISOString() ?? null,
    version: comment.version,
  };
}

/** What the audit trail keeps of a moderation: the decision, never the comment's text. */
function audited(comment: PlanComment) {
  return {
    status: comment.status,
    rejectReason: comment.rejectReason,
    publishedAt: comment.publishedAt?.toISOString() ?? null,
  };
}
