import { MalformedRecordError, normaliseDataset, type NormalisedDataset } from '../../portal/normalise-dataset';
import type { NationalContext } from './national-context';

/**
 * Dataset profiles: CKAN `package_search` records as Moroccan publishers write them (formats,
 * licences and frequencies spelled in many ways, metadata more or less complete), read by the
 * harvest's own normaliser, so stars, completeness and formats are what a harvest would compute.
 * The national data set spreads its datasets over these profiles.
 */

const SUBJECTS = [
  'Budget général de l’État',
  'Indicateurs de la qualité de l’air',
  'Liste des établissements scolaires',
  'Effectifs des élèves par niveau',
  'Population légale',
  'Taux de chômage trimestriel',
  'Indice des prix à la consommation',
  'Arrivées des touristes aux postes frontières',
  'Production agricole par filière',
  'Précipitations mensuelles',
  'Barrages : taux de remplissage',
  'Consommation d’électricité',
  'Réseau routier classé',
  'Accidents de la circulation',
  'Marchés publics attribués',
  'Recettes fiscales',
  'Établissements de santé',
  'Pharmacies de garde',
  'Entreprises créées',
  'Coopératives agréées',
  'Associations déclarées',
  'Équipements sportifs',
  'Bibliothèques publiques',
  'Lignes de bus urbains',
  'Trafic portuaire',
  'Permis de construire délivrés',
  'Centres de formation professionnelle',
  'Services publics en ligne',
  'Effectifs de la fonction publique',
  'Taux de scolarisation',
];

const PLACES = ['Maroc', 'Rabat', 'Casablanca', 'Fès', 'Marrakech', 'Tanger', 'Agadir', 'Oujda', 'Meknès', 'Laâyoune'];

/** [format as typed, file extension], with their weights. */
const FORMATS: [string, string, number][] = [
  ['CSV', 'csv', 20],
  ['csv', 'csv', 6],
  ['text/csv', 'csv', 2],
  ['Excel', 'xls', 6],
  ['xlsx', 'xlsx', 8],
  ['XLS', 'xls', 5],
  ['PDF', 'pdf', 14],
  ['pdf', 'pdf', 4],
  ['JSON', 'json', 5],
  ['GeoJSON', 'geojson', 3],
  ['ZIP', 'zip', 4],
  ['RDF', 'rdf', 1],
  ['JSON-LD', 'jsonld', 1],
  ['XML', 'xml', 2],
  ['SHP', 'zip', 1],
  ['docx', 'docx', 1],
  ['API', '', 1],
  ['', 'csv', 5],
  ['', '', 2],
];

/** [licence id, weight]; null: none given. */
const LICENCES: [string | null, number][] = [
  ['cc-by', 24],
  ['cc-by-sa', 8],
  ['cc-zero', 6],
  ['odc-odbl', 10],
  ['other-open', 8],
  ['notspecified', 14],
  ['other-closed', 5],
  ['licence-ouverte-maroc', 3],
  [null, 18],
];

const FREQUENCIES: [string, number][] = [
  ['http://publications.europa.eu/resource/authority/frequency/MONTHLY', 4],
  ['http://publications.europa.eu/resource/authority/frequency/ANNUAL', 6],
  ['http://publications.europa.eu/resource/authority/frequency/QUARTERLY', 2],
  ['monthly', 3],
  ['annual', 6],
  ['quarterly', 3],
  ['daily', 1],
  ['weekly', 1],
  ['irregular', 2],
  ['mensuelle', 3],
  ['annuelle', 5],
  ['trimestrielle', 2],
  ['', 6],
];

const GROUPS = [
  'economie-et-finances',
  'sante',
  'education',
  'environnement',
  'transport',
  'agriculture',
  'tourisme',
  'societe',
  'administration',
  'energie',
];
const TAGS = [
  'budget',
  'statistiques',
  'population',
  'emploi',
  'santé',
  'éducation',
  'eau',
  'énergie',
  'transport',
  'région',
];

function weighted<T>(ctx: NationalContext, key: string, table: [...unknown[], number][]): T[] {
  const total = table.reduce((sum, row) => sum + (row.at(-1) as number), 0);
  let r = ctx.h(key) * total;
  for (const row of table) {
    r -= row.at(-1) as number;
    if (r < 0) return row.slice(0, -1) as T[];
  }
  return table[0].slice(0, -1) as T[];
}

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `count` profiles, each the normaliser's reading of a generated CKAN record. */
export function datasetProfiles(ctx: NationalContext, count: number, portalUrl: string): NormalisedDataset[] {
  const profiles: NormalisedDataset[] = [];
  for (let i = 0; i < count; i++) {
    const key = `profile:${i}`;
    const subject = ctx.pick(`${key}:subject`, SUBJECTS);
    const place = ctx.pick(`${key}:place`, PLACES);
    const year = 2015 + ctx.int(`${key}:year`, 0, 11);
    const title = `${subject} – ${place} ${year}`;
    const name = slug(title);
    const [licence] = weighted<string | null>(ctx, `${key}:licence`, LICENCES);
    const [frequency] = weighted<string>(ctx, `${key}:frequency`, FREQUENCIES);
    const resourceCount = ctx.int(`${key}:resources`, 0, 9) === 0 ? 0 : ctx.int(`${key}:resources-n`, 1, 5);
    const resources = Array.from({ length: resourceCount }, (_, k) => {
      const [format, ext] = weighted<string>(ctx, `${key}:format:${k}`, FORMATS);
      return {
        id: `r${k + 1}`,
        name: ctx.pick(`${key}:rname:${k}`, ['Données', 'Fichier', 'Tableau', 'Série', 'Annexe', 'Rapport']),
        format,
        url: `${portalUrl}/dataset/${name}/resource/${k + 1}${ext ? `.${ext}` : ''}`,
        last_modified: ctx.h(`${key}:modified:${k}`) < 0.7 ? '2026-01-01T00:00:00' : null,
      };
    });
    const extras: { key: string; value: string }[] = [];
    if (frequency) extras.push({ key: 'frequency', value: frequency });
    if (ctx.h(`${key}:temporal`) < 0.4) extras.push({ key: 'temporal', value: `${year - 5}/${year}` });
    if (ctx.h(`${key}:spatial`) < 0.15) extras.push({ key: 'spatial_text', value: place });
    const record = {
      id: `profile-${i}`,
      name,
      title,
      notes:
        ctx.h(`${key}:notes`) < 0.8
          ? `Ce jeu de données présente ${subject.toLowerCase()} (${place}), mis à jour selon la périodicité indiquée.`
          : '',
      license_id: licence,
      maintainer_email: ctx.h(`${key}:contact`) < 0.45 ? 'opendata@example.ma' : null,
      tags: ctx.h(`${key}:tags`) < 0.85 ? [{ name: ctx.pick(`${key}:tag`, TAGS) }, { name: 'open data' }] : [],
      groups: ctx.h(`${key}:groups`) < 0.65 ? [{ name: ctx.pick(`${key}:group`, GROUPS) }] : [],
      extras,
      resources,
    };
    try {
      profiles.push(normaliseDataset(record));
    } catch (error) {
      if (!(error instanceof MalformedRecordError)) throw error;
    }
  }
  return profiles;
}
