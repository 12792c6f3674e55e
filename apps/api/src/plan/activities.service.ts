import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_MAX_BYTES,
  type ActivityDetail,
  type ActivityFilters,
  type ActivitySummary,
  type AuditEventView,
  type EvidenceView,
  hasPermission,
  isInstitutionScoped,
  Permission,
  type ProgressUpdateState,
  type ProgressUpdateView,
} from '@marsad/contracts';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { Actor, SignedInContext } from '../auth/actor';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { InstitutionsService } from '../institutions/institutions.service';
import { checkedDocument } from '../storage/file-type.util';
import { StorageService } from '../storage/storage.service';
import { todayInMorocco } from '../common/time/today';
import type { CreateProgressUpdateDto } from './dto/create-progress-update.dto';
import type { UpdateActivityDto } from './dto/update-activity.dto';
import { Activity } from './entities/activity.entity';
import { Evidence } from './entities/evidence.entity';
import { Milestone } from './entities/milestone.entity';
import { ProgressUpdate } from './entities/progress-update.entity';
import { applyValidatedReport } from './report-figures';
import { markHandedIn, reportingInstitutionId } from '../rounds/hand-in';
import { Institution } from '../institutions/entities/institution.entity';
import { PlanHistoryService } from './plan-history.service';
import { mapActivity, mapEvidence, mapMilestone, mapUpdate, mayReadUpdate, newestFirst } from './plan.mappers';
import { matchesFilters } from './plans.service';

const ACTIVITY_RELATIONS = { measure: true, leadInstitution: true, contributors: true } as const;
/** Reports shown in full on an activity (newest first); the count says how many there are in all. */
export const UPDATES_SHOWN = 100;

/** The fields of an activity people edit, as the audit trail records them. */
const planningSnapshot = (activity: Activity) => ({
  startDate: activity.startDate,
  dueDate: activity.dueDate,
  weight: activity.weight,
  leadInstitution: activity.leadInstitution?.code ?? null,
  contributors: (activity.contributors ?? []).map((institution) => institution.code).sort(),
});

export interface EvidenceFile {
  stream: Readable;
  contentType: string;
  fileName: string;
  sizeBytes: number;
}

@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    @InjectRepository(Evidence) private readonly evidence: Repository<Evidence>,
    private readonly institutions: InstitutionsService,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
    private readonly planHistory: PlanHistoryService,
  ) {}

  async list(filters: ActivityFilters): Promise<ActivitySummary[]> {
    const today = todayInMorocco();
    const rows = await this.activities.find({ relations: ACTIVITY_RELATIONS, relationLoadStrategy: 'query' });
    return rows
      .map((activity) => mapActivity(activity, activity.measure?.number ?? 0, today))
      .filter((activity) => matchesFilters(activity, filters))
      .sort((a, b) => a.measureNumber - b.measureNumber || a.code.localeCompare(b.code, 'en', { numeric: true }));
  }

  /** An activity; its reports not yet validated only for those who may read them (see mayReadUpdate). */
  get(id: string, reader: Actor | null): Promise<ActivityDetail> {
    return this.detail(this.dataSource.manager, id, reader);
  }

  /** Changes planning fields. A stale `version` gets 409 with the activity as it is now. */
  async update(caller: SignedInContext, id: string, dto: UpdateActivityDto): Promise<ActivityDetail> {
    let changed = false;
    const detail = await this.dataSource.transaction(async (manager) => {
      const activity = await lockActivity(manager, id, { withInstitutions: true });
      const before = planningSnapshot(activity);
      if (activity.version !== dto.version) {
        throw AppException.versionConflict('activity', dto.version, await this.detail(manager, id, caller.actor));
      }
      const startDate = dto.startDate !== undefined ? dto.startDate : activity.startDate;
      const dueDate = dto.dueDate !== undefined ? dto.dueDate : activity.dueDate;
      if (startDate && dueDate && startDate > dueDate) {
        const field = dto.startDate !== undefined ? 'startDate' : 'dueDate';
        throw AppException.validation([
          field === 'startDate'
            ? { field, rule: 'notAfter', args: [dueDate] }
            : { field, rule: 'min', args: [startDate] },
        ]);
      }
      activity.startDate = startDate;
      activity.dueDate = dueDate;
      if (dto.weight !== undefined) activity.weight = dto.weight;
      if (dto.leadInstitutionCode !== undefined) {
        activity.leadInstitution = dto.leadInstitutionCode
          ? (await this.institutions.resolveCodes(manager, [dto.leadInstitutionCode], 'leadInstitutionCode'))[0]
          : null;
        activity.leadInstitutionId = activity.leadInstitution?.id ?? null;
      }
      if (dto.contributorCodes !== undefined) {
        activity.contributors = await this.institutions.resolveCodes(manager, dto.contributorCodes, 'contributorCodes');
      }
      const diff = diffOf(before, planningSnapshot(activity));
      if (Object.keys(diff).length > 0) {
        changed = true;
        await manager.save(activity);
        await this.audit.record(manager, caller, {
          action: 'activity.update',
          entityType: 'activity',
          entityId: id,
          diff,
        });
      }
      return this.detail(manager, id, caller.actor);
    });
    // Dates and weights move health and roll-ups: today's snapshot follows, once committed.
    if (changed) await this.planHistory.refresh();
    return detail;
  }

  /** The audit trail of an activity, its progress updates and their evidence. */
  async history(id: string, reader: Actor | null): Promise<AuditEventView[]> {
    const activity = await this.activities.findOne({ where: { id }, relations: { updates: { evidence: true } } });
    if (!activity) throw AppException.notFound('activity', id);
    const updates = activity.updates ?? [];
    const ids = [id, ...updates.map((u) => u.id), ...updates.flatMap((u) => (u.evidence ?? []).map((e) => e.id))];
    return this.audit.historyOf(['activity', 'progress-update', 'evidence'], ids, reader);
  }

  async listUpdates(id: string, reader: Actor | null): Promise<ProgressUpdateView[]> {
    const activity = await this.activities.findOne({ where: { id }, select: { id: true, code: true } });
    if (!activity) throw AppException.notFound('activity', id);
    return (await this.readableUpdates(this.dataSource.manager, id, activity.code, reader)).updates;
  }

  /**
   * Records a progress report by the signed-in account. A coordinator's report is validated at
   * once (and, when it is the newest, sets the activity's figures); an administration's report is
   * submitted for validation (or kept as a draft) and changes no official figure.
   */
  async createUpdate(caller: SignedInContext, id: string, dto: CreateProgressUpdateDto): Promise<ProgressUpdateView> {
    const reportedOn = checkReport(dto);
    const view = await this.dataSource.transaction(async (manager) => {
      const activity = await lockActivity(manager, id, { withInstitutions: true });
      assertMayReport(caller.actor, activity);
      const before = { status: activity.status, progress: activity.progress };
      const now = new Date();
      const validator = hasPermission(caller.actor.role, Permission.ProgressValidate);
      const state: ProgressUpdateState = validator ? 'validated' : dto.draft ? 'draft' : 'submitted';
      const update = manager.create(ProgressUpdate, {
        activityId: activity.id,
        reportedOn,
        authorName: caller.actor.displayName,
        authorUserId: caller.actor.userId,
        authorInstitutionId: await reportingInstitutionId(manager, caller.actor),
        state,
        submittedAt: null,
        firstSubmittedAt: null,
        roundId: null,
        decidedAt: validator ? now : null,
        decidedByUserId: validator ? caller.actor.userId : null,
        decidedByName: validator ? caller.actor.displayName : null,
        status: dto.status,
        progress: dto.progress,
        narrative: trimNarrative(dto.narrative),
        blockers: dto.blockers ?? [],
        isDemo: false,
      });
      if (state !== 'draft') await markHandedIn(manager, update, now);
      await manager.save(update);
      update.evidence = await manager.save(
        (dto.links ?? []).map((link) =>
          manager.create(Evidence, {
            progressUpdateId: update.id,
            kind: 'link',
            title: link.title.trim(),
            url: link.url,
          }),
        ),
      );
      if (state === 'validated') await applyValidatedReport(manager, activity, update);
      update.authorInstitution = update.authorInstitutionId
        ? await manager.getRepository(Institution).findOneBy({ id: update.authorInstitutionId })
        : null;
      await this.audit.record(manager, caller, {
        action: 'progress-update.create',
        entityType: 'progress-update',
        entityId: update.id,
        diff: {
          ...diffOf(null, {
            activity: activity.code,
            state,
            reportedOn,
            status: dto.status,
            progress: dto.progress,
            narrative: update.narrative,
            blockers: update.blockers,
            links: (update.evidence ?? []).map((link) => link.url),
          }),
          ...prefixed('activity.', diffOf(before, { status: activity.status, progress: activity.progress })),
        },
      });
      return mapUpdate(update, activity.code);
    });
    // A coordinator's report counts at once: today's snapshot follows, once committed.
    if (view.state === 'validated') await this.planHistory.refresh();
    return view;
  }

  /** Attaches an uploaded file to a progress update, after checking its real type from its bytes. */
  async addEvidence(
    caller: SignedInContext,
    updateId: string,
    file: { buffer: Buffer; originalname: string } | undefined,
    title?: string,
  ): Promise<EvidenceView> {
    const { buffer, contentType, fileName } = await checkedDocument(file, EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES);
    const update = await this.dataSource
      .getRepository(ProgressUpdate)
      .findOne({ where: { id: updateId }, relations: { activity: { leadInstitution: true, contributors: true } } });
    if (!update?.activity) throw AppException.notFound('progressUpdate', updateId);
    assertMayReport(caller.actor, update.activity);
    if (isInstitutionScoped(caller.actor.role)) {
      // An administration adds evidence to its own reports, until they are validated.
      if (update.authorInstitutionId !== caller.actor.institutionId) {
        throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
      }
      if (update.state === 'validated') throw reportStateConflict(update);
    }
    const stored = await this.storage.put('evidence', buffer);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(Evidence);
        const row = await repo.save(
          repo.create({
            progressUpdateId: updateId,
            kind: 'file',
            title: (title?.trim() || fileName).slice(0, 300),
            storageKey: stored.key,
            contentType,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
          }),
        );
        await this.audit.record(manager, caller, {
          action: 'evidence.create',
          entityType: 'evidence',
          entityId: row.id,
          diff: diffOf(null, {
            progressUpdate: updateId,
            title: row.title,
            contentType,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
          }),
        });
        return mapEvidence(row);
      });
    } catch (error) {
      await this.storage.remove(stored.key);
      throw error;
    }
  }

  /** An evidence file, to those who may read its report (a report not yet validated is not public). */
  async openEvidence(id: string, reader: Actor | null): Promise<EvidenceFile> {
    const row = await this.evidence.findOne({ where: { id }, relations: { progressUpdate: true } });
    if (!row || row.kind !== 'file' || !row.storageKey) throw AppException.notFound('evidence', id);
    if (row.progressUpdate && !mayReadUpdate(row.progressUpdate, reader)) throw AppException.notFound('evidence', id);
    return {
      stream: this.storage.open(row.storageKey),
      contentType: row.contentType ?? 'application/octet-stream',
      fileName: row.title,
      sizeBytes: row.sizeBytes ?? 0,
    };
  }

  private async detail(manager: EntityManager, id: string, reader: Actor | null): Promise<ActivityDetail> {
    const activity = await manager
      .getRepository(Activity)
      .findOne({ where: { id }, relations: ACTIVITY_RELATIONS, relationLoadStrategy: 'query' });
    if (!activity) throw AppException.notFound('activity', id);
    const [milestones, updates] = await Promise.all([
      manager.getRepository(Milestone).find({ where: { activityId: id }, order: { dueDate: 'ASC' } }),
      this.readableUpdates(manager, id, activity.code, reader),
    ]);
    const today = todayInMorocco();
    return {
      ...mapActivity(activity, activity.measure?.number ?? 0, today),
      milestones: milestones.map((milestone) => mapMilestone(milestone, activity.code, today)),
      ...updates,
    };
  }

  /**
   * The reports of an activity a reader may see (mayReadUpdate, as SQL), newest first: the
   * newest UPDATES_SHOWN in full, and how many there are in all.
   */
  private async readableUpdates(
    manager: EntityManager,
    activityId: string,
    code: string,
    reader: Actor | null,
  ): Promise<{ updates: ProgressUpdateView[]; updateCount: number }> {
    const query = manager
      .getRepository(ProgressUpdate)
      .createQueryBuilder('u')
      .where('u.activity_id = :activityId', { activityId });
    if (!reader) {
      query.andWhere("u.state = 'validated'");
    } else {
      const validator = hasPermission(reader.role, Permission.ProgressValidate);
      query.andWhere(
        `(u.state = 'validated' OR u.author_user_id = :userId OR (u.author_institution_id IS NOT NULL AND u.author_institution_id = :institutionId)${
          validator ? " OR u.state IN ('submitted', 'returned')" : ''
        })`,
        { userId: reader.userId, institutionId: reader.institutionId ?? '00000000-0000-0000-0000-000000000000' },
      );
    }
    const [rows, updateCount] = await query
      .orderBy('u.reported_on', 'DESC')
      .addOrderBy('u.created_at', 'DESC')
      .take(UPDATES_SHOWN)
      .getManyAndCount();
    if (rows.length) {
      const ids = rows.map((row) => row.id);
      const [evidence, institutions] = await Promise.all([
        manager.getRepository(Evidence).find({ where: { progressUpdateId: In(ids) } }),
        manager
          .getRepository(Institution)
          .findBy({ id: In([...new Set(rows.map((row) => row.authorInstitutionId).filter((v): v is string => !!v))]) }),
      ]);
      const institutionById = new Map(institutions.map((institution) => [institution.id, institution]));
      for (const row of rows) {
        row.evidence = evidence.filter((e) => e.progressUpdateId === row.id);
        row.authorInstitution = row.authorInstitutionId ? (institutionById.get(row.authorInstitutionId) ?? null) : null;
      }
    }
    return { updates: rows.map((row) => mapUpdate(row, code)).sort(newestFirst), updateCount };
  }
}

/** Locks an activity's row for the rest of the transaction (FOR UPDATE), with its institutions if asked. */
export async function lockActivity(
  manager: EntityManager,
  id: string,
  options: { withInstitutions?: boolean } = {},
): Promise<Activity> {
  const locked = await manager
    .getRepository(Activity)
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id = :id', { id })
    .getOne();
  if (!locked) throw AppException.notFound('activity', id);
  if (!options.withInstitutions) return locked;
  return manager
    .getRepository(Activity)
    .findOneOrFail({ where: { id }, relations: { leadInstitution: true, contributors: true } });
}

/** 409: the report is not in the state this step needs (validated or returned meanwhile, say). */
export function reportStateConflict(update: ProgressUpdate): AppException {
  return new AppException(HttpStatus.CONFLICT, 'REPORT_STATE_CONFLICT', { state: update.state }, [], {
    state: update.state,
    version: update.version,
  });
}

/** The rules of a report's body the DTO cannot express; returns its date (today by default). */
export function checkReport(dto: { reportedOn?: string; status: string; progress: number }): string {
  const today = todayInMorocco();
  const reportedOn = dto.reportedOn ?? today;
  const violations: RuleViolation[] = [];
  if (reportedOn > today) violations.push({ field: 'reportedOn', rule: 'notInFuture' });
  if (dto.status === 'completed' && dto.progress !== 100)
    violations.push({ field: 'progress', rule: 'completedNeeds100' });
  if (violations.length) throw AppException.validation(violations);
  return reportedOn;
}

export function trimNarrative(narrative: { ar?: string; fr?: string; en?: string }) {
  const out: { ar?: string; fr?: string; en?: string } = {};
  for (const locale of ['ar', 'fr', 'en'] as const) {
    const text = narrative[locale]?.trim();
    if (text) out[locale] = text;
  }
  return out;
}

/**
 * Officers (and data managers) report only on activities their institution leads
 * or contributes to; the other permitted roles report on any.
 */
export function assertMayReport(actor: Actor, activity: Activity): void {
  if (!isInstitutionScoped(actor.role)) return;
  const own = actor.institutionId;
  const involved =
    activity.leadInstitutionId === own || (activity.contributors ?? []).some((institution) => institution.id === own);
  if (!own || !involved) throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
}

function prefixed(prefix: string, diff: Record<string, { before: unknown; after: unknown }>) {
  return Object.fromEntries(Object.entries(diff).map(([key, value]) => [`${prefix}${key}`, value]));
}
