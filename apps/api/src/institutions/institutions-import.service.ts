import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INSTITUTION_TYPES,
  type ImportPreview,
  type ImportResult,
  type InstitutionQuery,
  type InstitutionType,
  type Locale,
} from '@marsad/contracts';
import { isURL } from 'class-validator';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, diffOf, type AuditChange } from '../audit/audit.service';
import type { SignedInContext } from '../auth/actor';
import {
  IMPORT_CHUNK,
  checkRows,
  columnOf,
  commitImport,
  previewImport,
  readImportTable,
  yesNo,
  type CheckedFile,
  type ImportSteps,
} from '../imports/import-pipeline';
import { writeTable, type ColumnSpec, type TableFormat } from '../imports/table-file.util';
import { Institution } from './entities/institution.entity';
import { institutionSnapshot } from './institutions-admin.service';
import { registryFilterSql, searchTextOf } from './institutions.service';

export const INSTITUTION_COLUMNS: ColumnSpec[] = [
  { key: 'code', label: { fr: 'Code', ar: 'الرمز' } },
  { key: 'name_fr', label: { fr: 'Nom (français)', ar: 'الاسم (بالفرنسية)' } },
  { key: 'name_ar', label: { fr: 'Nom (arabe)', ar: 'الاسم (بالعربية)' } },
  { key: 'name_en', label: { fr: 'Nom (anglais)', ar: 'الاسم (بالإنجليزية)' } },
  { key: 'type', label: { fr: 'Type', ar: 'النوع' } },
  { key: 'acronym', label: { fr: 'Sigle', ar: 'المختصر' } },
  { key: 'parent_code', label: { fr: 'Code de la tutelle', ar: 'رمز جهة الوصاية' } },
  { key: 'region_code', label: { fr: 'Code de la région', ar: 'رمز الجهة' } },
  { key: 'website', label: { fr: 'Site web', ar: 'الموقع الإلكتروني' } },
  { key: 'portal_org_name', label: { fr: 'Nom sur data.gov.ma', ar: 'الاسم على data.gov.ma' } },
  // An administration is active unless the file says otherwise, as it always was.
  { key: 'active', label: { fr: 'Active (oui/non)', ar: 'نشطة (نعم/لا)' }, blank: 'yes' },
];

const REQUIRED = ['code', 'name_fr', 'name_ar', 'type'];
const ACTIVE = columnOf(INSTITUTION_COLUMNS, 'active');
const CODE = /^[A-Z0-9][A-Z0-9.-]{1,63}$/;
const PORTAL = /^[a-z0-9_-]{2,100}$/;

interface ValidRow {
  row: number;
  code: string;
  name: { ar: string; fr: string; en: string };
  type: InstitutionType;
  acronym: string | null;
  parentCode: string | null;
  regionCode: string | null;
  website: string | null;
  portalOrgName: string | null;
  active: boolean;
}

interface InstitutionsPlan {
  creates: ValidRow[];
  updates: { existing: Institution; row: ValidRow; before: ReturnType<typeof institutionSnapshot> }[];
  unchanged: number;
}

/** Administrations from a spreadsheet, keyed on their code: preview, then all or nothing. */
@Injectable()
export class InstitutionsImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  template(format: TableFormat): Promise<Buffer> {
    return writeTable(format, 'administrations', INSTITUTION_COLUMNS, [
      [
        'ONEE',
        "Office national de l'électricité et de l'eau potable",
        'المكتب الوطني للكهرباء والماء الصالح للشرب',
        'National Office of Electricity and Drinking Water',
        'public_enterprise',
        'ONEE',
        '',
        '',
        'https://www.one.org.ma',
        '',
        'oui',
      ],
    ]);
  }

  preview(bytes: Buffer, locale: Locale): Promise<ImportPreview> {
    return previewImport(this.dataSource.manager, this.steps(bytes), locale);
  }

  /** Applies the file. Any invalid row refuses the whole file; any failure while writing undoes it all. */
  commit(caller: SignedInContext, bytes: Buffer): Promise<ImportResult> {
    return commitImport((work) => this.dataSource.transaction(work), this.audit, caller, this.steps(bytes));
  }

  private steps(bytes: Buffer): ImportSteps<ValidRow, InstitutionsPlan> {
    return {
      check: (manager) => this.validate(manager, bytes),
      plan: (manager, valid) => this.plan(manager, valid),
      apply: (manager, plan) => this.apply(manager, plan),
    };
  }

  private async apply(manager: EntityManager, { creates, updates }: InstitutionsPlan): Promise<AuditChange[]> {
    const repo = manager.getRepository(Institution);
    for (let i = 0; i < creates.length; i += IMPORT_CHUNK) {
      const entities = creates.slice(i, i + IMPORT_CHUNK).map((row) => {
        const entity = repo.create({
          code: row.code,
          name: row.name,
          type: row.type,
          acronym: row.acronym,
          regionCode: row.regionCode,
          website: row.website,
          portalOrgName: row.portalOrgName,
          active: row.active,
        });
        entity.searchText = searchTextOf(entity);
        return entity;
      });
      await repo.insert(entities);
    }
    for (const { existing, row } of updates) {
      Object.assign(existing, {
        name: row.name,
        type: row.type,
        acronym: row.acronym,
        regionCode: row.regionCode,
        website: row.website,
        portalOrgName: row.portalOrgName,
        active: row.active,
      });
      existing.searchText = searchTextOf(existing);
      await repo.save(existing);
    }
    // Parents last: a row may name as parent another row of the same file.
    const touched = [...creates, ...updates.map((u) => u.row)];
    const ids = new Map(
      (
        await repo.findBy({
          code: In([
            ...touched.map((r) => r.code),
            ...touched.map((r) => r.parentCode).filter((c): c is string => !!c),
          ]),
        })
      ).map((i) => [i.code, i]),
    );
    for (const row of touched) {
      const self = ids.get(row.code) as Institution;
      const parentId = row.parentCode ? (ids.get(row.parentCode) as Institution).id : null;
      if (self.parentId !== parentId) await repo.update({ id: self.id }, { parentId });
    }
    return [
      ...creates.map((row): AuditChange => ({
        action: 'institution.create',
        entityType: 'institution',
        entityId: row.code,
        diff: diffOf(null, { ...snapshotOf(row), via: 'import' }),
      })),
      ...updates.map(({ before, row }): AuditChange => ({
        action: 'institution.update',
        entityType: 'institution',
        entityId: row.code,
        diff: { ...diffOf(before, snapshotOf(row)), via: { before: null, after: 'import' } },
      })),
    ];
  }

  /** Every administration the list shows for the same filters (all pages), in the list's order. */
  async export(format: TableFormat, filters: InstitutionQuery): Promise<Buffer> {
    const params: unknown[] = [];
    const { where, orderBy } = registryFilterSql(filters, (value) => `$${params.push(value)}`);
    const rows: {
      code: string;
      name: ValidRow['name'];
      type: string;
      acronym: string | null;
      parent_code: string | null;
      region_code: string | null;
      website: string | null;
      portal_org_name: string | null;
      active: boolean;
    }[] = await this.dataSource.query(
      `SELECT i.code, i.name, i.type, i.acronym, p.code AS parent_code, i.region_code, i.website, i.portal_org_name, i.active
         FROM institutions i LEFT JOIN institutions p ON p.id = i.parent_id ${where} ORDER BY ${orderBy}`,
      params,
    );
    return writeTable(
      format,
      'administrations',
      INSTITUTION_COLUMNS,
      rows.map((r) => [
        r.code,
        r.name.fr,
        r.name.ar,
        r.name.en,
        r.type,
        r.acronym,
        r.parent_code,
        r.region_code,
        r.website,
        r.portal_org_name,
        r.active ? 'oui' : 'non',
      ]),
    );
  }

  private async validate(manager: EntityManager, bytes: Buffer): Promise<CheckedFile<ValidRow>> {
    const table = await readImportTable(bytes, INSTITUTION_COLUMNS, REQUIRED);
    const inFile = new Map<string, number>();
    const portalNames = new Map<string, number>();
    const column = (key: string) => table.columns.get(key);
    const cellAt = (cells: string[], key: string) =>
      table.columns.has(key) ? (cells[column(key) as number] ?? '').trim() : '';
    const parents = new Set(table.rows.map(({ cells }) => cellAt(cells, 'parent_code')).filter(Boolean));
    const known = new Set(
      (
        await manager.getRepository(Institution).find({ select: { code: true }, where: { code: In([...parents]) } })
      ).map((i) => i.code),
    );
    for (const { cells } of table.rows) {
      const code = cellAt(cells, 'code').toUpperCase();
      if (code) known.add(code);
    }
    const { valid, issues, total } = checkRows<ValidRow>(table, ({ row, cell, flag }) => {
      const code = cell('code').toUpperCase();
      if (!CODE.test(code)) flag('code', 'matches');
      else if (inFile.has(code)) flag('code', 'duplicateRow', [inFile.get(code)]);
      else inFile.set(code, row);
      if (!cell('name_fr')) flag('name_fr', 'isNotEmpty');
      if (!cell('name_ar')) flag('name_ar', 'isNotEmpty');
      const type = cell('type').toLowerCase();
      if (!(INSTITUTION_TYPES as readonly string[]).includes(type))
        flag('type', 'isIn', [INSTITUTION_TYPES.join(', ')]);
      const parentCode = cell('parent_code').toUpperCase() || null;
      if (parentCode && (!known.has(parentCode) || parentCode === code))
        flag('parent_code', 'unknownInstitution', [parentCode]);
      const regionCode = cell('region_code') || null;
      if (regionCode && !/^\d{2}$/.test(regionCode)) flag('region_code', 'matches');
      const website = cell('website') || null;
      if (website && !isURL(website, { protocols: ['http', 'https'], require_protocol: true }))
        flag('website', 'isUrl');
      const portal = cell('portal_org_name') || null;
      if (portal && !PORTAL.test(portal)) flag('portal_org_name', 'matches');
      else if (portal && portalNames.has(portal)) flag('portal_org_name', 'duplicateRow', [portalNames.get(portal)]);
      else if (portal) portalNames.set(portal, row);
      const active = yesNo(cell('active'), ACTIVE);
      if (active === null) flag('active', 'isBoolean');
      return {
        row,
        code,
        name: { fr: cell('name_fr'), ar: cell('name_ar'), en: cell('name_en') || cell('name_fr') },
        type: type as InstitutionType,
        acronym: cell('acronym') || null,
        parentCode,
        regionCode,
        website,
        portalOrgName: portal,
        active: active !== false,
      };
    });
    // A portal name already used by an administration the file does not mention.
    const names = valid.map((v) => v.portalOrgName).filter((n): n is string => !!n);
    if (names.length) {
      const owners = await manager
        .getRepository(Institution)
        .find({ select: { code: true, portalOrgName: true }, where: { portalOrgName: In(names) } });
      for (const owner of owners) {
        const row = valid.find((v) => v.portalOrgName === owner.portalOrgName);
        if (row && row.code !== owner.code && !valid.some((v) => v.code === owner.code)) {
          issues.push({
            row: row.row,
            column: 'portal_org_name',
            rule: 'portalNameTaken',
            value: row.portalOrgName ?? '',
            message: '',
          });
          valid.splice(valid.indexOf(row), 1);
        }
      }
    }
    issues.sort((a, b) => a.row - b.row);
    return { valid, issues, total };
  }

  private async plan(manager: EntityManager, rows: ValidRow[]): Promise<InstitutionsPlan> {
    const existing = rows.length
      ? await manager
          .getRepository(Institution)
          .find({ where: { code: In(rows.map((r) => r.code)) }, relations: { parent: true } })
      : [];
    const byCode = new Map(existing.map((i) => [i.code, i]));
    const creates: ValidRow[] = [];
    const updates: InstitutionsPlan['updates'] = [];
    let unchanged = 0;
    for (const row of rows) {
      const current = byCode.get(row.code);
      if (!current) {
        creates.push(row);
        continue;
      }
      const before = institutionSnapshot(current, current.parent?.code ?? null);
      if (Object.keys(diffOf(before, snapshotOf(row))).length) updates.push({ existing: current, row, before });
      else unchanged += 1;
    }
    return { creates, updates, unchanged };
  }
}

function snapshotOf(row: ValidRow) {
  return {
    name: row.name,
    type: row.type,
    acronym: row.acronym,
    parent: row.parentCode,
    regionCode: row.regionCode,
    website: row.website,
    portalOrgName: row.portalOrgName,
    active: row.active,
  };
}
