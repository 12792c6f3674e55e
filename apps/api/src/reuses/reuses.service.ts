import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Permission,
  REUSE_LIMITS,
  hasPermission,
  type AuditAction,
  type InstitutionRef,
  type InstitutionType,
  type LocalizedText,
  type PartialLocalizedText,
  type ProposeReuseResult,
  type ReuseDatasetRef,
  type ReuseOrigin,
  type ReusePage,
  type ReuserType,
  type ReuseStatus,
  type ReuseView,
} from '@marsad/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, ActorContext, SignedInContext } from '../auth/actor';
import { AuditService, diffOf } from '../audit/audit.service';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { coordinatorAccounts } from '../notifications/recipients';
import type { ProposeReuseDto, ReuseQueryDto, UpdateReuseDto } from './dto/reuses.dto';
import { Reuse } from './entities/reuse.entity';

/** Who made the reuse, in the coordinators' message (its params are rendered in each reader's language). */
const REUSER_TYPE_NAMES: Record<ReuserType, LocalizedText> = {
  startup: { ar: 'شركة ناشئة', fr: 'startup', en: 'start-up' },
  company: { ar: 'مقاولة', fr: 'entreprise', en: 'company' },
  researcher: { ar: 'باحث', fr: 'chercheur', en: 'researcher' },
  student: { ar: 'طالب', fr: 'étudiant', en: 'student' },
  civil_society: { ar: 'المجتمع المدني', fr: 'société civile', en: 'civil society' },
  media: { ar: 'وسائل الإعلام', fr: 'média', en: 'media' },
  administration: { ar: 'إدارة', fr: 'administration', en: 'administration' },
};

/** A harvested dataset with the administration that publishes it (raw row). */
interface DatasetRow {
  ckan_id: string;
  name: string;
  title: string;
  groups: string[];
  code: string | null;
  institution_name: LocalizedText | null;
  type: InstitutionType | null;
}

/** Published reuses that use a dataset of the portal group `$n` (a theme). */
const USES_THEME = (param: string) =>
  `EXISTS (SELECT 1 FROM portal_datasets d WHERE d.ckan_id = ANY(r.dataset_ids) AND ${param} = ANY(d.groups))`;
/** …of the administration whose code is `$n` (through its portal organisation). */
const USES_INSTITUTION = (param: string) =>
  `EXISTS (SELECT 1 FROM portal_datasets d JOIN institutions i ON i.portal_org_name = d.organization_name
            WHERE d.ckan_id = ANY(r.dataset_ids) AND i.code = ${param})`;

/** The audit action of a change of status. */
const STATUS_ACTION: Record<ReuseStatus, AuditAction> = {
  published: 'reuse.publish',
  rejected: 'reuse.reject',
  submitted: 'reuse.update',
};

const mayManage = (actor: Actor | null) => !!actor && hasPermission(actor.role, Permission.ReuseManage);
const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');
const unique = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * Reuses of the portal's data (measure 11): anyone proposes one (no sign-in), ADD's coordinators
 * publish or reject it; the showcase shows the published ones. The proposer's e-mail address is for
 * the coordinators only (law 09-08): never in public answers, logs or the audit trail.
 */
@Injectable()
export class ReusesService {
  private readonly logger = new Logger(ReusesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A proposal from anyone: stored as submitted, coordinators told, all in one transaction. */
  async propose(caller: ActorContext, dto: ProposeReuseDto): Promise<ProposeReuseResult> {
    // The honeypot: the same answer, nothing stored, so a robot learns nothing.
    if (dto.website?.trim()) {
      this.logger.log(`Reuse proposal dropped: the honeypot was filled (request ${caller.meta.requestId ?? '-'})`);
      return { id: randomUUID(), status: 'submitted' };
    }
    return this.dataSource.transaction(async (manager) => {
      const datasetIds = await this.checkDatasets(manager, dto.datasetIds);
      const repo = manager.getRepository(Reuse);
      const reuse = await repo.save(
        repo.create({
          title: dto.title,
          description: dto.description,
          reuserType: dto.reuserType,
          url: dto.url,
          origin: dto.origin ?? 'spontaneous',
          status: 'submitted',
          datasetIds,
          contactEmail: dto.contactEmail ?? null,
        }),
      );
      await this.audit.record(manager, caller, {
        action: 'reuse.propose',
        entityType: 'reuse',
        entityId: reuse.id,
        diff: diffOf(null, audited(reuse)),
      });
      await this.notifications.notify(manager, {
        kind: 'reuse.submitted',
        userIds: await coordinatorAccounts(manager),
        params: { title: reuse.title, reuserType: REUSER_TYPE_NAMES[reuse.reuserType] },
        link: `/reuses/${reuse.id}`,
        key: reuse.id,
      });
      return { id: reuse.id, status: 'submitted' };
    });
  }

  /**
   * A published reuse, made by another module (a hackathon's winning project): the datasets are
   * checked as for a proposal. Call it in the caller's transaction.
   */
  async createPublished(
    manager: EntityManager,
    caller: ActorContext,
    input: {
      title: PartialLocalizedText;
      description: PartialLocalizedText;
      reuserType: ReuserType;
      url: string;
      origin: ReuseOrigin;
      datasetIds: string[];
      hackathonEventId?: string | null;
      isDemo?: boolean;
    },
  ): Promise<string> {
    if (input.datasetIds.length === 0)
      throw AppException.validation([{ field: 'datasetIds', rule: 'arrayMinSize', args: [1] }]);
    if (input.datasetIds.length > REUSE_LIMITS.datasets)
      throw AppException.validation([{ field: 'datasetIds', rule: 'arrayMaxSize', args: [REUSE_LIMITS.datasets] }]);
    const datasetIds = await this.checkDatasets(manager, input.datasetIds);
    const repo = manager.getRepository(Reuse);
    const reuse = await repo.save(
      repo.create({
        title: input.title,
        description: input.description,
        reuserType: input.reuserType,
        url: input.url,
        origin: input.origin,
        status: 'published',
        datasetIds,
        contactEmail: null,
        hackathonEventId: input.hackathonEventId ?? null,
        publishedAt: new Date(),
        isDemo: input.isDemo ?? false,
      }),
    );
    await this.audit.record(manager, caller, {
      action: 'reuse.publish',
      entityType: 'reuse',
      entityId: reuse.id,
      diff: diffOf(null, audited(reuse)),
    });
    return reuse.id;
  }

  /** The showcase: published reuses for everyone; any status for coordinators. Facets count published ones. */
  async list(query: ReuseQueryDto, reader: Actor | null): Promise<ReusePage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const manager = this.dataSource.manager;
    const status: ReuseStatus | undefined = mayManage(reader) ? query.status : 'published';
    const qb = manager.getRepository(Reuse).createQueryBuilder('r');
    if (status) qb.andWhere('r.status = :status', { status });
    if (query.theme) qb.andWhere(USES_THEME(':theme'), { theme: query.theme });
    if (query.institution) qb.andWhere(USES_INSTITUTION(':institution'), { institution: query.institution });
    if (query.reuserType) qb.andWhere('r.reuser_type = :reuserType', { reuserType: query.reuserType });
    if (query.origin) qb.andWhere('r.origin = :origin', { origin: query.origin });
    if (query.q) qb.andWhere(`(r.title->>'ar' ILIKE :q OR r.title->>'fr' ILIKE :q)`, { q: `%${escapeLike(query.q)}%` });
    if (status === 'published') qb.orderBy('r.published_at', 'DESC');
    else qb.orderBy(`CASE WHEN r.status = 'submitted' THEN 0 ELSE 1 END`, 'ASC').addOrderBy('r.created_at', 'DESC');
    qb.addOrderBy('r.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    const [[rows, total], facets] = await Promise.all([qb.getManyAndCount(), this.facets(manager)]);
    return {
      items: await this.views(manager, rows, reader),
      total,
      page,
      pageSize,
      facets,
      asOf: new Date().toISOString(),
    };
  }

  /** A reuse; one not published is "not found" unless the reader moderates reuses. */
  async get(id: string, reader: Actor | null, manager: EntityManager = this.dataSource.manager): Promise<ReuseView> {
    const reuse = await manager.getRepository(Reuse).findOneBy({ id });
    if (!reuse || (reuse.status !== 'published' && !mayManage(reader))) throw AppException.notFound('reuse', id);
    const [view] = await this.views(manager, [reuse], reader);
    return view;
  }

  /** A coordinator's change: fields, and publishing (dated the first time), rejecting (with a reason) or reopening. */
  update(caller: SignedInContext, id: string, dto: UpdateReuseDto): Promise<ReuseView> {
    return this.dataSource.transaction(async (manager) => {
      const reuse = await this.lock(manager, id, dto.version, caller.actor);
      const before = audited(reuse);
      const status = dto.status ?? reuse.status;
      const reason =
        dto.rejectReason !== undefined
          ? dto.rejectReason || null
          : reuse.status === 'rejected'
            ? reuse.rejectReason
            : null;
      if (status === 'rejected' && !reason)
        throw AppException.validation([{ field: 'rejectReason', rule: 'isDefined' }]);
      // Datasets already on the reuse stay accepted, even when the portal no longer has them.
      const datasetIds = dto.datasetIds
        ? await this.checkDatasets(manager, dto.datasetIds, new Set(reuse.datasetIds))
        : reuse.datasetIds;
      Object.assign(reuse, {
        title: dto.title ?? reuse.title,
        description: dto.description ?? reuse.description,
        reuserType: dto.reuserType ?? reuse.reuserType,
        url: dto.url ?? reuse.url,
        origin: dto.origin ?? reuse.origin,
        datasetIds,
        status,
        rejectReason: status === 'rejected' ? reason : null,
        publishedAt: status === 'published' ? (reuse.publishedAt ?? new Date()) : reuse.publishedAt,
      });
      const diff = diffOf(before, audited(reuse));
      if (Object.keys(diff).length === 0) return this.get(id, caller.actor, manager);
      await manager.save(reuse);
      const action = status === before.status ? 'reuse.update' : STATUS_ACTION[status];
      await this.audit.record(manager, caller, { action, entityType: 'reuse', entityId: id, diff });
      return this.get(id, caller.actor, manager);
    });
  }

  /** Administration code → how many published reuses use its data (through its portal organisation). */
  async publishedCountsByInstitution(manager: EntityManager): Promise<Map<string, number>> {
    const rows: { code: string; n: number }[] = await manager.query(
      `SELECT i.code, count(DISTINCT r.id)::int AS n
         FROM reuses r
         JOIN portal_datasets d ON d.ckan_id = ANY(r.dataset_ids)
         JOIN institutions i ON i.portal_org_name = d.organization_name
        WHERE r.status = 'published'
        GROUP BY i.code`,
    );
    return new Map(rows.map((row) => [row.code, row.n]));
  }

  /** The reuse locked for a change, at the version the caller read (409 with the current view otherwise). */
  private async lock(manager: EntityManager, id: string, version: number, reader: Actor): Promise<Reuse> {
    const reuse = await manager.getRepository(Reuse).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!reuse) throw AppException.notFound('reuse', id);
    if (reuse.version !== version)
      throw AppException.versionConflict('reuse', version, await this.get(id, reader, manager));
    return reuse;
  }

  /**
   * The ids, each a dataset the portal has (harvested and not removed since), without repeats;
   * 400 `unknownPortalDataset` on `datasetIds.<i>` otherwise. `kept` ids are accepted as they are.
   */
  private async checkDatasets(manager: EntityManager, ids: string[], kept = new Set<string>()): Promise<string[]> {
    const asked = unique(ids).filter((id) => !kept.has(id));
    const known = new Set<string>(
      asked.length
        ? (
            (await manager.query(
              `SELECT ckan_id FROM portal_datasets WHERE ckan_id = ANY($1::text[]) AND deleted_at IS NULL`,
              [asked],
            )) as { ckan_id: string }[]
          ).map((row) => row.ckan_id)
        : [],
    );
    const violations: RuleViolation[] = [];
    ids.forEach((id, index) => {
      if (!kept.has(id) && !known.has(id))
        violations.push({ field: `datasetIds.${index}`, rule: 'unknownPortalDataset', args: [id] });
    });
    if (violations.length) throw AppException.validation(violations);
    return unique(ids);
  }

  /** Counts behind the showcase's filters, over published reuses. */
  private async facets(manager: EntityManager): Promise<ReusePage['facets']> {
    const [themes, institutions, reuserTypes] = await Promise.all([
      manager.query(
        `SELECT g.theme, count(DISTINCT r.id)::int AS count
           FROM reuses r
           JOIN portal_datasets d ON d.ckan_id = ANY(r.dataset_ids)
           CROSS JOIN LATERAL unnest(d.groups) AS g(theme)
          WHERE r.status = 'published'
          GROUP BY g.theme ORDER BY count DESC, g.theme`,
      ) as Promise<{ theme: string; count: number }[]>,
      manager.query(
        `SELECT i.code, i.name, i.type, count(DISTINCT r.id)::int AS count
           FROM reuses r
           JOIN portal_datasets d ON d.ckan_id = ANY(r.dataset_ids)
           JOIN institutions i ON i.portal_org_name = d.organization_name
          WHERE r.status = 'published'
          GROUP BY i.code, i.name, i.type ORDER BY count DESC, i.code`,
      ) as Promise<{ code: string; name: LocalizedText; type: InstitutionType; count: number }[]>,
      manager.query(
        `SELECT reuser_type AS "reuserType", count(*)::int AS count
           FROM reuses WHERE status = 'published'
          GROUP BY reuser_type ORDER BY count DESC, reuser_type`,
      ) as Promise<{ reuserType: ReuserType; count: number }[]>,
    ]);
    return {
      themes: themes.map(({ theme, count }) => ({ theme, count })),
      institutions: institutions.map(({ code, name, type, count }) => ({ institution: { code, name, type }, count })),
      reuserTypes: reuserTypes.map(({ reuserType, count }) => ({ reuserType, count })),
    };
  }

  /** Views of reuses: their datasets and hackathons read in two queries for the whole page. */
  private async views(manager: EntityManager, reuses: Reuse[], reader: Actor | null): Promise<ReuseView[]> {
    const datasetIds = unique(reuses.flatMap((r) => r.datasetIds));
    const eventIds = unique(reuses.map((r) => r.hackathonEventId).filter((id): id is string => !!id));
    // One after the other: the manager may be a transaction's, which runs one query at a time.
    const datasets: DatasetRow[] = datasetIds.length
      ? await manager.query(
          `SELECT d.ckan_id, d.name, d.title, d.groups, i.code, i.name AS institution_name, i.type
             FROM portal_datasets d LEFT JOIN institutions i ON i.portal_org_name = d.organization_name
            WHERE d.ckan_id = ANY($1::text[])`,
          [datasetIds],
        )
      : [];
    const events: { id: string; title: PartialLocalizedText }[] = eventIds.length
      ? await manager.query(`SELECT id, title FROM plan_events WHERE id = ANY($1::uuid[])`, [eventIds])
      : [];
    const byId = new Map(datasets.map((row) => [row.ckan_id, row]));
    const titles = new Map(events.map((row) => [row.id, row.title]));
    const moderator = mayManage(reader);
    return reuses.map((reuse) => {
      const refs = reuse.datasetIds.map((id) => datasetRef(id, byId.get(id)));
      const institutions = new Map<string, InstitutionRef>();
      for (const ref of refs) if (ref.institution) institutions.set(ref.institution.code, ref.institution);
      const eventTitle = reuse.hackathonEventId ? titles.get(reuse.hackathonEventId) : undefined;
      return {
        id: reuse.id,
        title: reuse.title,
        description: reuse.description,
        reuserType: reuse.reuserType,
        url: reuse.url,
        origin: reuse.origin,
        status: reuse.status,
        datasets: refs,
        themes: unique(refs.flatMap((ref) => ref.themes)),
        institutions: [...institutions.values()],
        hackathon: reuse.hackathonEventId && eventTitle ? { eventId: reuse.hackathonEventId, title: eventTitle } : null,
        publishedAt: reuse.publishedAt?.toISOString() ?? null,
        createdAt: reuse.createdAt.toISOString(),
        // Law 09-08: the proposer's address and the moderation's reason are the coordinators' only.
        rejectReason: moderator ? reuse.rejectReason : null,
        contactEmail: moderator ? reuse.contactEmail : null,
        isDemo: reuse.isDemo,
        version: reuse.version,
      };
    });
  }
}

/** A dataset as a reuse shows it; one the portal no longer has keeps only its id. */
function datasetRef(portalId: string, row: DatasetRow | undefined): ReuseDatasetRef {
  if (!row) return { portalId, name: portalId, title: portalId, institution: null, themes: [] };
  return {
    portalId,
    name: row.name,
    title: row.title,
    institution:
      row.code && row.institution_name && row.type
        ? { code: row.code, name: row.institution_name, type: row.type }
        : null,
    themes: row.groups ?? [],
  };
}

/** What the audit trail keeps of a reuse: never the proposer's e-mail address (law 09-08). */
function audited(reuse: Reuse) {
  return {
    title: reuse.title,
    description: reuse.description,
    reuserType: reuse.reuserType,
    url: reuse.url,
    origin: reuse.origin,
    status: reuse.status,
    datasetIds: reuse.datasetIds,
    rejectReason: reuse.rejectReason,
    hackathonEventId: reuse.hackathonEventId,
    publishedAt: reuse.publishedAt?.toISOString() ?? null,
  };
}
