import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  INSTITUTION_TYPES,
  type InstitutionDetail,
  type InstitutionListItem,
  type InstitutionQuery,
  type InstitutionRef,
  type InstitutionSummary,
  type Page,
} from '@marsad/contracts';
import { In, Repository, type EntityManager } from 'typeorm';
import { StampedCache } from '../common/cache/stamped-cache';
import { AppException } from '../common/errors/app-exception';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import { TrafficLightService } from '../traffic-light/traffic-light.service';
import type { InstitutionQueryDto } from './dto/institution-query.dto';
import { Institution } from './entities/institution.entity';

export function toInstitutionRef(institution: Institution): InstitutionRef {
  return { code: institution.code, name: institution.name, type: institution.type };
}

export function searchTextOf(institution: Pick<Institution, 'name' | 'acronym' | 'code'>): string {
  const { ar, fr, en } = institution.name;
  return normalizeForSearch([fr, ar, en, institution.acronym ?? '', institution.code].join(' '));
}

// Ministries and agencies first: they lead the plan's work; then the territorial levels.
const TYPE_RANK = `array_position(ARRAY[${INSTITUTION_TYPES.map((type) => `'${type}'`).join(',')}]::varchar[], i.type::varchar)`;

/** SQL: the institution aliased `alias` has an active or interim appointment in `role`. */
export function holdsRole(alias: string, role: 'ROD' | 'GDD'): string {
  return `EXISTS (SELECT 1 FROM officer_appointments oa WHERE oa.institution_id = ${alias}.id AND oa.role = '${role}' AND oa.status <> 'ended')`;
}

/** What registry answers depend on: administrations and appointments, their newest change and their number. */
export const REGISTRY_STAMP_SQL = `SELECT (SELECT max(updated_at)::text || '/' || count(*) FROM institutions) || '|' ||
  (SELECT coalesce(max(updated_at)::text, '') || '/' || count(*) FROM officer_appointments) AS stamp`;

/**
 * The registry's filters and order as SQL over `institutions i LEFT JOIN institutions p` (the parent):
 * one definition for the list and the export, so an export holds exactly what the list shows.
 */
export function registryFilterSql(
  query: InstitutionQuery,
  param: (value: unknown) => string,
): { where: string; orderBy: string } {
  const where: string[] = [];
  if (query.type) where.push(`i.type = ${param(query.type)}`);
  if (query.region) where.push(`i.region_code = ${param(query.region)}`);
  if (query.parent) where.push(`p.code = ${param(query.parent)}`);
  if (query.hasRod !== undefined) where.push(`${query.hasRod ? '' : 'NOT '}${holdsRole('i', 'ROD')}`);
  if (query.hasGdd !== undefined) where.push(`${query.hasGdd ? '' : 'NOT '}${holdsRole('i', 'GDD')}`);
  if (query.q) {
    for (const term of normalizeForSearch(query.q).split(' ').filter(Boolean)) {
      where.push(`i.search_text LIKE ${param(`%${term.replace(/[%_\\]/g, '\\$&')}%`)}`);
    }
  }
  const sort = query.sort ?? 'type';
  const orderBy = sort === 'type' ? `${TYPE_RANK}, i.code` : sort === 'name' ? `i.name->>'fr', i.code` : 'i.code';
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', orderBy };
}

@Injectable()
export class InstitutionsService {
  constructor(
    @InjectRepository(Institution) private readonly institutions: Repository<Institution>,
    private readonly lights: TrafficLightService,
  ) {}

  /**
   * One round trip: the page and the total (a window count) in a single statement. This is the
   * registry's hot path (search-as-you-type, paging), so it is plain SQL rather than a query builder.
   */
  /** The registry is read far more than written: lists are kept until it (or an appointment) changes. */
  private readonly listCache = new StampedCache(
    async () => (await this.institutions.query(REGISTRY_STAMP_SQL))[0].stamp,
  );

  /**
   * Each row says whether a ROD and a GdD are in office, and carries its traffic light, looked up
   * in the lights of every administration (computed at once and kept until their inputs change):
   * the page stays cached on the registry's own stamp, the lights on theirs.
   */
  async list(query: InstitutionQueryDto): Promise<Page<InstitutionListItem>> {
    const page = await this.listCache.get(JSON.stringify(query), () => this.listNow(query));
    const lights = await this.lights.summaries(page.items.map((item) => item.code));
    return {
      ...page,
      items: page.items.map((item) => ({
        ...item,
        trafficLight: lights.get(item.code) ?? { light: 'grey', reasons: [], asOf: null },
      })),
    };
  }

  private async listNow(query: InstitutionQueryDto): Promise<Page<Omit<InstitutionListItem, 'trafficLight'>>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const { where, orderBy } = registryFilterSql(query, param);
    const rows: (SummaryRow & { has_rod: boolean; has_gdd: boolean; total: string })[] = await this.institutions.query(
      `SELECT i.code, i.name, i.type, i.acronym, i.subtype, i.region_code, i.active, p.code AS parent_code,
              ${holdsRole('i', 'ROD')} AS has_rod, ${holdsRole('i', 'GDD')} AS has_gdd, count(*) OVER () AS total
       FROM institutions i LEFT JOIN institutions p ON p.id = i.parent_id
       ${where}
       ORDER BY ${orderBy} LIMIT ${param(pageSize)} OFFSET ${param((page - 1) * pageSize)}`,
      params,
    );
    const total = rows.length
      ? Number(rows[0].total)
      : page === 1
        ? 0
        : Number((await this.listNow({ ...query, page: 1, pageSize: 1 })).total);
    return {
      items: rows.map((row) => ({ ...fromRow(row), hasRod: row.has_rod, hasGdd: row.has_gdd })),
      total,
      page,
      pageSize,
    };
  }

  /** One administration; pass the transaction's manager when called inside one. */
  async get(code: string, manager?: EntityManager): Promise<InstitutionDetail> {
    const repo = manager ? manager.getRepository(Institution) : this.institutions;
    const institution = await repo.findOne({ where: { code }, relations: { parent: true } });
    if (!institution) throw AppException.notFound('institution', code);
    const region =
      institution.regionCode && institution.regionCode !== institution.code
        ? await repo.findOneBy({ code: institution.regionCode })
        : null;
    const childCount = await repo.countBy({ parentId: institution.id });
    return {
      ...toSummary(institution),
      parent: institution.parent ? toInstitutionRef(institution.parent) : null,
      region: region ? toInstitutionRef(region) : null,
      website: institution.website,
      portalOrgName: institution.portalOrgName,
      childCount,
      version: institution.version,
      createdAt: institution.createdAt.toISOString(),
      updatedAt: institution.updatedAt.toISOString(),
    };
  }

  /** Resolves codes to institutions; an unknown code is a validation error on `field`. */
  async resolveCodes(manager: EntityManager, codes: string[], field: string): Promise<Institution[]> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return [];
    const found = await manager.getRepository(Institution).findBy({ code: In(unique) });
    const missing = unique.filter((code) => !found.some((institution) => institution.code === code));
    if (missing.length > 0) {
      throw AppException.validation(missing.map((code) => ({ field, rule: 'unknownInstitution', args: [code] })));
    }
    return unique.map((code) => found.find((institution) => institution.code === code) as Institution);
  }
}

interface SummaryRow {
  code: string;
  name: InstitutionSummary['name'];
  type: InstitutionSummary['type'];
  acronym: string | null;
  subtype: string | null;
  region_code: string | null;
  active: boolean;
  parent_code: string | null;
}

function fromRow(row: SummaryRow): InstitutionSummary {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    acronym: row.acronym,
    subtype: row.subtype,
    parentCode: row.parent_code,
    regionCode: row.region_code,
    active: row.active,
  };
}

function toSummary(institution: Institution): InstitutionSummary {
  return {
    ...toInstitutionRef(institution),
    acronym: institution.acronym,
    subtype: institution.subtype,
    parentCode: institution.parent?.code ?? null,
    regionCode: institution.regionCode,
    active: institution.active,
  };
}
