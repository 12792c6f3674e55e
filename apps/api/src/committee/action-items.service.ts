import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  OPEN_ACTION_ITEM_STATUSES,
  type ActionItemQuery,
  type ActionItemsDigest,
  type ActionItemStatus,
  type ActionItemView,
  type IsoDate,
  type PartialLocalizedText,
} from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { SignedInContext } from '../auth/actor';
import { AppException } from '../common/errors/app-exception';
import { addDays, daysBetween, todayInMorocco } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { actionItemReference, actionItemRights, actionItemScope } from './committee-rules';
import { mapActionItem } from './committee.mappers';
import type { UpdateActionItemDto } from './dto/committee.dto';
import { ActionItemNote } from './entities/action-item-note.entity';
import { ActionItem } from './entities/action-item.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { officerAccounts, representativeAccounts } from '../notifications/recipients';

const collator = new Intl.Collator('en', { numeric: true });

/** Overdue first (the most overdue first), then by due date, then by reference. */
export function byUrgency(a: ActionItemView, b: ActionItemView): number {
  return (
    b.daysOverdue - a.daysOverdue ||
    Number(OPEN_ACTION_ITEM_STATUSES.includes(b.status)) - Number(OPEN_ACTION_ITEM_STATUSES.includes(a.status)) ||
    a.dueOn.localeCompare(b.dueOn) ||
    collator.compare(a.reference, b.reference)
  );
}

/** The committee's action items: who does what by when, and their progress notes. */
@Injectable()
export class ActionItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The daily reminders: an item still open comes due within 7 days (once per due date), or is
   * overdue (once per due date), to the owner's officers and the committee secretary.
   */
  async remind(manager: EntityManager, today: IsoDate): Promise<number> {
    const rows: {
      id: string;
      text: PartialLocalizedText;
      dueOn: string;
      ownerId: string;
      owner: PartialLocalizedText;
      reference: [number, number, number];
    }[] = await manager.query(
      `SELECT i.id, i.text, to_char(i.due_on, 'YYYY-MM-DD') AS "dueOn", i.owner_institution_id AS "ownerId",
              o.name AS owner, json_build_array(m.number, d.number, i.number) AS reference
         FROM committee_action_items i
         JOIN committee_decisions d ON d.id = i.decision_id
         JOIN committee_meetings m ON m.id = d.meeting_id
         JOIN institutions o ON o.id = i.owner_institution_id
        WHERE i.status = ANY($2::text[]) AND i.due_on <= $1::date + 7
        ORDER BY i.due_on, i.id`,
      [today, OPEN_ACTION_ITEM_STATUSES],
    );
    const secretary = await representativeAccounts(manager, today, 'secretary');
    let sent = 0;
    for (const row of rows) {
      const days = daysBetween(today, row.dueOn);
      const overdue = days < 0;
      if (!overdue && days === 0) continue; // due today: not late yet, and the 7-day notice went out
      sent += await this.notifications.notify(manager, {
        kind: overdue ? 'action-item.overdue' : 'action-item.due-soon',
        userIds: [...(await officerAccounts(manager, [row.ownerId])), ...secretary],
        params: {
          reference: actionItemReference(...row.reference),
          text: row.text,
          dueOn: row.dueOn,
          owner: row.owner,
          ...(overdue ? { daysLate: -days } : { days }),
        },
        link: '/committee/action-items',
        key: `${row.id}:${row.dueOn}`,
      });
    }
    return sent;
  }

  /** `GET /committee/action-items`: the committee and coordinators see all; an administration its own. */
  async list(caller: SignedInContext, query: ActionItemQuery): Promise<ActionItemView[]> {
    const scope = actionItemScope(caller.actor);
    if (!scope) throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'role' });
    let ownerId: string | undefined;
    if (query.owner) {
      const owner = await this.dataSource.getRepository(Institution).findOneBy({ code: query.owner });
      if (!owner) throw AppException.validation([{ field: 'owner', rule: 'unknownInstitution', args: [query.owner] }]);
      ownerId = owner.id;
    }
    if (scope !== 'all') {
      if (ownerId && ownerId !== scope.institutionId)
        throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
      ownerId = scope.institutionId;
    }
    return this.find(this.dataSource.manager, { ...query, ownerId });
  }

  /** Action items, filtered; `status: 'open'` means open or in progress. */
  async find(
    manager: EntityManager,
    filter: { status?: ActionItemStatus; ownerId?: string; overdue?: boolean; ids?: string[] },
  ): Promise<ActionItemView[]> {
    const today = todayInMorocco();
    const qb = manager
      .getRepository(ActionItem)
      .createQueryBuilder('item')
      .leftJoinAndSelect('item.owner', 'owner')
      .leftJoinAndSelect('item.decision', 'decision')
      .leftJoinAndSelect('decision.meeting', 'meeting')
      .leftJoinAndSelect('item.notes', 'note')
      .leftJoinAndSelect('note.authorInstitution', 'noteInstitution');
    if (filter.status === 'open') qb.andWhere('item.status IN (:...open)', { open: OPEN_ACTION_ITEM_STATUSES });
    else if (filter.status) qb.andWhere('item.status = :status', { status: filter.status });
    if (filter.ownerId) qb.andWhere('item.owner_institution_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.ids) qb.andWhere('item.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.overdue !== undefined) {
      const late = 'item.status IN (:...lateStatuses) AND item.due_on < :today';
      qb.andWhere(filter.overdue ? `(${late})` : `NOT (${late})`, { lateStatuses: OPEN_ACTION_ITEM_STATUSES, today });
    }
    const items = await qb.getMany();
    return items.map((item) => mapActionItem(item, today)).sort(byUrgency);
  }

  /** For the homes: how many items are open, and the overdue ones (most overdue first). */
  async digest(ownerId?: string): Promise<ActionItemsDigest> {
    const open = await this.find(this.dataSource.manager, { status: 'open', ownerId });
    return { open: open.length, overdue: open.filter((item) => item.overdue) };
  }

  /** An administration's items: open ones (overdue first), then those closed in the last 60 days. */
  async ofOwner(ownerId: string): Promise<ActionItemView[]> {
    const since = addDays(todayInMorocco(), -60);
    const items = await this.find(this.dataSource.manager, { ownerId });
    return items.filter((item) => !item.closedAt || item.closedAt.slice(0, 10) >= since);
  }

  async get(caller: SignedInContext, id: string): Promise<ActionItemView> {
    const scope = actionItemScope(caller.actor);
    const [view] = scope
      ? await this.find(this.dataSource.manager, {
          ids: [id],
          ownerId: scope === 'all' ? undefined : scope.institutionId,
        })
      : [];
    // Another administration's item does not exist for this caller.
    if (!view) throw AppException.notFound('actionItem', id);
    return view;
  }

  /**
   * The owner's officers add a note and move the item on (in progress, done with evidence);
   * coordinators may also drop it, reopen it or move its due date. Versioned (409 on a stale copy).
   */
  async update(caller: SignedInContext, id: string, dto: UpdateActionItemDto): Promise<ActionItemView> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ActionItem);
      const item = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw AppException.notFound('actionItem', id);
      const actor = caller.actor;
      const rights = actionItemRights(actor, item.ownerInstitutionId);
      const scope = actionItemScope(actor);
      // Another administration's item does not exist for this caller.
      if (!scope || (scope !== 'all' && scope.institutionId !== item.ownerInstitutionId))
        throw AppException.notFound('actionItem', id);
      if (!rights.note) throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
      if (item.version !== dto.version) {
        const [current] = await this.find(manager, { ids: [id] });
        throw AppException.versionConflict('actionItem', dto.version, current);
      }
      const closed = !OPEN_ACTION_ITEM_STATUSES.includes(item.status);
      if (!rights.manage) {
        if (dto.dueOn !== undefined) throw AppException.validation([{ field: 'dueOn', rule: 'coordinatorsOnly' }]);
        if (dto.status === 'dropped') throw AppException.validation([{ field: 'status', rule: 'coordinatorsOnly' }]);
        if (closed) throw new AppException(HttpStatus.CONFLICT, 'ACTION_ITEM_STATE_CONFLICT', { status: item.status });
      }
      const before = { status: item.status, dueOn: item.dueOn, closingEvidence: item.closingEvidence };
      const status = dto.status ?? item.status;
      if (dto.closingEvidence !== undefined) item.closingEvidence = dto.closingEvidence || null;
      if (status === 'done' && !item.closingEvidence)
        throw AppException.validation([{ field: 'closingEvidence', rule: 'evidenceToClose' }]);
      if (dto.dueOn !== undefined) item.dueOn = dto.dueOn;
      if (status !== item.status) {
        item.closedAt = OPEN_ACTION_ITEM_STATUSES.includes(status) ? null : new Date();
        item.status = status;
      }
      const changed = diffOf(before, { status, dueOn: item.dueOn, closingEvidence: item.closingEvidence });
      if (!dto.note && Object.keys(changed).length === 0) return;
      // Saving bumps the version even for a note alone: another reader's copy is then stale.
      item.updatedAt = new Date();
      await repo.save(item);
      if (dto.note) {
        const notes = manager.getRepository(ActionItemNote);
        await notes.save(
          notes.create({
            actionItemId: item.id,
            body: dto.note,
            authorUserId: actor.userId,
            authorName: actor.displayName,
            authorInstitutionId: actor.institutionId,
            status: status !== before.status ? status : null,
          }),
        );
      }
      await this.audit.record(manager, caller, {
        action: 'action-item.update',
        entityType: 'action_item',
        entityId: item.id,
        diff: {
          ...changed,
          ...(dto.note ? { note: { before: null, after: dto.note } } : {}),
        },
      });
    });
    const [view] = await this.find(this.dataSource.manager, { ids: [id] });
    return view;
  }
}
