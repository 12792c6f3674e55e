import { inject } from '@angular/core';
import type { CanActivateFn, Route } from '@angular/router';
import { Permission } from '@marsad/contracts';
import { requirePermission, SessionService } from '@marsad/web/data-access';

/** The portal page: coordinators run and map; the committee (audit readers) reads the runs. */
export const requirePortalReader: CanActivateFn = (route, state) =>
  inject(SessionService).can(Permission.PortalManage) ? true : requirePermission(Permission.AuditRead)(route, state);

/** An administration's data inventory (measure 6) and the portal harvest, under `/:lang`. */
export const portalRoutes: Route[] = [
  {
    path: 'institutions/:code/inventory',
    title: 'inventory.title',
    loadComponent: () => import('./inventory/inventory.page').then((m) => m.InventoryPage),
  },
  {
    path: 'portal',
    title: 'portal.title',
    canActivate: [requirePortalReader],
    data: { requiresSession: true },
    loadComponent: () => import('./portal/portal.page').then((m) => m.PortalPage),
  },
];
