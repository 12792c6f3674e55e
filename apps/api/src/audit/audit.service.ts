import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditEventView, AuditQuery, Page } from '@marsad/contracts';
import { Brackets, EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ActorContext } from '../auth/actor';
import { User } from '../auth/entities/user.entity';
import { AuditEvent } from './audit-event.entity';

export type Diff = Record<string, { before: unknown; after: unknown }>;

/** JSON with object keys sorted, so that {a, b} and {b, a} compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
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

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  diff: Diff;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Records a change. Call it with the transaction's manager, so the event and the change commit together. */
  async record(manager: EntityManager, caller: ActorContext, change: AuditChange): Promise<void> {
    await manager.getRepository(AuditEvent).insert({
      actorId: caller.actor?.userId ?? null,
      actorRole: caller.actor?.role ?? null,
      actorInstitutionCode: caller.actor?.institutionCode ?? null,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      diff: change.diff as QueryDeepPartialEntity<AuditEvent>['diff'],
      requestId: caller.meta.requestId,
      ip: caller.meta.ip,
      userAgent: caller.meta.userAgent?.slice(0, 400) ?? null,
    });
  }

  async search(query: AuditQuery): Promise<Page<AuditEventView>> {
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, query.pageSize ?? 25));
    const qb = this.events.createQueryBuilder('e').orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'DESC');
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.institution) qb.andWhere('e.actor_institution_code = :institution', { institution: query.institution });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: `${query.from}T00:00:00Z` });
    if (query.to) qb.andWhere(new Brackets((w) => w.where("e.occurred_at < (:to::date + interval '1 day')", { to: query.to })));
    const [rows, total] = await qb.skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
    return { items: await this.toViews(rows), total, page, pageSize };
  }

  async historyOf(entityTypes: string[], entityIds: string[]): Promise<AuditEventView[]> {
    if (entityIds.length === 0) return [];
    const rows = await this.events
      .createQueryBuilder('e')
      .where('e.entity_type IN (:...entityTypes) AND e.entity_id IN (:...entityIds)', { entityTypes, entityIds })
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(500)
      .getMany();
    return this.toViews(rows);
  }

  private async toViews(rows: AuditEvent[]): Promise<AuditEventView[]> {
    const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => !!id))];
    const actors = actorIds.length
      ? await this.events.manager.getRepository(User).createQueryBuilder('u').where('u.id IN (:...actorIds)', { actorIds }).getMany()
      : [];
    const byId = new Map(actors.map((user) => [user.id, user]));
    return rows.map((row) => {
      const actor = row.actorId ? byId.get(row.actorId) : undefined;
      return {
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actor: actor ? { id: actor.id, displayName: actor.displayName, email: actor.email } : null,
        role: row.actorRole,
        institutionCode: row.actorInstitutionCode,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        diff: row.diff,
        requestId: row.requestId,
        ip: row.ip,
        userAgent: row.userAgent,
      };
    });
  }
}
