import { DataSource } from 'typeorm';
import { markDemoLoaded } from '../seed/demo-seed.util';

const DEMO_PORTAL_KEY = 'demo_portal_mapping';

/** Organisations of the demo catalogue (libs/testing/ckan-fixture-server) → administrations of the registry. */
export const DEMO_PORTAL_ORGANIZATIONS: Record<string, string> = {
  HCP: 'haut-commissariat-au-plan',
  MEF: 'ministere-de-l-economie-et-des-finances',
  ADD: 'agence-de-developpement-du-digital',
  MTNRA: 'ministere-de-la-transition-numerique-et-de-la-reforme-de-l-administration',
  '01': 'region-tanger-tetouan-al-hoceima',
  '02': 'region-de-l-oriental',
  '03': 'region-fes-meknes',
  '04': 'region-rabat-sale-kenitra',
  '06': 'region-casablanca-settat',
  '07': 'region-marrakech-safi',
  '09': 'region-souss-massa',
};

/**
 * Maps administrations to organisations of the demo catalogue, so scorecards
 * have figures after the first harvest. Once; never replaces a portal name set by a person.
 */
export async function seedDemoPortalMapping(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    if (!(await markDemoLoaded(manager, DEMO_PORTAL_KEY, { organizations: Object.keys(DEMO_PORTAL_ORGANIZATIONS).length }))) return false;
    for (const [code, organization] of Object.entries(DEMO_PORTAL_ORGANIZATIONS)) {
      await manager.query(
        `UPDATE institutions SET portal_org_name = $2 WHERE code = $1 AND portal_org_name IS NULL
            AND NOT EXISTS (SELECT 1 FROM institutions WHERE portal_org_name = $2)`,
        [code, organization],
      );
    }
    return true;
  });
}
