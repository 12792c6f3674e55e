import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstitutionDetail } from '@marsad/contracts';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { SignedInContext } from '../auth/actor';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import type { CreateInstitutionDto, UpdateInstitutionDto } from './dto/institution-write.dto';
import { Institution } from './entities/institution.entity';
import { InstitutionsService, searchTextOf } from './institutions.service';

export const institutionSnapshot = (i: Institution, parentCode: string | null) => ({
  name: i.name,
  type: i.type,
  acronym: i.acronym,
  parent: parentCode,
  regionCode: i.regionCode,
  website: i.website,
  portalOrgName: i.portalOrgName,
  active: i.active,
});

/** Coordinators keep the registry: new bodies, corrected names, parents and portal names. */
@Injectable()
export class InstitutionsAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly institutions: InstitutionsService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: SignedInContext, dto: CreateInstitutionDto): Promise<InstitutionDetail> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Institution);
      if (await repo.existsBy({ code: dto.code }))
        throw AppException.validation([{ field: 'code', rule: 'codeTaken' }]);
      const parent = await this.parent(manager, dto.parentCode ?? null, null);
      await this.assertPortalNameFree(manager, dto.portalOrgName ?? null, null);
      const name = { ar: dto.name.ar.trim(), fr: dto.name.fr.trim(), en: dto.name.en?.trim() || dto.name.fr.trim() };
      const row = repo.create({
        code: dto.code,
        name,
        type: dto.type,
        acronym: dto.acronym?.trim() || null,
        parentId: parent?.id ?? null,
        regionCode: dto.regionCode ?? parent?.regionCode ?? null,
        website: dto.website ?? null,
        portalOrgName: dto.portalOrgName ?? null,
        active: true,
      });
      row.searchText = searchTextOf(row);
      await repo.save(row);
      await this.audit.record(manager, caller, {
        action: 'institution.create',
        entityType: 'institution',
        entityId: row.code,
        diff: diffOf(null, institutionSnapshot(row, parent?.code ?? null)),
      });
    });
    return this.institutions.get(dto.code);
  }

  async update(caller: SignedInContext, code: string, dto: UpdateInstitutionDto): Promise<InstitutionDetail> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Institution);
      const row = await repo.findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw AppException.notFound('institution', code);
      if (row.version !== dto.version)
        throw AppException.versionConflict('institution', dto.version, await this.institutions.get(code, manager));
      const currentParent = row.parentId ? await repo.findOneBy({ id: row.parentId }) : null;
      const before = institutionSnapshot(row, currentParent?.code ?? null);
      const parent = dto.parentCode !== undefined ? await this.parent(manager, dto.parentCode, row) : currentParent;
      if (dto.portalOrgName !== undefined) await this.assertPortalNameFree(manager, dto.portalOrgName, row.id);
      if (dto.name)
        row.name = { ar: dto.name.ar.trim(), fr: dto.name.fr.trim(), en: dto.name.en?.trim() || dto.name.fr.trim() };
      if (dto.type) row.type = dto.type;
      if (dto.acronym !== undefined) row.acronym = dto.acronym?.trim() || null;
      row.parentId = parent?.id ?? null;
      if (dto.regionCode !== undefined) row.regionCode = dto.regionCode;
      if (dto.website !== undefined) row.website = dto.website;
      if (dto.portalOrgName !== undefined) row.portalOrgName = dto.portalOrgName;
      if (dto.active !== undefined) row.active = dto.active;
      row.searchText = searchTextOf(row);
      const diff = diffOf(before, institutionSnapshot(row, parent?.code ?? null));
      if (Object.keys(diff).length === 0) return;
      await repo.save(row);
      await this.audit.record(manager, caller, {
        action: 'institution.update',
        entityType: 'institution',
        entityId: row.code,
        diff,
      });
    });
    return this.institutions.get(code);
  }

  /** The parent must exist and must not be the institution itself or one of its descendants. */
  private async parent(
    manager: EntityManager,
    code: string | null,
    self: Institution | null,
  ): Promise<Institution | null> {
    if (!code) return null;
    const parent = await manager.getRepository(Institution).findOneBy({ code });
    const violations: RuleViolation[] = [];
    if (!parent) violations.push({ field: 'parentCode', rule: 'unknownInstitution', args: [code] });
    else if (self) {
      const [cycle] = await manager.query(
        `WITH RECURSIVE up AS (SELECT id, parent_id FROM institutions WHERE id = $1
           UNION SELECT i.id, i.parent_id FROM institutions i JOIN up ON i.id = up.parent_id)
         SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS cycle`,
        [parent.id, self.id],
      );
      if (cycle.cycle) violations.push({ field: 'parentCode', rule: 'parentCycle' });
    }
    if (violations.length) throw AppException.validation(violations);
    return parent;
  }

  private async assertPortalNameFree(
    manager: EntityManager,
    name: string | null,
    selfId: string | null,
  ): Promise<void> {
    if (!name) return;
    const taken = await manager
      .getRepository(Institution)
      .existsBy({ portalOrgName: name, ...(selfId ? { id: Not(selfId) } : {}) });
    if (taken) throw AppException.validation([{ field: 'portalOrgName', rule: 'portalNameTaken' }]);
  }
}
