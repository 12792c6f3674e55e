import type { Route } from '@angular/router';
import { Permission } from '@marsad/contracts';
import { requirePermission } from '@marsad/web/data-access';

/** The registry of administrations, its officers (measures 3 and 5) and the coverage dashboard, under `/:lang`. */
export const registryRoutes: Route[] = [
  {
    path: 'institutions',
    title: 'titles.registry',
    loadComponent: () => import('./list/registry.page').then((m) => m.RegistryPage),
  },
  {
    // Before `institutions/:code`, so `import` is not read as a code.
    path: 'institutions/import',
    title: 'registry.import.title',
    canActivate: [requirePermission(Permission.InstitutionManage)],
    data: { requiresSession: true, target: 'institutions' },
    loadComponent: () => import('./import/import.page').then((m) => m.ImportPage),
  },
  {
    // The shared import wizard, for one administration's data inventory (measure 6); the inventory page lives in feature-portal.
    path: 'institutions/:code/inventory/import',
    title: 'inventory.import.title',
    canActivate: [requirePermission(Permission.InventoryManage)],
    data: { requiresSession: true, target: 'inventory' },
    loadComponent: () => import('./import/import.page').then((m) => m.ImportPage),
  },
  {
    path: 'institutions/:code',
    title: 'titles.institution',
    loadComponent: () => import('./institution/institution.page').then((m) => m.InstitutionPage),
  },
  {
    path: 'coverage',
    title: 'titles.coverage',
    loadComponent: () => import('./coverage/coverage.page').then((m) => m.CoveragePage),
  },
  {
    path: 'officers/import',
    title: 'titles.officersImport',
    canActivate: [requirePermission(Permission.OfficerManage)],
    data: { requiresSession: true, target: 'officers' },
    loadComponent: () => import('./import/import.page').then((m) => m.ImportPage),
  },
];
