import { DataSource } from 'typeorm';
import { markDemoLoaded } from '../seed/demo-seed.util';

// v2: the central administrations joined the registry; the mapping runs again once (it only fills empty names).
const DEMO_PORTAL_KEY = 'demo_portal_mapping_v2';

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
  MSPS: 'ministere-de-la-sante-et-de-la-protection-sociale',
  MENPS: 'ministere-de-l-education-nationale-du-prescolaire-et-des-sports',
  MI: 'ministere-de-l-interieur',
  'MI-DGCT': 'direction-generale-des-collectivites-territoriales',
  MAPMDREF: 'ministere-de-l-agriculture-de-la-peche-maritime-du-developpement-rural-et-des-eaux-et-forets',
  MEE: 'ministere-de-l-equipement-et-de-l-eau',
  MTEDD: 'ministere-de-la-transition-energetique-et-du-developpement-durable',
  MTAESS: 'ministere-du-tourisme-de-l-artisanat-et-de-l-economie-sociale-et-solidaire',
  MJ: 'ministere-de-la-justice',
  MIC: 'ministere-de-l-industrie-et-du-commerce',
  MESRSI: 'ministere-de-l-enseignement-superieur-de-la-recherche-scientifique-et-de-l-innovation',
  ONEE: 'office-national-de-l-electricite-et-de-l-eau-potable',
  ANCFCC: 'agence-nationale-de-la-conservation-fonciere-du-cadastre-et-de-la-cartographie',
  OC: 'office-des-changes',
  CNSS: 'caisse-nationale-de-securite-sociale',
  ANP: 'agence-nationale-des-ports',
  ONDA: 'office-national-des-aeroports',
  '04.421.01.0': 'commune-de-rabat',
  '06.141.01.0': 'commune-de-casablanca',
};

/**
 * Maps administrations to organisations of the demo catalogue, so scorecards
 * have figures after the first harvest. Once; never replaces a portal name set by a person.
 */
export async function seedDemoPortalMapping(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    if (
      !(await markDemoLoaded(manager, DEMO_PORTAL_KEY, {
        organizations: Object.keys(DEMO_PORTAL_ORGANIZATIONS).length,
      }))
    )
      return false;
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
