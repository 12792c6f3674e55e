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
  isInstitutionScoped,
  type ProgressUpdateView,
} from '@marsad/contracts';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { Actor, SignedInContext } from '../auth/actor';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { InstitutionsService } from '../institutions/institutions.service';
import { sniffContentType } from '../storage/file-type.util';
import { StorageService } from '../storage/storage.service';
import { todayInMorocco } from '../common/time/today';
import type { CreateProgressUpdateDto } from './dto/create-progress-update.dto';
import type { UpdateActivityDto } from './dto/update-activity.dto';
import { Activity } from './entities/activity.entity';
import { Evidence } from './entities/evidence.entity';
import { Milestone } from './entities/milestone.entity';
import { ProgressUpdate } from './entities/progress-update.entity';
import { mapActivity, mapEvidence, mapMilestone, mapUpdate, newestFirst } from './plan.mappers';
import { matchesFilters } from './plans.service';

const ACTIVITY_RELATIONS = { measure: true, leadInstitution: true, contributors: true } as const;


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
  ) {}

  async list(filters: ActivityFilters): Promise<ActivitySummary[]> {
    const today = todayInMorocco();
    const rows = await this.activities.find({ relations: ACTIVITY_RELATIONS });
    return rows
      .map((activity) => mapActivity(activity, activity.measure?.number ?? 0, today))
      .filter((activity) => matchesFilters(activity, filters))
      .sort((a, b) => a.measureNumber - b.measureNumber || a.code.localeCompare(b.code, 'en', { numeric: true }));
  }

  get(id: string): Promise<ActivityDetail> {
    return this.detail(this.dataSource.manager, id);
  }

  /** Changes planning fields. A stale `version` gets 409 with the activity as it is now. */
  update(caller: SignedInContext, id: string, dto: UpdateActivityDto): Promise<ActivityDetail> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.lockActivity(manager, id, { withInstitutions: true });
      const before = planningSnapshot(activity);
      if (activity.version !== dto.version) {
        throw AppException.versionConflict('activity', dto.version, await this.detail(manager, id));
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
        await manager.save(activity);
        await this.audit.record(manager, caller, { action: 'activity.update', entityType: 'activity', entityId: id, diff });
      }
      return this.detail(manager, id);
    });
  }

  /** The audit trail of an activity, its progress updates and their evidence. */
  async history(id: string, reader: Actor | null): Promise<AuditEventView[]> {
    const activity = await this.activities.findOne({ where: { id }, relations: { updates: { evidence: true } } });
    if (!activity) throw AppException.notFound('activity', id);
    const updates = activity.updates ?? [];
    const ids = [id, ...updates.map((u) => u.id), ...updates.flatMap((u) => (u.evidence ?? []).map((e) => e.id))];
    return this.audit.historyOf(['activity', 'progress-update', 'evidence'], ids, reader);
  }

  async listUpdates(id: string): Promise<ProgressUpdateView[]> {
    const activity = await this.activities.findOne({ where: { id }, relations: { updates: { evidence: true } } });
    if (!activity) throw AppException.notFound('activity', id);
    return (activity.updates ?? []).map((update) => mapUpdate(update, activity.code)).sort(newestFirst);
  }

  /**
   * Records a progress report. The newest report (by date) sets the activity's
   * status and progress; a back-dated one is kept in the history only.
   */
  createUpdate(caller: SignedInContext, id: string, dto: CreateProgressUpdateDto): Promise<ProgressUpdateView> {
    const today = todayInMorocco();
    const reportedOn = dto.reportedOn ?? today;
    const violations: RuleViolation[] = [];
    if (reportedOn > today) violations.push({ field: 'reportedOn', rule: 'notInFuture' });
    if (dto.status === 'completed' && dto.progress !== 100) violations.push({ field: 'progress', rule: 'completedNeeds100' });
    if (violations.length) throw AppException.validation(violations);

    return this.dataSource.transaction(async (manager) => {
      const activity = await this.lockActivity(manager, id, { withInstitutions: true });
      assertMayReport(caller.actor, activity);
      const before = { status: activity.status, progress: activity.progress };
      const update = manager.create(ProgressUpdate, {
        activityId: activity.id,
        reportedOn,
        authorName: dto.authorName.trim(),
        status: dto.status,
        progress: dto.progress,
        narrative: trimNarrative(dto.narrative),
        isDemo: false,
      });
      await manager.save(update);
      update.evidence = await manager.save(
        (dto.links ?? []).map((link) =>
          manager.create(Evidence, { progressUpdateId: update.id, kind: 'link', title: link.title.trim(), url: link.url }),
        ),
      );
      const newer = await manager
        .getRepository(ProgressUpdate)
        .createQueryBuilder('u')
        .where('u.activity_id = :id AND u.reported_on > :reportedOn', { id, reportedOn })
        .getCount();
      if (newer === 0) {
        activity.status = dto.status;
        activity.progress = dto.progress;
        await manager.save(activity);
      }
      await this.audit.record(manager, caller, {
        action: 'progress-update.create',
        entityType: 'progress-update',
        entityId: update.id,
        diff: {
          ...diffOf(null, {
            activity: activity.code,
            reportedOn,
            status: dto.status,
            progress: dto.progress,
            narrative: update.narrative,
            links: (update.evidence ?? []).map((link) => link.url),
          }),
          ...prefixed('activity.', diffOf(before, { status: activity.status, progress: activity.progress })),
        },
      });
      return mapUpdate(update, activity.code);
    });
  }

  /** Attaches an uploaded file to a progress update, after checking its real type from its bytes. */
  async addEvidence(caller: SignedInContext, updateId: string, file: { buffer: Buffer; originalname: string } | undefined, title?: string): Promise<EvidenceView> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    if (file.buffer.length > EVIDENCE_MAX_BYTES) {
      throw new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', { limit: '10 MB' });
    }
    const contentType = await sniffContentType(file.buffer);
    if (!contentType || !(EVIDENCE_CONTENT_TYPES as readonly string[]).includes(contentType)) {
      throw new AppException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_FILE_TYPE', { detected: contentType ?? 'unknown' }, [
        { field: 'file', rule: 'fileType' },
      ]);
    }
    const update = await this.dataSource
      .getRepository(ProgressUpdate)
      .findOne({ where: { id: updateId }, relations: { activity: { leadInstitution: true, contributors: true } } });
    if (!update?.activity) throw AppException.notFound('progressUpdate', updateId);
    assertMayReport(caller.actor, update.activity);
    const stored = await this.storage.put('evidence', file.buffer);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(Evidence);
        const row = await repo.save(
        repo.create({
          progressUpdateId: updateId,
          kind: 'file',
          title: (title?.trim() || decodeFileName(file.originalname)).slice(0, 300),
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
          diff: diffOf(null, { progressUpdate: updateId, title: row.title, contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 }),
        });
        return mapEvidence(row);
      });
    } catch (error) {
      await this.storage.remove(stored.key);
      throw error;
    }
  }

  async openEvidence(id: string): Promise<EvidenceFile> {
    const row = await this.evidence.findOneBy({ id });
    if (!row || row.kind !== 'file' || !row.storageKey) throw AppException.notFound('evidence', id);
    return {
      stream: this.storage.open(row.storageKey),
      contentType: row.contentType ?? 'application/octet-stream',
      fileName: row.title,
      sizeBytes: row.sizeBytes ?? 0,
    };
  }

  private async lockActivity(manager: EntityManager, id: string, options: { withInstitutions?: boolean } = {}): Promise<Activity> {
    const locked = await manager
      .getRepository(Activity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
    if (!locked) throw AppException.notFound('activity', id);
    if (!options.withInstitutions) return locked;
    return manager.getRepository(Activity).findOneOrFail({ where: { id }, relations: { leadInstitution: true, contributors: true } });
  }

  private async detail(manager: EntityManager, id: string): Promise<ActivityDetail> {
    const activity = await manager.getRepository(Activity).findOne({
      where: { id },
      relations: { ...ACTIVITY_RELATIONS, updates: { evidence: true } },
    });
    if (!activity) throw AppException.notFound('activity', id);
    const milestones = await manager.getRepository(Milestone).find({ where: { activityId: id }, order: { dueDate: 'ASC' } });
    return {
      ...mapActivity(activity, activity.measure?.number ?? 0, todayInMorocco()),
      milestones: milestones.map((milestone) => mapMilestone(milestone, activity.code)),
      updates: (activity.updates ?? []).map((update) => mapUpdate(update, activity.code)).sort(newestFirst),
    };
  }
}

function trimNarrative(narrative: { ar?: string; fr?: string; en?: string }) {
  const out: { ar?: string; fr?: string; en?: string } = {};
  for (const locale of ['ar', 'fr', 'en'] as const) {
    const text = narrative[locale]?.trim();
    if (text) out[locale] = text;
  }
  return out;
}

// Multer reads multipart file names as latin1; browsers send UTF-8 (Arabic names would be mangled).
function decodeFileName(name: string): string {
  return Buffer.from(name, 'latin1').toString('utf8');
}

/**
 * Officers (and data managers) report only on activities their institution leads
 * or contributes to; the other permitted roles report on any.
 */
export function assertMayReport(actor: Actor, activity: Activity): void {
  if (!isInstitutionScoped(actor.role)) return;
  const own = actor.institutionId;
  const involved = activity.leadInstitutionId === own || (activity.contributors ?? []).some((institution) => institution.id === own);
  if (!own || !involved) throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
}

function prefixed(prefix: string, diff: Record<string, { before: unknown; after: unknown }>) {
  return Object.fromEntries(Object.entries(diff).map(([key, value]) => [`${prefix}${key}`, value]));
}
