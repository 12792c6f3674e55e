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
    data: { requiresSession: true },
    loadComponent: () => import('./import/officers-import.page').then((m) => m.OfficersImportPage),
  },
];
