import { pickText, type Locale, type PartialLocalizedText } from './locale';

/** What a person may tune: each category is delivered immediately, in a digest, or not by e-mail. */
export const NOTIFICATION_CATEGORIES = [
  'reports',
  'rounds',
  'actionItems',
  'meetings',
  'datasets',
  'officers',
  'events',
  'comments',
  'account',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Security messages: always e-mailed at once, whatever the preferences say. */
export const SECURITY_CATEGORIES: readonly NotificationCategory[] = ['account'];

export const NOTIFICATION_MODES = ['immediate', 'daily', 'weekly', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** Every message Marsad sends, and the category a person tunes it by. */
export const NOTIFICATION_KINDS = {
  'report.returned': 'reports',
  'report.validated': 'reports',
  'round.opened': 'rounds',
  'round.closing': 'rounds',
  'action-item.assigned': 'actionItems',
  'action-item.due-soon': 'actionItems',
  'action-item.overdue': 'actionItems',
  'meeting.scheduled': 'meetings',
  'meeting.pack-ready': 'meetings',
  'datasets.overdue': 'datasets',
  'officer.vacancy': 'officers',
  'event.feedback-request': 'events',
  'reuse.submitted': 'events',
  'plan-comment.published': 'comments',
  'account.invitation': 'account',
  'account.password-link': 'account',
  'account.password-changed': 'account',
  'account.locked': 'account',
} as const satisfies Record<string, NotificationCategory>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** E-mail-only messages carrying a link that sets a password: the link is erased once delivered. */
export const SECRET_LINK_KINDS: readonly NotificationKind[] = ['account.invitation', 'account.password-link'];

/** A daily or weekly e-mail gathering the messages a person asked to receive that way. */
export type DigestKind = 'digest.daily' | 'digest.weekly';

/**
 * Placeholder values of a message, rendered by the templates in each language: a text in several
 * languages is picked in the reader's; `…On` (a day), `…At` and `…Until` (instants) are dates.
 */
export type NotificationParams = Record<string, string | number | null | PartialLocalizedText>;

const INTL: Record<Locale, string> = { ar: 'ar-MA-u-nu-latn', fr: 'fr-MA', en: 'en-GB' };

/** The placeholders as the reader sees them: in their language, dates in Morocco's time. */
export function renderNotificationParams(params: NotificationParams, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) out[key] = '—';
    else if (typeof value === 'object') out[key] = pickText(value, locale)?.text ?? '—';
    else if (typeof value === 'string' && key.endsWith('On') && /^\d{4}-\d{2}-\d{2}$/.test(value))
      out[key] = new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${value}T00:00:00Z`),
      );
    else if (typeof value === 'string' && /(At|Until)$/.test(key) && !Number.isNaN(Date.parse(value)))
      out[key] = new Intl.DateTimeFormat(INTL[locale], {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Africa/Casablanca',
      }).format(new Date(value));
    else out[key] = String(value);
  }
  return out;
}

/** `{{name}}` placeholders of a template, in order of appearance. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]);
}

/** Fills `{{name}}` placeholders; an unknown one is left visible rather than silently dropped. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/{{\s*([\w.]+)\s*}}/g, (whole, key: string) => values[key] ?? whole);
}

/** One message in a person's inbox. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  category: NotificationCategory;
  params: NotificationParams;
  /** The page concerned, without the language prefix (e.g. `/home`), or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  total: number;
  unread: number;
}

export interface UnreadCount {
  unread: number;
}

export interface NotificationPreferenceView {
  category: NotificationCategory;
  mode: NotificationMode;
  /** Security messages cannot be turned off or delayed. */
  locked: boolean;
}

export interface UpdateNotificationPreferencesRequest {
  preferences: { category: NotificationCategory; mode: NotificationMode }[];
}

/** What an unsubscribe link stands for, shown before the one click. */
export interface UnsubscribeView {
  category: NotificationCategory;
  mode: NotificationMode;
  /** The address, masked (law 09-08): `r***@mef.gov.ma`. */
  email: string;
}

export const EMAIL_STATES = ['pending', 'sending', 'sent', 'failed', 'digest', 'digested', 'off', 'none'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

/** One e-mail in the outbox, as administrators see it (no message body: it may carry a link to set a password). */
export interface OutboxEntryView {
  id: string;
  kind: NotificationKind | DigestKind;
  category: NotificationCategory | null;
  recipient: { displayName: string; email: string; locale: Locale };
  state: EmailState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface OutboxSummary {
  /** Whether an SMTP server is configured; without one, e-mails wait here. */
  smtpConfigured: boolean;
  from: string | null;
  counts: Record<EmailState, number>;
  items: OutboxEntryView[];
  total: number;
}

/** Limits of the delivery worker, shared with the admin page that explains them. */
export const MAIL_DELIVERY = {
  /** Attempts before a message is marked failed (an admin may retry it). */
  maxAttempts: 8,
  /** The first retry waits this long, then doubles, up to `maxBackoffSeconds`. */
  baseBackoffSeconds: 30,
  maxBackoffSeconds: 6 * 3600,
  /** A message being sent is someone else's to retry after this long (a crashed instance). */
  leaseSeconds: 120,
} as const;
