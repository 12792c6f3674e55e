import {
  hasPermission,
  isInstitutionScoped,
  OPEN_ACTION_ITEM_STATUSES,
  Permission,
  type ActionItemStatus,
  type IsoDate,
} from '@marsad/contracts';
import type { Actor } from '../auth/actor';
import { daysBetween } from '../common/time/today';

/**
 * The committee's rules in one place, pure: who sits on a date, when an action item is overdue,
 * who may see representatives' personal data, who may update an action item.
 */

/** A seat or a representative's term covers `day` when it started on or before it and had not ended. */
export function sitsOn(from: IsoDate, to: IsoDate | null, day: IsoDate): boolean {
  return from <= day && (to === null || day < to);
}

/** Still to do, and its due date has passed: the due date itself is still on time. */
export function isOverdue(item: { status: ActionItemStatus; dueOn: IsoDate }, today: IsoDate): boolean {
  return OPEN_ACTION_ITEM_STATUSES.includes(item.status) && today > item.dueOn;
}

export function daysOverdue(item: { status: ActionItemStatus; dueOn: IsoDate }, today: IsoDate): number {
  return isOverdue(item, today) ? daysBetween(item.dueOn, today) : 0;
}

/**
 * Representatives' and invited experts' names and contacts (law 09-08): for ADD's coordinators
 * and the committee itself; the public and the administrations see the member institutions only.
 */
export function maySeeCommitteePeople(actor: Actor | null): boolean {
  return !!actor && hasPermission(actor.role, Permission.CommitteeRead);
}

/** Which action items an actor may read: all (committee, coordinators), or their institution's. */
export function actionItemScope(actor: Actor): 'all' | { institutionId: string } | null {
  if (hasPermission(actor.role, Permission.CommitteeRead)) return 'all';
  if (isInstitutionScoped(actor.role) && actor.institutionId) return { institutionId: actor.institutionId };
  return null;
}

/**
 * What an actor may change on an action item. ADD's coordinators: everything. The owner
 * administration's officers: notes, and moving it to in progress or done (never dropping it,
 * never its due date). Anyone else: nothing.
 */
export function actionItemRights(
  actor: Actor,
  ownerInstitutionId: string,
): { note: boolean; progress: boolean; manage: boolean } {
  if (hasPermission(actor.role, Permission.CommitteeManage)) return { note: true, progress: true, manage: true };
  const owner =
    hasPermission(actor.role, Permission.ActionItemUpdate) &&
    isInstitutionScoped(actor.role) &&
    actor.institutionId === ownerInstitutionId;
  return { note: owner, progress: owner, manage: false };
}

/** A short reference for an action item: meeting, decision and item numbers. */
export function actionItemReference(meetingNumber: number, decisionNumber: number, itemNumber: number): string {
  return `R${meetingNumber}-D${decisionNumber}-A${itemNumber}`;
}
