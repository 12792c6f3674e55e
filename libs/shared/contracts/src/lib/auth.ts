import type { InstitutionRef } from './institution';
import type { Locale } from './locale';

export const ROLES = ['ADMIN', 'COORDINATOR', 'COMMITTEE', 'OFFICER', 'DATA_MANAGER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a signed-in person may do. Reading the plan is public and needs none.
 * The API guard and the web UI both read ROLE_PERMISSIONS: one map, two readers.
 */
/** The roles' names, for texts written outside the web app (e-mails); the same as its translations. */
export const ROLE_NAMES: Record<Role, { ar: string; fr: string; en: string }> = {
  ADMIN: { ar: 'مدير المنصة', fr: 'Administrateur', en: 'Administrator' },
  COORDINATOR: { ar: 'منسق (وكالة التنمية الرقمية)', fr: 'Coordinateur ADD', en: 'ADD coordinator' },
  COMMITTEE: { ar: 'عضو لجنة القيادة', fr: 'Membre du comité', en: 'Committee member' },
  OFFICER: { ar: 'مسؤول المعطيات المفتوحة', fr: 'Responsable Open Data (ROD)', en: 'Open data officer (ROD)' },
  DATA_MANAGER: { ar: 'مدبر المعطيات', fr: 'Gestionnaire de données (GdD)', en: 'Data manager (GdD)' },
};

export const Permission = {
  /** Change an activity's planning fields (dates, weight, lead, contributors). */
  ActivityPlan: 'activity:plan',
  /** Report progress on an activity and attach evidence (officers: their institution's activities only). */
  ProgressReport: 'progress:report',
  /** Validate or return administrations' progress reports (the validation queue). */
  ProgressValidate: 'progress:validate',
  /** Browse the audit trail of every entity. */
  AuditRead: 'audit:read',
  /** Manage accounts: create, change role, deactivate, issue reset links. */
  UserManage: 'user:manage',
  /** Create and edit administrations in the registry (names, type, parent, portal name…). */
  InstitutionManage: 'institution:manage',
  /** Appoint and end open-data officers and data managers (officers: their own institution only). */
  OfficerManage: 'officer:manage',
  /** Read an administration's whole data inventory (officers and data managers: their own only). */
  InventoryRead: 'inventory:read',
  /** Create, edit, import and match inventory items (officers and data managers: their own only). */
  InventoryManage: 'inventory:manage',
  /** Start portal harvests, see their runs and map portal organisations to administrations. */
  PortalManage: 'portal:manage',
  /** Open, edit and close reporting rounds. */
  RoundManage: 'round:manage',
  /** See every administration's standing in a reporting round (completion, who has not reported). */
  RoundRead: 'round:read',
  /** Prepare and record the steering committee's meetings, members, decisions and action items. */
  CommitteeManage: 'committee:manage',
  /** Read the steering committee's meetings, attendance, minutes, decisions and all action items. */
  CommitteeRead: 'committee:read',
  /** Read the committee's action items (officers and data managers: their institution's items only). */
  ActionItemRead: 'action-item:read',
  /** Add progress notes to action items and close them (officers: their institution's items only). */
  ActionItemUpdate: 'action-item:update',
  /** See the e-mail outbox (what waits, was sent, failed) and send a failed e-mail again. */
  MailManage: 'mail:manage',
  /** Record the plan's events and their participants, and set the yearly reach targets. */
  EventManage: 'event:manage',
  /** Moderate proposed reuses (publish, reject, edit) and run hackathons (challenges, teams, results). */
  ReuseManage: 'reuse:manage',
  /** Moderate the public's comments on measures and activities (publish, reject with a reason). */
  CommentModerate: 'comment:moderate',
  /** Run the Imtiaz award's editions: criteria, timeline, jurors, freezing, publishing results. */
  AwardManage: 'award:manage',
  /** Apply to the Imtiaz award for one's own administration (its open-data officer). */
  AwardApply: 'award:apply',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const PERMISSIONS: readonly Permission[] = Object.values(Permission);

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: [Permission.UserManage, Permission.AuditRead, Permission.MailManage],
  COORDINATOR: [
    Permission.ActivityPlan,
    Permission.ProgressReport,
    Permission.ProgressValidate,
    Permission.AuditRead,
    Permission.OfficerManage,
    Permission.InstitutionManage,
    Permission.InventoryRead,
    Permission.InventoryManage,
    Permission.PortalManage,
    Permission.RoundManage,
    Permission.RoundRead,
    Permission.CommitteeManage,
    Permission.CommitteeRead,
    Permission.ActionItemRead,
    Permission.ActionItemUpdate,
    Permission.EventManage,
    Permission.ReuseManage,
    Permission.CommentModerate,
    Permission.AwardManage,
  ],
  COMMITTEE: [Permission.AuditRead, Permission.RoundRead, Permission.CommitteeRead, Permission.ActionItemRead],
  OFFICER: [
    Permission.ProgressReport,
    Permission.OfficerManage,
    Permission.InventoryRead,
    Permission.InventoryManage,
    Permission.ActionItemRead,
    Permission.ActionItemUpdate,
    Permission.AwardApply,
  ],
  DATA_MANAGER: [Permission.InventoryRead, Permission.InventoryManage, Permission.ActionItemRead],
};

/** Roles whose permissions reach only their own institution's data. */
export const INSTITUTION_SCOPED_ROLES: readonly Role[] = ['OFFICER', 'DATA_MANAGER'];

export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && ROLE_PERMISSIONS[role].includes(permission);
}

export function isInstitutionScoped(role: Role): boolean {
  return INSTITUTION_SCOPED_ROLES.includes(role);
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  institution: InstitutionRef | null;
  preferredLocale: Locale;
  permissions: Permission[];
}

/** GET /api/v1/auth/session. `csrfToken` goes back in the X-CSRF-Token header of every write. */
export interface SessionView {
  user: SessionUser | null;
  csrfToken: string | null;
  expiresAt: string | null;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ResetPasswordRequest {
  token: string;
  newPassword: string;
}

/** Passwords: at least this many characters (and not the email). */
export const PASSWORD_MIN_LENGTH = 12;

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  institution: InstitutionRef | null;
  preferredLocale: Locale;
  active: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  version: number;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  role: Role;
  /** Required for OFFICER and DATA_MANAGER, refused for the others. */
  institutionCode?: string | null;
  preferredLocale?: Locale;
}

export interface UpdateUserRequest {
  version: number;
  displayName?: string;
  role?: Role;
  institutionCode?: string | null;
  preferredLocale?: Locale;
  active?: boolean;
}

/** A one-time link to set a password; shown once to the admin, who passes it on. */
export interface ResetLinkView {
  url: string;
  expiresAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The highest page number a list accepts (beyond it, a 400 rather than an offset PostgreSQL refuses). */
export const MAX_PAGE = 100_000;

/**
 * What an audit event shows in place of a value its reader may not see (law 09-08):
 * an officer's contacts (and name without consent) for those who may not see them
 * in the officers' own views, an account's email for all but admins and its holder.
 */
export const AUDIT_REDACTED = '[redacted]';

export interface AuditEventView {
  id: string;
  occurredAt: string;
  actor: { id: string; displayName: string; email: string } | null;
  role: Role | null;
  institutionCode: string | null;
  /** One of `AUDIT_ACTIONS` (e.g. `activity.update`); a string, as stored rows are shown as they are. */
  action: string;
  /** One of `AUDIT_ENTITY_TYPES`. */
  entityType: string;
  entityId: string;
  /** Changed fields: `{ field: { before, after } }`; a value this reader may not see is `AUDIT_REDACTED`. */
  diff: Record<string, { before: unknown; after: unknown }>;
  /** Shown to every reader of the audit trail, to match a report with the logs. */
  requestId: string | null;
  /** Personal data: shown to admins and to the person who made the request; null for anyone else. */
  ip: string | null;
  userAgent: string | null;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  institution?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}
