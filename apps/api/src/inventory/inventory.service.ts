import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Permission,
  freshnessStatus,
  hasPermission,
  isInstitutionScoped,
  type Frequency,
  type InventoryItemView,
  type InventoryMatchView,
  type InventoryQuery,
  type Page,
} from '@marsad/contracts';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { Actor, ActorContext, SignedInContext } from '../auth/actor';
import { AppException } from '../common/errors/app-exception';
import { transactionMappingUniqueViolations } from '../common/errors/unique-violation';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Institution } from '../institutions/entities/institution.entity';
import { toInstitutionRef } from '../institutions/institutions.service';
import { datasetPortalUrl } from '../portal/portal-url.util';
import type { CreateInventoryItemDto, UpdateInventoryItemDto } from './dto/inventory.dto';
import { InventoryItem } from './entities/inventory-item.entity';
import {
  inventoryInvariantViolations,
  inventorySearchText,
  inventorySnapshot,
  normaliseFormats,
  textOrNull,
  type InventoryFields,
} from './inventory.rules';

/** The whole inventory of an administration: coordinators, and its own officers and data managers. */
export function mayReadInventory(actor: Actor | null, institutionId: string): boolean {
  if (!actor || !hasPermission(actor.role, Permission.InventoryRead)) return false;
  return !isInstitutionScoped(actor.role) || actor.institutionId === institutionId;
}

/** Officers and data managers manage their own administration's inventory only. */
export function assertMayManageInventory(actor: Actor, institutionId: string): void {
  if (isInstitutionScoped(actor.role) && actor.institutionId !== institutionId) {
    throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
  }
}

/**
 * The list's filters as SQL over `inventory_items it`: one definition for the list and
 * the export, so an export holds exactly what the list shows (public items only for
 * those who may not read the whole inventory).
 */
export function inventoryFilterSql(
  institutionId: string,
  query: InventoryQuery,
  seeAll: boolean,
  param: (value: unknown) => string,
): string {
  const where = [`it.institution_id = ${param(institutionId)}`];
  if (!seeAll) where.push('it.public');
  if (query.status) where.push(`it.status = ${param(query.status)}`);
  if (query.classification) where.push(`it.classification = ${param(query.classification)}`);
  if (query.match) where.push(`it.match_state = ${param(query.match)}`);
  if (query.q) {
    for (const term of normalizeForSearch(query.q).split(' ').filter(Boolean)) {
      where.push(`it.search_text LIKE ${param(`%${term.replace(/[%_\\]/g, '\\$&')}%`)}`);
    }
  }
  return `WHERE ${where.join(' AND ')}`;
}

interface DatasetRow {
  ckan_id: string;
  name: string;
  title: string;
  frequency: Frequency | null;
  last_updated_at: Date | null;
  metadata_created: Date | null;
}

/** What the audit trail records of an item: its reference and every field a person sets. */
export const auditSnapshot = (item: InventoryFields) => ({ reference: item.reference, ...inventorySnapshot(item) });

/** Measure 6: each administration's inventory of the data it holds and what it plans to open. */
@Injectable()
export class InventoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async list(code: string, query: InventoryQuery, caller: ActorContext): Promise<Page<InventoryItemView>> {
    const manager = this.dataSource.manager;
    const institution = await this.institution(manager, code);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = inventoryFilterSql(institution.id, query, mayReadInventory(caller.actor, institution.id), param);
    const ids: { id: string; total: number }[] = await manager.query(
      `SELECT it.id, count(*) OVER ()::int AS total FROM inventory_items it ${where}
       ORDER BY it.reference, it.id LIMIT ${param(pageSize)} OFFSET ${param((page - 1) * pageSize)}`,
      params,
    );
    const total = ids.length
      ? ids[0].total
      : page === 1
        ? 0
        : Number(
            (
              await manager.query(`SELECT count(*)::int AS total FROM inventory_items it ${where}`, params.slice(0, -2))
            )[0].total,
          );
    const rows = ids.length
      ? await manager.getRepository(InventoryItem).findBy({ id: In(ids.map(({ id }) => id)) })
      : [];
    const order = new Map(ids.map(({ id }, index) => [id, index]));
    rows.sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number));
    return {
      items: await this.views(
        manager,
        rows.map((row) => Object.assign(row, { institution })),
      ),
      total,
      page,
      pageSize,
    };
  }

  /** One item; one that is not public is hidden (404) from those who may not read the whole inventory. */
  async get(id: string, caller: ActorContext): Promise<InventoryItemView> {
    const manager = this.dataSource.manager;
    const row = await manager.getRepository(InventoryItem).findOne({ where: { id }, relations: { institution: true } });
    if (!row || (!row.public && !mayReadInventory(caller.actor, row.institutionId)))
      throw AppException.notFound('inventoryItem', id);
    return (await this.views(manager, [row]))[0];
  }

  create(caller: SignedInContext, code: string, dto: CreateInventoryItemDto): Promise<InventoryItemView> {
    return this.write(async (manager) => {
      const institution = await this.institution(manager, code);
      assertMayManageInventory(caller.actor, institution.id);
      const repo = manager.getRepository(InventoryItem);
      const row = repo.create({
        institutionId: institution.id,
        reference: dto.reference,
        title: { ar: dto.title.ar, fr: dto.title.fr },
        description: textOrNull(dto.description),
        theme: dto.theme ?? null,
        owningUnit: textOrNull(dto.owningUnit),
        classification: dto.classification,
        legalBasis: textOrNull(dto.legalBasis),
        priority: dto.priority ?? 'medium',
        plannedDate: dto.plannedDate ?? null,
        frequency: dto.frequency ?? null,
        formats: normaliseFormats(dto.formats ?? []),
        status: dto.status ?? 'identified',
        public: dto.public ?? false,
      });
      await this.assertValid(manager, row);
      row.searchText = inventorySearchText(row);
      await repo.save(row);
      await this.audit.record(manager, caller, {
        action: 'inventory.create',
        entityType: 'inventory_item',
        entityId: row.id,
        diff: diffOf(null, auditSnapshot(row)),
      });
      row.institution = institution;
      return (await this.views(manager, [row]))[0];
    });
  }

  update(caller: SignedInContext, id: string, dto: UpdateInventoryItemDto): Promise<InventoryItemView> {
    return this.write(async (manager) => {
      const row = await this.locked(manager, id);
      assertMayManageInventory(caller.actor, row.institutionId);
      if (row.version !== dto.version)
        throw AppException.versionConflict('inventoryItem', dto.version, (await this.views(manager, [row]))[0]);
      const before = auditSnapshot(row);
      if (dto.reference !== undefined) row.reference = dto.reference;
      if (dto.title !== undefined) row.title = { ar: dto.title.ar, fr: dto.title.fr };
      if (dto.description !== undefined) row.description = textOrNull(dto.description);
      if (dto.theme !== undefined) row.theme = dto.theme;
      if (dto.owningUnit !== undefined) row.owningUnit = textOrNull(dto.owningUnit);
      if (dto.classification !== undefined) row.classification = dto.classification;
      if (dto.legalBasis !== undefined) row.legalBasis = textOrNull(dto.legalBasis);
      if (dto.priority !== undefined) row.priority = dto.priority;
      if (dto.plannedDate !== undefined) row.plannedDate = dto.plannedDate;
      if (dto.frequency !== undefined) row.frequency = dto.frequency;
      if (dto.formats !== undefined) row.formats = normaliseFormats(dto.formats);
      if (dto.status !== undefined) row.status = dto.status;
      if (dto.public !== undefined) row.public = dto.public;
      const diff = diffOf(before, auditSnapshot(row));
      if (Object.keys(diff).length > 0) {
        await this.assertValid(manager, row);
        // A suggestion was made for the old reference or title: let the next harvest look again.
        if (row.matchState === 'suggested' && (diff['reference'] || diff['title'])) {
          diff['matchCkanId'] = { before: row.matchCkanId, after: null };
          Object.assign(row, { matchState: 'none', matchCkanId: null, matchBasis: null });
        }
        row.searchText = inventorySearchText(row);
        await manager.save(row);
        await this.audit.record(manager, caller, {
          action: 'inventory.update',
          entityType: 'inventory_item',
          entityId: row.id,
          diff,
        });
      }
      return (await this.views(manager, [row]))[0];
    });
  }

  /** Removes an item entered by mistake. A published item stays: it is part of the record (mark it withheld instead). */
  remove(caller: SignedInContext, id: string): Promise<void> {
    return this.write(async (manager) => {
      const row = await this.locked(manager, id);
      assertMayManageInventory(caller.actor, row.institutionId);
      if (row.status === 'published')
        throw AppException.validation([{ field: 'status', rule: 'publishedNotDeletable' }]);
      await manager.getRepository(InventoryItem).delete({ id: row.id });
      await this.audit.record(manager, caller, {
        action: 'inventory.delete',
        entityType: 'inventory_item',
        entityId: row.id,
        diff: diffOf({ institution: row.institution?.code ?? null, ...auditSnapshot(row) }, null),
      });
    });
  }

  /** Runs a write in a transaction; the unique index turns a race on the reference into the same error as the check. */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionMappingUniqueViolations(
      this.dataSource,
      { UQ_inventory_reference_per_institution: { field: 'reference', rule: 'referenceTaken' } },
      work,
    );
  }

  async institution(manager: EntityManager, code: string): Promise<Institution> {
    const institution = await manager.getRepository(Institution).findOneBy({ code });
    if (!institution) throw AppException.notFound('institution', code);
    return institution;
  }

  /** The item, locked for the transaction, with its administration. */
  async locked(manager: EntityManager, id: string): Promise<InventoryItem> {
    const row = await manager
      .getRepository(InventoryItem)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw AppException.notFound('inventoryItem', id);
    row.institution = await manager.getRepository(Institution).findOneByOrFail({ id: row.institutionId });
    return row;
  }

  /** Items as the API shows them, their portal dataset (when matched) read in one query. Rows must carry their institution. */
  async views(manager: EntityManager, rows: InventoryItem[]): Promise<InventoryItemView[]> {
    const ckanIds = [...new Set(rows.map((row) => row.matchCkanId).filter((id): id is string => !!id))];
    const datasets: DatasetRow[] = ckanIds.length
      ? await manager.query(
          `SELECT ckan_id, name, title, frequency, last_updated_at, metadata_created FROM portal_datasets WHERE ckan_id = ANY($1::varchar[])`,
          [ckanIds],
        )
      : [];
    const byId = new Map(datasets.map((d) => [d.ckan_id, d]));
    const now = new Date();
    return rows.map((row) => ({
      id: row.id,
      institution: toInstitutionRef(row.institution as Institution),
      reference: row.reference,
      title: row.title,
      description: row.description,
      theme: row.theme,
      owningUnit: row.owningUnit,
      classification: row.classification,
      legalBasis: row.legalBasis,
      priority: row.priority,
      plannedDate: row.plannedDate,
      frequency: row.frequency,
      formats: row.formats,
      status: row.status,
      public: row.public,
      match: this.matchView(row, row.matchCkanId ? byId.get(row.matchCkanId) : undefined, now),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
  }

  /** A dataset's page on the portal this instance harvests. */
  portalUrl(name: string): string {
    return datasetPortalUrl(this.config.portal.url, name);
  }

  /** Freshness is judged on the portal's declared frequency, else the one the inventory plans. */
  private matchView(row: InventoryItem, dataset: DatasetRow | undefined, now: Date): InventoryMatchView {
    const lastUpdated = dataset?.last_updated_at ? new Date(dataset.last_updated_at) : null;
    return {
      state: row.matchState,
      ckanId: row.matchCkanId,
      name: dataset?.name ?? null,
      title: dataset?.title ?? null,
      portalUrl: dataset ? this.portalUrl(dataset.name) : null,
      basis: row.matchBasis,
      freshness: dataset ? freshnessStatus(dataset.frequency ?? row.frequency, lastUpdated, now) : null,
      publishedAt: dataset?.metadata_created ? new Date(dataset.metadata_created).toISOString() : null,
    };
  }

  /** The cross-field rules and the reference's uniqueness within the administration. */
  private async assertValid(manager: EntityManager, row: InventoryItem): Promise<void> {
    const violations = inventoryInvariantViolations(row);
    const taken = await manager
      .getRepository(InventoryItem)
      .existsBy({ institutionId: row.institutionId, reference: row.reference, ...(row.id ? { id: Not(row.id) } : {}) });
    if (taken) violations.unshift({ field: 'reference', rule: 'referenceTaken' });
    if (violations.length) throw AppException.validation(violations);
  }
}
