import {
  OPEN_ACTION_ITEM_STATUSES,
  Permission,
  isInstitutionScoped,
  type ActionItemStatus,
  type ActionItemView,
  type SessionUser,
} from '@marsad/contracts';

/** What the signed-in person may do to an action item (the API checks the same rules). */
export interface ActionItemPowers {
  /** Add a progress note. */
  note: boolean;
  /** Open → in progress. */
  start: boolean;
  /** Close it, with closing evidence. */
  done: boolean;
  /** ADD's coordinators only: give it up (open or in progress → dropped). */
  drop: boolean;
  /** ADD's coordinators only: done or dropped → open again. */
  reopen: boolean;
  /** ADD's coordinators only: move the due date of an item still to do. */
  moveDue: boolean;
}

const NONE: ActionItemPowers = { note: false, start: false, done: false, drop: false, reopen: false, moveDue: false };

export function isStillToDo(status: ActionItemStatus): boolean {
  return OPEN_ACTION_ITEM_STATUSES.includes(status);
}

export function actionItemPowers(
  item: Pick<ActionItemView, 'status' | 'owner'>,
  user: SessionUser | null,
): ActionItemPowers {
  if (!user || !user.permissions.includes(Permission.ActionItemUpdate)) return NONE;
  const coordinator = user.permissions.includes(Permission.CommitteeManage);
  // Officers act only on their own administration's items.
  const owner = coordinator || (isInstitutionScoped(user.role) && user.institution?.code === item.owner.code);
  if (!owner) return NONE;
  const active = isStillToDo(item.status);
  return {
    note: active,
    start: item.status === 'open',
    done: active,
    drop: coordinator && active,
    reopen: coordinator && !active,
    moveDue: coordinator && active,
  };
}

/** "Late by N days": the API's verdict (an item still to do past its due date), shown as it is, never softened. */
export function lateDays(item: Pick<ActionItemView, 'overdue' | 'daysOverdue'>): number | null {
  return item.overdue ? item.daysOverdue : null;
}
