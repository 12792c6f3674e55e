import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPOINTMENT_LIMITS,
  isInstitutionScoped,
  type ImportPreview,
  type ImportResult,
  type Locale,
} from '@marsad/contracts';
import { isEmail } from 'class-validator';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { AuditService, diffOf, type AuditChange } from '../audit/audit.service';
import type { Actor, ActorContext, SignedInContext } from '../auth/actor';
import { isIsoDate } from '../common/validation/validators';
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
import { Institution } from '../institutions/entities/institution.entity';
import { OfficerAppointment } from './entities/officer-appointment.entity';
import { maySeeContacts, maySeeName } from './officers.service';
import { PHONE_PATTERN } from '../common/validation/transforms';

export const OFFICER_COLUMNS: ColumnSpec[] = [
  { key: 'institution_code', label: { fr: "Code de l'administration", ar: 'رمز الإدارة' } },
  { key: 'role', label: { fr: 'Rôle (ROD ou GDD)', ar: 'الدور (ROD أو GDD)' } },
  { key: 'status', label: { fr: 'Statut (active ou interim)', ar: 'الوضعية (active أو interim)' } },
  { key: 'full_name_fr', label: { fr: 'Nom complet (français)', ar: 'الاسم الكامل (بالفرنسية)' } },
  { key: 'full_name_ar', label: { fr: 'Nom complet (arabe)', ar: 'الاسم الكامل (بالعربية)' } },
  { key: 'email', label: { fr: 'E-mail', ar: 'البريد الإلكتروني' } },
  { key: 'phone', label: { fr: 'Téléphone', ar: 'الهاتف' } },
  { key: 'position', label: { fr: 'Fonction', ar: 'المنصب' } },
  { key: 'appointed_on', label: { fr: 'Date de désignation (AAAA-MM-JJ)', ar: 'تاريخ التعيين (YYYY-MM-DD)' } },
  { key: 'act_reference', label: { fr: "Référence de l'acte", ar: 'مرجع مقرر التعيين' } },
  { key: 'act_date', label: { fr: "Date de l'acte (AAAA-MM-JJ)", ar: 'تاريخ المقرر (YYYY-MM-DD)' } },
  {
    key: 'public_consent',
    label: { fr: 'Accord pour publier le nom (oui/non)', ar: 'الموافقة على نشر الاسم (نعم/لا)' },
  },
];

const EXPORT_COLUMNS: ColumnSpec[] = [
  ...OFFICER_COLUMNS,
  { key: 'institution_name_fr', label: { fr: 'Administration (français)', ar: 'الإدارة (بالفرنسية)' } },
  { key: 'institution_name_ar', label: { fr: 'Administration (arabe)', ar: 'الإدارة (بالعربية)' } },
  { key: 'ended_on', label: { fr: 'Fin de désignation', ar: 'نهاية التعيين' } },
];

const REQUIRED = ['institution_code', 'role', 'email', 'appointed_on'];
const PUBLIC_CONSENT = columnOf(OFFICER_COLUMNS, 'public_consent');

interface ValidRow {
  row: number;
  institution: Institution;
  role: 'ROD' | 'GDD';
  status: 'active' | 'interim';
  fullName: { ar?: string; fr?: string };
  email: string;
  phone: string | null;
  position: string | null;
  appointedOn: string;
  actReference: string | null;
  actDate: string | null;
  publicConsent: boolean;
}

interface OfficersPlan {
  creates: ValidRow[];
  updates: { existing: OfficerAppointment; row: ValidRow }[];
  unchanged: number;
}

const snapshot = (
  a: Pick<
    OfficerAppointment,
    'status' | 'fullName' | 'phone' | 'position' | 'appointedOn' | 'actReference' | 'actDate' | 'publicConsent'
  >,
) => ({
  status: a.status,
  fullName: a.fullName,
  phone: a.phone,
  position: a.position,
  appointedOn: a.appointedOn,
  actReference: a.actReference,
  actDate: a.actDate,
  publicConsent: a.publicConsent,
});

const keyOf = (institutionId: string, role: string, email: string) => `${institutionId}|${role}|${email}`;

/**
 * Officers from a spreadsheet: a preview that checks every row and writes
 * nothing, then a commit that applies the whole file in one transaction or
 * nothing at all. Rows are keyed on administration, role and email, so
 * importing the same file again changes nothing.
 */
@Injectable()
export class OfficersImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  template(format: TableFormat): Promise<Buffer> {
    return writeTable(format, 'officers', OFFICER_COLUMNS, [
      [
        'MEF',
        'ROD',
        'active',
        'Amina Tazi',
        'أمينة التازي',
        'amina.tazi@example.ma',
        '+212 537 00 00 00',
        'Chef de division',
        '2026-01-15',
        'Décision 12/2026',
        '2026-01-10',
        'oui',
      ],
    ]);
  }

  preview(caller: SignedInContext, bytes: Buffer, locale: Locale): Promise<ImportPreview> {
    return previewImport(this.dataSource.manager, this.steps(caller.actor, bytes), locale);
  }

  /** Applies the file. Any invalid row refuses the whole file; any failure while writing undoes it all. */
  commit(caller: SignedInContext, bytes: Buffer): Promise<ImportResult> {
    return commitImport(
      (work) => this.dataSource.transaction(work),
      this.audit,
      caller,
      this.steps(caller.actor, bytes),
    );
  }

  private steps(actor: Actor, bytes: Buffer): ImportSteps<ValidRow, OfficersPlan> {
    return {
      check: (manager) => this.validate(manager, actor, bytes),
      plan: (manager, valid) => this.plan(manager, valid),
      apply: (manager, plan) => this.apply(manager, plan),
    };
  }

  private async apply(manager: EntityManager, { creates, updates }: OfficersPlan): Promise<AuditChange[]> {
    const repo = manager.getRepository(OfficerAppointment);
    const events: AuditChange[] = [];
    for (let i = 0; i < creates.length; i += IMPORT_CHUNK) {
      const chunk = creates.slice(i, i + IMPORT_CHUNK).map((row) =>
        repo.create({
          institutionId: row.institution.id,
          role: row.role,
          status: row.status,
          fullName: row.fullName,
          email: row.email,
          phone: row.phone,
          position: row.position,
          appointedOn: row.appointedOn,
          actReference: row.actReference,
          actDate: row.actDate,
          publicConsent: row.publicConsent,
        }),
      );
      const inserted = await repo.insert(chunk);
      chunk.forEach((entity, index) =>
        events.push({
          action: 'officer.appoint',
          entityType: 'officer-appointment',
          entityId: inserted.identifiers[index]['id'],
          diff: diffOf(null, {
            institution: creates[i + index].institution.code,
            role: entity.role,
            email: entity.email,
            ...snapshot(entity),
            via: 'import',
          }),
        }),
      );
    }
    for (const { existing, row } of updates) {
      const before = snapshot(existing);
      Object.assign(existing, {
        status: row.status,
        fullName: row.fullName,
        phone: row.phone,
        position: row.position,
        appointedOn: row.appointedOn,
        actReference: row.actReference,
        actDate: row.actDate,
        publicConsent: row.publicConsent,
      });
      await repo.save(existing);
      events.push({
        action: 'officer.update',
        entityType: 'officer-appointment',
        entityId: existing.id,
        diff: { ...diffOf(before, snapshot(existing)), via: { before: null, after: 'import' } },
      });
    }
    return events;
  }

  async export(
    caller: ActorContext,
    format: TableFormat,
    filters: { institution?: string; role?: string; status?: string },
  ): Promise<Buffer> {
    const qb = this.dataSource
      .getRepository(OfficerAppointment)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.institution', 'i')
      .orderBy('i.code', 'ASC')
      .addOrderBy('a.role', 'DESC')
      .addOrderBy('a.appointed_on', 'DESC');
    if (filters.institution) qb.andWhere('i.code = :code', { code: filters.institution });
    if (filters.role) qb.andWhere('a.role = :role', { role: filters.role });
    if (filters.status) qb.andWhere('a.status = :status', { status: filters.status });
    const rows = await qb.getMany();
    const actor = caller.actor;
    return writeTable(
      format,
      'officers',
      EXPORT_COLUMNS,
      rows.map((a) => {
        const institution = a.institution as Institution;
        const contacts = maySeeContacts(actor, a.institutionId);
        const name = maySeeName(actor, a);
        return [
          institution.code,
          a.role,
          a.status,
          name ? (a.fullName.fr ?? '') : '',
          name ? (a.fullName.ar ?? '') : '',
          contacts ? a.email : '',
          contacts ? (a.phone ?? '') : '',
          name ? (a.position ?? '') : '',
          a.appointedOn,
          contacts ? (a.actReference ?? '') : '',
          contacts ? (a.actDate ?? '') : '',
          a.publicConsent ? 'oui' : 'non',
          institution.name.fr,
          institution.name.ar,
          a.endedOn ?? '',
        ];
      }),
    );
  }

  private async validate(manager: EntityManager, actor: Actor, bytes: Buffer): Promise<CheckedFile<ValidRow>> {
    const table = await readImportTable(bytes, OFFICER_COLUMNS, REQUIRED);

    const codes = [
      ...new Set(
        table.rows.map(({ cells }) => cells[table.columns.get('institution_code') as number]?.trim()).filter(Boolean),
      ),
    ];
    const institutions = new Map(
      (await manager.getRepository(Institution).findBy({ code: In(codes) })).map((i) => [i.code, i]),
    );
    const seen = new Map<string, number>();
    const activeRod = new Map<string, number>();

    const { valid, issues, total } = checkRows<ValidRow>(table, ({ row, cell, flag, problems }) => {
      const code = cell('institution_code');
      const institution = institutions.get(code);
      if (!code) flag('institution_code', 'isDefined');
      else if (!institution) flag('institution_code', 'unknownInstitution', [code]);
      else if (isInstitutionScoped(actor.role) && institution.id !== actor.institutionId)
        flag('institution_code', 'otherInstitution');
      const role = cell('role').toUpperCase();
      if (role !== 'ROD' && role !== 'GDD') flag('role', 'isIn', ['ROD, GDD']);
      const status = (cell('status') || 'active').toLowerCase();
      if (status !== 'active' && status !== 'interim') flag('status', 'isIn', ['active, interim']);
      const fullName = {
        ...(cell('full_name_ar') ? { ar: cell('full_name_ar') } : {}),
        ...(cell('full_name_fr') ? { fr: cell('full_name_fr') } : {}),
      };
      if (!fullName.ar && !fullName.fr) flag('full_name_fr', 'hasSomeName');
      for (const key of ['full_name_ar', 'full_name_fr'])
        if (cell(key).length > APPOINTMENT_LIMITS.fullName) flag(key, 'maxLength', [APPOINTMENT_LIMITS.fullName]);
      const email = cell('email').toLowerCase();
      if (!isEmail(email)) flag('email', 'isEmail');
      const phone = cell('phone');
      if (phone && !PHONE_PATTERN.test(phone)) flag('phone', 'matches');
      const position = cell('position');
      if (position.length > APPOINTMENT_LIMITS.position) flag('position', 'maxLength', [APPOINTMENT_LIMITS.position]);
      const appointedOn = cell('appointed_on');
      if (!isIsoDate(appointedOn)) flag('appointed_on', 'isIsoDate');
      const actDate = cell('act_date');
      if (actDate && !isIsoDate(actDate)) flag('act_date', 'isIsoDate');
      const actReference = cell('act_reference');
      if (actReference.length > APPOINTMENT_LIMITS.actReference)
        flag('act_reference', 'maxLength', [APPOINTMENT_LIMITS.actReference]);
      const publicConsent = yesNo(cell('public_consent'), PUBLIC_CONSENT);
      if (publicConsent === null) flag('public_consent', 'isBoolean');

      if (institution && !problems.some((p) => p.field === 'email' || p.field === 'role')) {
        const key = keyOf(institution.id, role, email);
        if (seen.has(key)) flag('email', 'duplicateRow', [seen.get(key)]);
        else seen.set(key, row);
        if (role === 'ROD' && status === 'active') {
          if (activeRod.has(institution.id)) flag('status', 'oneActiveRod');
          else activeRod.set(institution.id, row);
        }
      }
      if (!institution) return null;
      return {
        row,
        institution,
        role: role as 'ROD' | 'GDD',
        status: status as 'active' | 'interim',
        fullName,
        email,
        phone: phone || null,
        position: position || null,
        appointedOn,
        actReference: actReference || null,
        actDate: actDate || null,
        publicConsent: publicConsent === true,
      };
    });

    // An active ROD in the file for an administration that already has another one.
    const rodInstitutions = valid.filter((r) => r.role === 'ROD' && r.status === 'active').map((r) => r.institution.id);
    if (rodInstitutions.length) {
      const current = await manager
        .getRepository(OfficerAppointment)
        .findBy({ institutionId: In(rodInstitutions), role: 'ROD', status: 'active' });
      for (const existing of current) {
        const incoming = valid.find(
          (r) => r.institution.id === existing.institutionId && r.role === 'ROD' && r.status === 'active',
        );
        if (incoming && incoming.email !== existing.email) {
          issues.push({
            row: incoming.row,
            column: 'status',
            rule: 'oneActiveRod',
            value: incoming.status,
            message: '',
          });
          valid.splice(valid.indexOf(incoming), 1);
        }
      }
    }
    issues.sort((a, b) => a.row - b.row);
    return { valid, issues, total };
  }

  /** What the file would do: rows to create, rows whose values changed, rows already as in the file. */
  private async plan(manager: EntityManager, rows: ValidRow[]): Promise<OfficersPlan> {
    const institutionIds = [...new Set(rows.map((r) => r.institution.id))];
    const existing = institutionIds.length
      ? await manager
          .getRepository(OfficerAppointment)
          .findBy({ institutionId: In(institutionIds), status: Not('ended') })
      : [];
    const byKey = new Map(existing.map((a) => [keyOf(a.institutionId, a.role, a.email), a]));
    const creates: ValidRow[] = [];
    const updates: { existing: OfficerAppointment; row: ValidRow }[] = [];
    let unchanged = 0;
    for (const row of rows) {
      const current = byKey.get(keyOf(row.institution.id, row.role, row.email));
      if (!current) creates.push(row);
      else if (Object.keys(diffOf(snapshot(current), snapshot({ ...row }))).length > 0)
        updates.push({ existing: current, row });
      else unchanged += 1;
    }
    return { creates, updates, unchanged };
  }
}
