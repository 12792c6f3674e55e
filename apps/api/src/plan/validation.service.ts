import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProgressUpdateView, ValidationQueue, ValidationQueueItem } from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { SignedInContext } from '../auth/actor';
import { AppException } from '../common/errors/app-exception';
import { StampedCache } from '../common/cache/stamped-cache';
import { JsonBody } from '../common/http/json-body';
import { markHandedIn } from '../rounds/hand-in';
import { reportingCache } from '../rounds/reporting-cache';
import { checkReport, lockActivity, reportStateConflict, trimNarrative } from './activities.service';
import type {
  ReturnProgressUpdateDto,
  ReviseProgressUpdateDto,
  ValidateProgressUpdateDto,
} from './dto/create-progress-update.dto';
import { Activity } from './entities/activity.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { ProgressUpdate } from './entities/progress-update.entity';
import { PlanHistoryService } from './plan-history.service';
import { mapUpdate } from './plan.mappers';
import { applyValidatedReport } from './report-figures';

// A page a person works through; `total` says how many wait in all.
const QUEUE_LIMIT = 25;

/**
 * ADD's review of what administrations report: the queue of submitted reports, and the three
 * steps after submission: validate (the report becomes official), return with a comment, and
 * the administration's correction (revise), which submits it again.
 */
@Injectable()
export class ValidationService {
  private readonly cache: StampedCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly planHistory: PlanHistoryService,
    private readonly notifications: NotificationsService,
  ) {
    this.cache = reportingCache(dataSource);
  }

  /** Submitted reports, oldest first (the first 25), with their activity, administration, author and evidence. */
  async queue(): Promise<ValidationQueue> {
    return (await this.queueBody()).value;
  }

  /** The same, serialised and compressed once for every coordinator who opens it while it is unchanged. */
  queueBody(): Promise<JsonBody<ValidationQueue>> {
    return this.cache.get('queue', async () => JsonBody.of(await this.queueNow()));
  }

  private async queueNow(): Promise<ValidationQueue> {
    const repo = this.dataSource.getRepository(ProgressUpdate);
    // The page first (index on state, submitted_at), then its relations each in one query.
    const [rows, total] = await Promise.all([
      repo.find({
        where: { state: 'submitted' },
        relations: { activity: { measure: true }, evidence: true, authorInstitution: true },
        relationLoadStrategy: 'query',
        order: { submittedAt: 'ASC', createdAt: 'ASC' },
        take: QUEUE_LIMIT,
      }),
      repo.countBy({ state: 'submitted' }),
    ]);
    const items: ValidationQueueItem[] = rows.map((row) => {
      const activity = row.activity as Activity;
      return {
        ...mapUpdate(row, activity.code),
        activity: {
          id: activity.id,
          code: activity.code,
          measureNumber: activity.measure?.number ?? 0,
          title: activity.title,
          status: activity.status,
          progress: activity.progress,
        },
      };
    });
    return { items, total, oldestSubmittedAt: items[0]?.submittedAt ?? null };
  }

  /** Validates a submitted report; when it is the newest validated one, it sets the activity's figures. */
  async validate(caller: SignedInContext, id: string, dto: ValidateProgressUpdateDto): Promise<ProgressUpdateView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const report = await this.lockReport(manager, id, dto.version);
      if (report.state !== 'submitted') throw reportStateConflict(report);
      const activity = await lockActivity(manager, report.activityId);
      const before = { status: activity.status, progress: activity.progress };
      report.state = 'validated';
      report.decidedAt = new Date();
      report.decidedByUserId = caller.actor.userId;
      report.decidedByName = caller.actor.displayName;
      report.returnComment = null;
      await manager.save(report);
      await applyValidatedReport(manager, activity, report);
      await this.tellAuthor(manager, report, activity, 'report.validated', caller.actor.displayName);
      await this.audit.record(manager, caller, {
        action: 'progress-update.validate',
        entityType: 'progress-update',
        entityId: report.id,
        diff: {
          ...diffOf({ state: 'submitted' }, { state: 'validated' }),
          ...Object.fromEntries(
            Object.entries(diffOf(before, { status: activity.status, progress: activity.progress })).map(
              ([key, value]) => [`activity.${key}`, value],
            ),
          ),
        },
      });
      return this.view(manager, report.id);
    });
    // Once committed (outside the transaction: PGlite has one connection), today's snapshot follows.
    await this.planHistory.refresh();
    return view;
  }

  /** Returns a submitted report to its administration with a comment; no official figure changes. */
  returnToAuthor(caller: SignedInContext, id: string, dto: ReturnProgressUpdateDto): Promise<ProgressUpdateView> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.lockReport(manager, id);
      if (report.state !== 'submitted') throw reportStateConflict(report);
      report.state = 'returned';
      report.decidedAt = new Date();
      report.decidedByUserId = caller.actor.userId;
      report.decidedByName = caller.actor.displayName;
      report.returnComment = dto.comment;
      await manager.save(report);
      await this.tellAuthor(
        manager,
        report,
        await manager.getRepository(Activity).findOneByOrFail({ id: report.activityId }),
        'report.returned',
        caller.actor.displayName,
      );
      await this.audit.record(manager, caller, {
        action: 'progress-update.return',
        entityType: 'progress-update',
        entityId: report.id,
        diff: diffOf({ state: 'submitted', returnComment: null }, { state: 'returned', returnComment: dto.comment }),
      });
      return this.view(manager, report.id);
    });
  }

  /**
   * The author's administration corrects a draft or returned report; it is submitted again
   * (unless kept as a draft). A submitted or validated report is not edited.
   */
  revise(caller: SignedInContext, id: string, dto: ReviseProgressUpdateDto): Promise<ProgressUpdateView> {
    const reportedOn = checkReport(dto);
    return this.dataSource.transaction(async (manager) => {
      const report = await this.lockReport(manager, id);
      const own =
        report.authorUserId === caller.actor.userId ||
        (!!report.authorInstitutionId && report.authorInstitutionId === caller.actor.institutionId);
      if (!own) throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
      if (report.version !== dto.version)
        throw AppException.versionConflict('progressUpdate', dto.version, await this.view(manager, id));
      if (report.state !== 'draft' && report.state !== 'returned') throw reportStateConflict(report);
      const before = snapshot(report);
      report.reportedOn = reportedOn;
      report.status = dto.status;
      report.progress = dto.progress;
      report.narrative = trimNarrative(dto.narrative);
      report.blockers = dto.blockers ?? [];
      if (!dto.draft) {
        report.state = 'submitted';
        await markHandedIn(manager, report);
      }
      await manager.save(report);
      await this.audit.record(manager, caller, {
        action: 'progress-update.revise',
        entityType: 'progress-update',
        entityId: report.id,
        diff: diffOf(before, snapshot(report)),
      });
      return this.view(manager, report.id);
    });
  }

  /** The report's author hears of the decision (in the same transaction: both happen or neither). */
  private async tellAuthor(
    manager: EntityManager,
    report: ProgressUpdate,
    activity: Activity,
    kind: 'report.returned' | 'report.validated',
    by: string,
  ): Promise<void> {
    if (!report.authorUserId) return;
    await this.notifications.notify(manager, {
      kind,
      userIds: [report.authorUserId],
      params: {
        code: activity.code,
        title: activity.title,
        by,
        ...(kind === 'report.returned' ? { comment: report.returnComment } : { progress: report.progress }),
      },
      link: `/activities/${activity.id}#report-${report.id}`,
      key: `${report.id}:${report.version}`,
    });
  }

  private async lockReport(manager: EntityManager, id: string, version?: number): Promise<ProgressUpdate> {
    const report = await manager
      .getRepository(ProgressUpdate)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id })
      .getOne();
    if (!report) throw AppException.notFound('progressUpdate', id);
    if (version !== undefined && report.version !== version) {
      throw AppException.versionConflict('progressUpdate', version, await this.view(manager, id));
    }
    return report;
  }

  private async view(manager: EntityManager, id: string): Promise<ProgressUpdateView> {
    const report = await manager
      .getRepository(ProgressUpdate)
      .findOneOrFail({ where: { id }, relations: { activity: true, evidence: true, authorInstitution: true } });
    return mapUpdate(report, report.activity?.code ?? '');
  }
}

const snapshot = (report: ProgressUpdate) => ({
  state: report.state,
  reportedOn: report.reportedOn,
  status: report.status,
  progress: report.progress,
  narrative: report.narrative,
  blockers: report.blockers,
});
