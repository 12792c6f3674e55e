import {
  type DigestKind,
  type EmailState,
  type NotificationCategory,
  type NotificationKind,
  type NotificationMode,
} from '@marsad/contracts';

// Every value written out, so the translation-key check can see each key.
export const NOTIFICATION_CATEGORY_KEYS: Record<NotificationCategory, string> = {
  reports: 'notify.categories.reports',
  rounds: 'notify.categories.rounds',
  actionItems: 'notify.categories.actionItems',
  meetings: 'notify.categories.meetings',
  datasets: 'notify.categories.datasets',
  officers: 'notify.categories.officers',
  events: 'notify.categories.events',
  comments: 'notify.categories.comments',
  account: 'notify.categories.account',
};

export const NOTIFICATION_MODE_KEYS: Record<NotificationMode, string> = {
  immediate: 'notify.modes.immediate',
  daily: 'notify.modes.daily',
  weekly: 'notify.modes.weekly',
  off: 'notify.modes.off',
};

/** Where an e-mail stands in the outbox. */
export const EMAIL_STATE_KEYS: Record<EmailState, string> = {
  pending: 'outbox.states.pending',
  sending: 'outbox.states.sending',
  sent: 'outbox.states.sent',
  failed: 'outbox.states.failed',
  digest: 'outbox.states.digest',
  digested: 'outbox.states.digested',
  off: 'outbox.states.off',
  none: 'outbox.states.none',
};

/** A short name for what a message is about, without its details (the outbox holds no message text). */
export const NOTIFICATION_KIND_KEYS: Record<NotificationKind | DigestKind, string> = {
  'report.returned': 'notifications.kindNames.reportReturned',
  'report.validated': 'notifications.kindNames.reportValidated',
  'round.opened': 'notifications.kindNames.roundOpened',
  'round.closing': 'notifications.kindNames.roundClosing',
  'action-item.assigned': 'notifications.kindNames.actionItemAssigned',
  'action-item.due-soon': 'notifications.kindNames.actionItemDueSoon',
  'action-item.overdue': 'notifications.kindNames.actionItemOverdue',
  'meeting.scheduled': 'notifications.kindNames.meetingScheduled',
  'meeting.pack-ready': 'notifications.kindNames.meetingPackReady',
  'datasets.overdue': 'notifications.kindNames.datasetsOverdue',
  'officer.vacancy': 'notifications.kindNames.officerVacancy',
  'event.feedback-request': 'notifications.kindNames.eventFeedbackRequest',
  'reuse.submitted': 'notifications.kindNames.reuseSubmitted',
  'plan-comment.published': 'notifications.kindNames.planCommentPublished',
  'account.invitation': 'notifications.kindNames.accountInvitation',
  'account.password-link': 'notifications.kindNames.accountPasswordLink',
  'account.password-changed': 'notifications.kindNames.accountPasswordChanged',
  'account.locked': 'notifications.kindNames.accountLocked',
  'digest.daily': 'notify.modes.daily',
  'digest.weekly': 'notify.modes.weekly',
};

/** The short name's key of a kind; a kind outside the vocabulary gets none (show the code). */
export const notificationKindKey = (kind: string): string | null =>
  (NOTIFICATION_KIND_KEYS as Record<string, string>)[kind] ?? null;

/**
 * The key of a message's text (`title` or `body`), kept with the e-mail templates under `notify`:
 * `notify.kinds.<kind>.<part>`, and `notify.digest.<daily|weekly>.<part>` for summaries. Fill it with
 * the message's params rendered by `renderNotificationParams` (the `msdNotifyParams` pipe).
 */
export function notificationTextKey(kind: NotificationKind | DigestKind | string, part: 'title' | 'body'): string {
  if (kind === 'digest.daily' || kind === 'digest.weekly')
    return `notify.digest.${kind.slice('digest.'.length)}.${part}`;
  return `notify.kinds.${kind}.${part}`;
}
