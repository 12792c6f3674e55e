import type { Route } from '@angular/router';
import { Permission } from '@marsad/contracts';
import { requirePermission } from '@marsad/web/data-access';

/** Accounts and the audit trail, under `/:lang`; each needs its permission. */
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
];
