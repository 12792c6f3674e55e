import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPOINTMENT_ACT_CONTENT_TYPES,
  APPOINTMENT_ACT_MAX_BYTES,
  isInstitutionScoped,
  OFFICER_ROLE_NAMES,
  type AppointmentView,
} from '@marsad/contracts';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { Actor, ActorContext, SignedInContext } from '../auth/actor';
import { StampedCache } from '../common/cache/stamped-cache';
import { AppException } from '../common/errors/app-exception';
import { transactionMappingUniqueViolations } from '../common/errors/unique-violation';
import { Institution } from '../institutions/entities/institution.entity';
import { REGISTRY_STAMP_SQL, toInstitutionRef } from '../institutions/institutions.service';
import { sniffContentType } from '../storage/file-type.util';
import { StorageService } from '../storage/storage.service';
import type { CreateAppointmentDto, EndAppointmentDto, UpdateAppointmentDto } from './dto/appointment.dto';
import { OfficerAppointment } from './entities/officer-appointment.entity';
import { maySeeAppointmentField, maySeeContacts } from './officer-visibility';
import { NotificationsService } from '../notifications/notifications.service';
import { coordinatorAccounts } from '../notifications/recipients';

// The rules live in one place, shared with the audit trail; re-exported for the import and export.
export { maySeeContacts, maySeeName } from './officer-visibility';

/** The fields an appointment's audit events record; each has its rule in APPOINTMENT_FIELD_RULES. */
const auditSnapshot = (a: OfficerAppointment) => ({
  role: a.role,
  status: a.status,
  fullName: a.fullName,
  email: a.email,
  phone: a.phone,
  position: a.position,
  publicConsent: a.publicConsent,
  appointedOn: a.appointedOn,
  actReference: a.actReference,
  actDate: a.actDate,
  endedOn: a.endedOn,
  endReason: a.endReason,
});

const STATUS_ORDER: Record<string, number> = { active: 0, interim: 1, ended: 2 };

@Injectable()
export class OfficersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly storage: StorageService,
    private readonly notifications: NotificationsService,
  ) {}

  /** What anyone may see of an administration's officers: kept until an appointment or the registry changes. */
  private readonly publicLists = new StampedCache(
    async () => (await this.dataSource.query(REGISTRY_STAMP_SQL))[0].stamp,
  );

  listFor(code: string, caller: ActorContext): Promise<AppointmentView[]> {
    if (caller.actor) return this.listNow(code, caller);
    return this.publicLists.get(code, () => this.listNow(code, caller));
  }

  private async listNow(code: string, caller: ActorContext): Promise<AppointmentView[]> {
    const institution = await this.institution(this.dataSource.manager, code);
    const rows = await this.dataSource
      .getRepository(OfficerAppointment)
      .find({ where: { institutionId: institution.id } });
    rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.appointedOn.localeCompare(a.appointedOn));
    return this.views(
      this.dataSource.manager,
      rows.map((row) => Object.assign(row, { institution })),
      caller.actor,
    );
  }

  create(caller: SignedInContext, code: string, dto: CreateAppointmentDto): Promise<AppointmentView> {
    return this.write(async (manager) => {
      const institution = await this.institution(manager, code);
      this.assertMayManage(caller.actor, institution.id);
      const repo = manager.getRepository(OfficerAppointment);
      const row = await repo.save(
        repo.create({
          institutionId: institution.id,
          role: dto.role,
          status: dto.status ?? 'active',
          fullName: cleanName(dto.fullName),
          email: dto.email,
          phone: dto.phone ?? null,
          position: dto.position?.trim() || null,
          publicConsent: dto.publicConsent ?? false,
          appointedOn: dto.appointedOn,
          actReference: dto.actReference?.trim() || null,
          actDate: dto.actDate ?? null,
        }),
      );
      await this.audit.record(manager, caller, {
        action: 'officer.appoint',
        entityType: 'officer-appointment',
        entityId: row.id,
        diff: diffOf(null, auditSnapshot(row)),
      });
      row.institution = institution;
      return (await this.views(manager, [row], caller.actor))[0];
    });
  }

  update(caller: SignedInContext, id: string, dto: UpdateAppointmentDto): Promise<AppointmentView> {
    return this.write(async (manager) => {
      const row = await this.locked(manager, id);
      this.assertMayManage(caller.actor, row.institutionId);
      if (row.version !== dto.version)
        throw AppException.versionConflict(
          'officerAppointment',
          dto.version,
          (await this.views(manager, [row], caller.actor))[0],
        );
      if (row.status === 'ended') throw AppException.validation([{ field: 'status', rule: 'appointmentEnded' }]);
      const before = auditSnapshot(row);
      if (dto.status !== undefined) row.status = dto.status;
      if (dto.fullName !== undefined) row.fullName = cleanName(dto.fullName);
      if (dto.email !== undefined) row.email = dto.email;
      if (dto.phone !== undefined) row.phone = dto.phone;
      if (dto.position !== undefined) row.position = dto.position?.trim() || null;
      if (dto.publicConsent !== undefined) row.publicConsent = dto.publicConsent;
      if (dto.appointedOn !== undefined) row.appointedOn = dto.appointedOn;
      if (dto.actReference !== undefined) row.actReference = dto.actReference?.trim() || null;
      if (dto.actDate !== undefined) row.actDate = dto.actDate;
      const diff = diffOf(before, auditSnapshot(row));
      if (Object.keys(diff).length > 0) {
        await manager.save(row);
        await this.audit.record(manager, caller, {
          action: 'officer.update',
          entityType: 'officer-appointment',
          entityId: row.id,
          diff,
        });
      }
      return (await this.views(manager, [row], caller.actor))[0];
    });
  }

  /** Ends an appointment; it stays in the history. */
  end(caller: SignedInContext, id: string, dto: EndAppointmentDto): Promise<AppointmentView> {
    return this.write(async (manager) => {
      const row = await this.locked(manager, id);
      this.assertMayManage(caller.actor, row.institutionId);
      if (row.version !== dto.version)
        throw AppException.versionConflict(
          'officerAppointment',
          dto.version,
          (await this.views(manager, [row], caller.actor))[0],
        );
      if (row.status === 'ended') throw AppException.validation([{ field: 'status', rule: 'appointmentEnded' }]);
      if (dto.endedOn < row.appointedOn)
        throw AppException.validation([{ field: 'endedOn', rule: 'min', args: [row.appointedOn] }]);
      const before = auditSnapshot(row);
      row.status = 'ended';
      row.endedOn = dto.endedOn;
      row.endReason = dto.reason.trim();
      await manager.save(row);
      await this.announceVacancy(manager, row);
      await this.audit.record(manager, caller, {
        action: 'officer.end',
        entityType: 'officer-appointment',
        entityId: row.id,
        diff: diffOf(before, auditSnapshot(row)),
      });
      return (await this.views(manager, [row], caller.actor))[0];
    });
  }

  /** When nobody else holds the role there any more, ADD's coordinators hear of the vacancy. */
  private async announceVacancy(manager: EntityManager, ended: OfficerAppointment): Promise<void> {
    const others = await manager
      .getRepository(OfficerAppointment)
      .countBy({ institutionId: ended.institutionId, role: ended.role, status: In(['active', 'interim']) });
    if (others > 0) return;
    const institution = await manager.getRepository(Institution).findOneByOrFail({ id: ended.institutionId });
    await this.notifications.notify(manager, {
      kind: 'officer.vacancy',
      userIds: await coordinatorAccounts(manager),
      params: { institution: institution.name, role: OFFICER_ROLE_NAMES[ended.role], endedOn: ended.endedOn },
      link: `/institutions/${institution.code}`,
      key: ended.id,
    });
  }

  /** Attaches the scanned appointing act (PDF or image, type checked from the bytes). */
  async attachAct(caller: SignedInContext, id: string, file: { buffer: Buffer } | undefined): Promise<AppointmentView> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    if (file.buffer.length > APPOINTMENT_ACT_MAX_BYTES)
      throw new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', { limit: '5 MB' });
    const contentType = await sniffContentType(file.buffer);
    if (!contentType || !(APPOINTMENT_ACT_CONTENT_TYPES as readonly string[]).includes(contentType)) {
      throw new AppException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_FILE_TYPE',
        { detected: contentType ?? 'unknown' },
        [{ field: 'file', rule: 'fileType' }],
      );
    }
    const existing = await this.dataSource.getRepository(OfficerAppointment).findOneBy({ id });
    if (!existing) throw AppException.notFound('officerAppointment', id);
    this.assertMayManage(caller.actor, existing.institutionId);
    const stored = await this.storage.put('acts', file.buffer);
    try {
      return await this.write(async (manager) => {
        const row = await this.locked(manager, id);
        const previous = row.actStorageKey;
        row.actStorageKey = stored.key;
        row.actContentType = contentType;
        row.actSizeBytes = stored.sizeBytes;
        await manager.save(row);
        await this.audit.record(manager, caller, {
          action: 'officer.act-upload',
          entityType: 'officer-appointment',
          entityId: row.id,
          diff: {
            actDocument: {
              before: previous ? '[document]' : null,
              after: `[${contentType}, ${stored.sizeBytes} bytes, sha256 ${stored.sha256}]`,
            },
          },
        });
        return (await this.views(manager, [row], caller.actor))[0];
      });
    } catch (error) {
      await this.storage.remove(stored.key);
      throw error;
    }
  }

  async openAct(
    caller: SignedInContext,
    id: string,
  ): Promise<{ stream: Readable; contentType: string; sizeBytes: number; fileName: string }> {
    const row = await this.dataSource.getRepository(OfficerAppointment).findOneBy({ id });
    if (!row || !row.actStorageKey) throw AppException.notFound('officerAppointment', id);
    if (!maySeeContacts(caller.actor, row.institutionId))
      throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'personal-data' });
    const extension =
      row.actContentType === 'application/pdf' ? 'pdf' : row.actContentType === 'image/png' ? 'png' : 'jpg';
    return {
      stream: this.storage.open(row.actStorageKey),
      contentType: row.actContentType ?? 'application/octet-stream',
      sizeBytes: row.actSizeBytes ?? 0,
      fileName: `acte-${row.id.slice(0, 8)}.${extension}`,
    };
  }

  /** Runs a write; the one-active-ROD index turns a race into the same clear error as the check. */
  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionMappingUniqueViolations(
      this.dataSource,
      { UQ_one_active_rod_per_institution: { field: 'status', rule: 'oneActiveRod' } },
      work,
    );
  }

  private assertMayManage(actor: Actor, institutionId: string): void {
    if (isInstitutionScoped(actor.role) && actor.institutionId !== institutionId) {
      throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
    }
  }

  private async institution(manager: EntityManager, code: string): Promise<Institution> {
    const institution = await manager.getRepository(Institution).findOneBy({ code });
    if (!institution) throw AppException.notFound('institution', code);
    return institution;
  }

  private async locked(manager: EntityManager, id: string): Promise<OfficerAppointment> {
    const row = await manager
      .getRepository(OfficerAppointment)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw AppException.notFound('officerAppointment', id);
    row.institution = (await manager
      .getRepository(Institution)
      .findOneByOrFail({ id: row.institutionId })) as Institution;
    return row;
  }

  private async views(
    manager: EntityManager,
    rows: OfficerAppointment[],
    actor: Actor | null,
  ): Promise<AppointmentView[]> {
    // "Active elsewhere" is only shown to those who see contacts.
    const emails = [
      ...new Set(
        rows.filter((r) => r.status !== 'ended' && maySeeContacts(actor, r.institutionId)).map((r) => r.email),
      ),
    ];
    const elsewhere = emails.length
      ? await manager.getRepository(OfficerAppointment).find({
          select: { email: true, institutionId: true },
          where: { email: In(emails), status: In(['active', 'interim']) },
        })
      : [];
    return rows.map((row) => {
      // Field by field, by the same rules as the audit trail's diffs.
      const see = (field: string) => maySeeAppointmentField(actor, row, field);
      const contacts = maySeeContacts(actor, row.institutionId);
      return {
        id: row.id,
        institution: toInstitutionRef(row.institution as Institution),
        role: row.role,
        status: row.status,
        fullName: see('fullName') ? { ar: row.fullName.ar ?? null, fr: row.fullName.fr ?? null } : null,
        position: see('position') ? row.position : null,
        email: see('email') ? row.email : null,
        phone: see('phone') ? row.phone : null,
        publicConsent: row.publicConsent,
        appointedOn: row.appointedOn,
        act: see('actReference')
          ? { reference: row.actReference, date: row.actDate, hasDocument: !!row.actStorageKey }
          : null,
        endedOn: row.endedOn,
        endReason: see('endReason') ? row.endReason : null,
        emailActiveElsewhere:
          contacts &&
          row.status !== 'ended' &&
          elsewhere.some((other) => other.email === row.email && other.institutionId !== row.institutionId),
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
      };
    });
  }
}

function cleanName(name: { ar?: string; fr?: string }): { ar?: string; fr?: string } {
  const out: { ar?: string; fr?: string } = {};
  if (name.ar?.trim()) out.ar = name.ar.trim();
  if (name.fr?.trim()) out.fr = name.fr.trim();
  return out;
}
