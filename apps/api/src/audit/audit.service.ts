import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AUDIT_REDACTED,
  hasPermission,
  Permission,
  type AuditAction,
  type AuditEntityType,
  type AuditEventView,
  type AuditQuery,
  type Page,
} from '@marsad/contracts';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor, ActorContext } from '../auth/actor';
import { User } from '../auth/entities/user.entity';
import { OfficerAppointment } from '../officers/entities/officer-appointment.entity';
import { appointmentFieldRule, maySeeAppointmentField, type AppointmentPrivacy } from '../officers/officer-visibility';
import { maySeeCommitteePeople } from '../committee/committee-rules';
import { AuditEvent } from './audit-event.entity';

export type Diff = Record<string, { before: unknown; after: unknown }>;

const OFFICER_APPOINTMENT: AuditEntityType = 'officer-appointment';

/** Audit events inserted per statement by `recordMany`. */
export const AUDIT_CHUNK = 500;

/** The caller of a change nobody asked for (a scheduled harvest): no actor, no request. */
export const SYSTEM_CALLER: ActorContext = { actor: null, meta: { requestId: null, ip: null, userAgent: null } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** JSON with object keys sorted, so that {a, b} and {b, a} compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The fields that differ between two snapshots (deep comparison, key order ignored). */
export function diffOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Diff {
  const diff: Diff = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (canonical(a) !== canonical(b)) diff[key] = { before: a, after: b };
  }
  return diff;
}

/** A committee representative's personal fields (law 09-08). */
const REPRESENTATIVE_PERSONAL = new Set(['fullName', 'title', 'email', 'phone']);

/** What a reader sees in place of a value they may not see. */
export const REDACTED = AUDIT_REDACTED;

/** Any value but "nothing" becomes the redaction mark: a reader still sees that a field was set or cleared. */
const hide = (value: unknown) => (value === null || value === undefined || value === '' ? value : REDACTED);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * What a reader sees of a field: `show` it as it is, `hide` it, or `filter` it: shown,
 * but a record it holds (a snapshot in a before or an after) is filtered key by key
 * by the same policy.
 */
type FieldPolicy = (field: string) => 'show' | 'hide' | 'filter';

function redactValue(value: unknown, policy: FieldPolicy): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, policy));
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, applyPolicy(policy(key), v, policy)]));
}

function applyPolicy(decision: ReturnType<FieldPolicy>, value: unknown, policy: FieldPolicy): unknown {
  return decision === 'show' ? value : decision === 'hide' ? hide(value) : redactValue(value, policy);
}

function redactDiff(diff: Diff, policy: FieldPolicy): Diff {
  return Object.fromEntries(
    Object.entries(diff).map(([field, change]) => {
      const decision = policy(field);
      return [
        field,
        {
          before: applyPolicy(decision, change?.before ?? null, policy),
          after: applyPolicy(decision, change?.after ?? null, policy),
        },
      ];
    }),
  );
}

/** Accounts (their email) are for those who manage accounts, and for the account holder. */
function maySeeAccount(reader: Actor | null, userId: string): boolean {
  return !!reader && (hasPermission(reader.role, Permission.UserManage) || reader.userId === userId);
}

/** A request's IP address and user agent: for admins (who manage accounts), and for the person who made it. */
function maySeeRequestOrigin(reader: Actor | null, actorId: string | null): boolean {
  return !!reader && (hasPermission(reader.role, Permission.UserManage) || (!!actorId && reader.userId === actorId));
}

export interface AuditChange {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  diff: Diff;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Records a change. Call it with the transaction's manager, so the event and the change commit together. */
  async record(manager: EntityManager, caller: ActorContext, change: AuditChange): Promise<void> {
    await this.recordMany(manager, caller, [change]);
  }

  /**
   * Records many changes made by one caller (an import, a harvest), in chunks, with the
   * transaction's manager: the events commit with the changes or not at all.
   */
  async recordMany(manager: EntityManager, caller: ActorContext, changes: readonly AuditChange[]): Promise<void> {
    const who = {
      actorId: caller.actor?.userId ?? null,
      actorRole: caller.actor?.role ?? null,
      actorInstitutionCode: caller.actor?.institutionCode ?? null,
      requestId: caller.meta.requestId,
      ip: caller.meta.ip,
      userAgent: caller.meta.userAgent?.slice(0, 400) ?? null,
    };
    for (let i = 0; i < changes.length; i += AUDIT_CHUNK) {
      await manager.getRepository(AuditEvent).insert(
        changes.slice(i, i + AUDIT_CHUNK).map((change) => ({
          ...who,
          action: change.action,
          entityType: change.entityType,
          entityId: change.entityId,
          diff: change.diff as QueryDeepPartialEntity<AuditEvent>['diff'],
        })),
      );
    }
  }

  /** The audit page. What `reader` may not see of the people involved is redacted (see `toViews`). */
  async search(query: AuditQuery, reader: Actor | null): Promise<Page<AuditEventView>> {
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, query.pageSize ?? 25));
    const qb = this.events.createQueryBuilder('e').orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'DESC');
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.institution) qb.andWhere('e.actor_institution_code = :institution', { institution: query.institution });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: `${query.from}T00:00:00Z` });
    if (query.to)
      qb.andWhere(new Brackets((w) => w.where("e.occurred_at < (:to::date + interval '1 day')", { to: query.to })));
    const [rows, total] = await qb
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.toViews(rows, reader), total, page, pageSize };
  }

  /**
   * The history shown on an entity's page, redacted for `reader` as the audit page is.
   * Without a reader, everything personal is hidden.
   */
  async historyOf(
    entityTypes: AuditEntityType[],
    entityIds: string[],
    reader: Actor | null = null,
  ): Promise<AuditEventView[]> {
    if (entityIds.length === 0) return [];
    const rows = await this.events
      .createQueryBuilder('e')
      .where('e.entity_type IN (:...entityTypes) AND e.entity_id IN (:...entityIds)', { entityTypes, entityIds })
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(500)
      .getMany();
    return this.toViews(rows, reader);
  }

  /**
   * Events as `reader` may see them (law 09-08):
   * - an officer appointment's fields follow the officers' own views (`APPOINTMENT_FIELD_RULES`),
   *   judged on the appointment as it is now (its administration, its consent);
   * - an account's email is for admins and the account holder;
   * - a request's IP address and user agent are for admins and the person who made it.
   */
  private async toViews(rows: AuditEvent[], reader: Actor | null): Promise<AuditEventView[]> {
    const manager = this.events.manager;
    const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => !!id))];
    const actors = actorIds.length
      ? await manager
          .getRepository(User)
          .createQueryBuilder('u')
          .where('u.id IN (:...actorIds)', { actorIds })
          .getMany()
      : [];
    const byId = new Map(actors.map((user) => [user.id, user]));
    const appointmentIds = [
      ...new Set(
        rows
          .filter((row) => row.entityType === OFFICER_APPOINTMENT && UUID.test(row.entityId))
          .map((row) => row.entityId),
      ),
    ];
    const appointments = new Map<string, AppointmentPrivacy>(
      appointmentIds.length
        ? (
            await manager.getRepository(OfficerAppointment).find({
              select: { id: true, institutionId: true, publicConsent: true },
              where: { id: In(appointmentIds) },
            })
          ).map((a) => [a.id, a])
        : [],
    );
    return rows.map((row) => {
      const actor = row.actorId ? byId.get(row.actorId) : undefined;
      const origin = maySeeRequestOrigin(reader, row.actorId);
      const policy = this.policyFor(row, reader, appointments);
      return {
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actor: actor ? { id: actor.id, displayName: actor.displayName, email: actor.email } : null,
        role: row.actorRole,
        institutionCode: row.actorInstitutionCode,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        diff: policy ? redactDiff(row.diff, policy) : row.diff,
        requestId: row.requestId,
        ip: origin ? row.ip : null,
        userAgent: origin ? row.userAgent : null,
      };
    });
  }

  /** How to redact an event's diff for `reader`; null when it holds nothing personal. */
  private policyFor(
    row: AuditEvent,
    reader: Actor | null,
    appointments: Map<string, AppointmentPrivacy>,
  ): FieldPolicy | null {
    if (row.entityType === OFFICER_APPOINTMENT) {
      // An appointment not found (never deleted, so never in practice) is judged as private to its administration.
      const appointment = appointments.get(row.entityId) ?? { institutionId: '', publicConsent: false };
      return (field) =>
        appointmentFieldRule(field) === 'public'
          ? 'filter'
          : maySeeAppointmentField(reader, appointment, field)
            ? 'show'
            : 'hide';
    }
    if (row.entityType === 'committee_representative') {
      // Representatives' names and contacts follow the committee's own views.
      const people = maySeeCommitteePeople(reader);
      return (field) => (REPRESENTATIVE_PERSONAL.has(field) ? (people ? 'show' : 'hide') : 'filter');
    }
    if (row.entityType === 'user') {
      const account = maySeeAccount(reader, row.entityId);
      return (field) => (field === 'email' ? (account ? 'show' : 'hide') : 'filter');
    }
    return null;
  }
}
