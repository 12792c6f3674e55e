/**
 * The audit trail's vocabulary: every action and entity type the API writes. The API's one
 * writer (`AuditService`) takes only these, and the web's label maps are keyed on them, so a
 * new code without a label fails the build.
 *
 * Spellings are those already stored: `audit_events` is append-only (a trigger refuses
 * UPDATE), so old rows cannot be rewritten and the codes keep their first spelling,
 * `progress-update` and `officer-appointment` beside `inventory_item` and `harvest_run`.
 */
export const AUDIT_ACTIONS = [
  'activity.update',
  'progress-update.create',
  'progress-update.revise',
  'progress-update.validate',
  'progress-update.return',
  'evidence.create',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reset-link',
  'user.password-change',
  'user.password-reset',
  'officer.appoint',
  'officer.update',
  'officer.end',
  'officer.act-upload',
  'institution.create',
  'institution.update',
  'inventory.create',
  'inventory.update',
  'inventory.delete',
  'inventory.import',
  'inventory.match',
  'inventory.suggest',
  'inventory.unsuggest',
  'harvest.start',
  'round.create',
  'round.update',
  'round.close',
  'round.confirm',
  'committee.member-add',
  'committee.member-update',
  'committee.representative-add',
  'committee.representative-update',
  'meeting.create',
  'meeting.update',
  'meeting.attendance',
  'meeting.minutes-approve',
  'meeting.document-add',
  'decision.create',
  'action-item.update',
  'meeting.pack-announce',
  'notification-preferences.update',
  'notification-preferences.unsubscribe',
  'email.retry',
  'event.create',
  'event.update',
  'event.participants',
  'reach.targets',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = [
  'activity',
  'progress-update',
  'evidence',
  'user',
  'officer-appointment',
  'institution',
  'inventory_item',
  'harvest_run',
  'reporting_round',
  'committee_member',
  'committee_representative',
  'committee_meeting',
  'committee_decision',
  'action_item',
  'notification',
  'event',
  'reach_target',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);
export const isAuditEntityType = (value: string): value is AuditEntityType =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(value);
