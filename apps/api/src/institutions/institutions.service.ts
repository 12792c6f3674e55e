import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  INSTITUTION_TYPES,
  type InstitutionDetail,
  type InstitutionRef,
  type InstitutionSummary,
  type Page,
} from '@marsad/contracts';
import { In, Repository, type EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import { normalizeForSearch } from '../common/text/search-normalize.util';
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
const TYPE_RANK = `array_position(ARRAY[${INSTITUTION_TYPES.map((type) => `'${type}'`).join(',')}]::varchar[], i.type)`;

/** SQL: the institution aliased `alias` has an active or interim appointment in `role`. */
export function holdsRole(alias: string, role: 'ROD' | 'GDD'): string {
  return `EXISTS (SELECT 1 FROM officer_appointments oa WHERE oa.institution_id = ${alias}.id AND oa.role = '${role}' AND oa.status <> 'ended')`;
}

@Injectable()
export class InstitutionsService {
  constructor(@InjectRepository(Institution) private readonly institutions: Repository<Institution>) {}

  async list(query: InstitutionQueryDto): Promise<Page<InstitutionSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.institutions.createQueryBuilder('i').leftJoin('i.parent', 'p').addSelect(['p.code']);
    if (query.type) qb.andWhere('i.type = :type', { type: query.type });
    if (query.region) qb.andWhere('i.region_code = :region', { region: query.region });
    if (query.parent) qb.andWhere('p.code = :parent', { parent: query.parent });
    for (const [flag, role] of [
      [query.hasRod, 'ROD'],
      [query.hasGdd, 'GDD'],
    ] as const) {
      if (flag === undefined) continue;
      qb.andWhere(`${flag ? '' : 'NOT '}${holdsRole('i', role)}`);
    }
    if (query.q) {
      const terms = normalizeForSearch(query.q).split(' ').filter(Boolean);
      terms.forEach((term, index) =>
        qb.andWhere(`i.search_text LIKE :term${index}`, { [`term${index}`]: `%${term.replace(/[%_\\]/g, '\\$&')}%` }),
      );
    }
    const sort = query.sort ?? 'type';
    if (sort === 'type') qb.orderBy(TYPE_RANK, 'ASC').addOrderBy('i.code', 'ASC');
    else if (sort === 'name') qb.orderBy(`i.name->>'fr'`, 'ASC').addOrderBy('i.code', 'ASC');
    else qb.orderBy('i.code', 'ASC');
    const [rows, total] = await qb
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items: rows.map(toSummary), total, page, pageSize };
  }

  async get(code: string): Promise<InstitutionDetail> {
    const institution = await this.institutions.findOne({ where: { code }, relations: { parent: true } });
    if (!institution) throw AppException.notFound('institution', code);
    const [region, childCount] = await Promise.all([
      institution.regionCode && institution.regionCode !== institution.code
        ? this.institutions.findOneBy({ code: institution.regionCode })
        : Promise.resolve(null),
      this.institutions.countBy({ parentId: institution.id }),
    ]);
    return {
      ...toSummary(institution),
      parent: institution.parent ? toInstitutionRef(institution.parent) : null,
      region: region ? toInstitutionRef(region) : null,
      website: institution.website,
      portalOrgName: institution.portalOrgName,
      childCount,
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
