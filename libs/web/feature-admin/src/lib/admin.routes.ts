import type { Route } from '@angular/router';
import { Permission } from '@marsad/contracts';
import { requirePermission } from '@marsad/web/data-access';

/** Accounts, the audit trail and the e-mail outbox, under `/:lang`; each needs its permission. */
export const adminRoutes: Route[] = [
  {
    path: 'users',
    title: 'titles.users',
    canActivate: [requirePermission(Permission.UserManage)],
    data: { requiresSession: true },
    loadComponent: () => import('./users/users.page').then((m) => m.UsersPage),
  },
  {
    path: 'audit',
    title: 'titles.audit',
    canActivate: [requirePermission(Permission.AuditRead)],
    data: { requiresSession: true },
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
  },
  {
    path: 'admin/outbox',
    title: 'titles.outbox',
    canActivate: [requirePermission(Permission.MailManage)],
    data: { requiresSession: true },
    loadComponent: () => import('./outbox/outbox.page').then((m) => m.OutboxPage),
  },
];
