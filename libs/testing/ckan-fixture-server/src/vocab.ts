/** Word lists the generator draws from. Changing anything here changes the generated catalogue. */
import { weighted } from './rng';

/** Real-looking Moroccan publishers (slug, French title); organisations beyond these are `org-NNNN`. */
export const KNOWN_ORGANIZATIONS: ReadonlyArray<readonly [string, string]> = [
  ['haut-commissariat-au-plan', 'Haut-Commissariat au Plan'],
  ['ministere-de-l-economie-et-des-finances', "Ministère de l'Économie et des Finances"],
  ['region-rabat-sale-kenitra', 'Région Rabat-Salé-Kénitra'],
  ['ministere-de-la-sante-et-de-la-protection-sociale', 'Ministère de la Santé et de la Protection sociale'],
  [
    'ministere-de-l-education-nationale-du-prescolaire-et-des-sports',
    "Ministère de l'Éducation nationale, du Préscolaire et des Sports",
  ],
  ['agence-de-developpement-du-digital', 'Agence de Développement du Digital'],
  ['ministere-de-l-interieur', "Ministère de l'Intérieur"],
  ['region-casablanca-settat', 'Région Casablanca-Settat'],
  [
    'ministere-de-l-agriculture-de-la-peche-maritime-du-developpement-rural-et-des-eaux-et-forets',
    "Ministère de l'Agriculture, de la Pêche maritime, du Développement rural et des Eaux et Forêts",
  ],
  ['office-national-de-l-electricite-et-de-l-eau-potable', "Office National de l'Électricité et de l'Eau Potable"],
  ['ministere-de-l-equipement-et-de-l-eau', "Ministère de l'Équipement et de l'Eau"],
  ['direction-generale-des-collectivites-territoriales', 'Direction Générale des Collectivités Territoriales'],
  [
    'ministere-de-la-transition-energetique-et-du-developpement-durable',
    'Ministère de la Transition énergétique et du Développement durable',
  ],
  ['region-fes-meknes', 'Région Fès-Meknès'],
  [
    'ministere-du-tourisme-de-l-artisanat-et-de-l-economie-sociale-et-solidaire',
    "Ministère du Tourisme, de l'Artisanat et de l'Économie sociale et solidaire",
  ],
  [
    'agence-nationale-de-la-conservation-fonciere-du-cadastre-et-de-la-cartographie',
    'Agence Nationale de la Conservation Foncière, du Cadastre et de la Cartographie',
  ],
  ['region-marrakech-safi', 'Région Marrakech-Safi'],
  ['office-des-changes', 'Office des Changes'],
  ['ministere-de-la-justice', 'Ministère de la Justice'],
  ['region-tanger-tetouan-al-hoceima', 'Région Tanger-Tétouan-Al Hoceïma'],
  ['ministere-de-l-industrie-et-du-commerce', "Ministère de l'Industrie et du Commerce"],
  ['caisse-nationale-de-securite-sociale', 'Caisse Nationale de Sécurité Sociale'],
  ['region-souss-massa', 'Région Souss-Massa'],
  ['commune-de-rabat', 'Commune de Rabat'],
  ['region-de-l-oriental', "Région de l'Oriental"],
  [
    'ministere-de-l-enseignement-superieur-de-la-recherche-scientifique-et-de-l-innovation',
    "Ministère de l'Enseignement supérieur, de la Recherche scientifique et de l'Innovation",
  ],
  ['commune-de-casablanca', 'Commune de Casablanca'],
  ['agence-nationale-des-ports', 'Agence Nationale des Ports'],
  [
    'ministere-de-la-transition-numerique-et-de-la-reforme-de-l-administration',
    "Ministère de la Transition numérique et de la Réforme de l'Administration",
  ],
  ['office-national-des-aeroports', 'Office National des Aéroports'],
];

export const ORG_DESCRIPTIONS = [
  '',
  'Données publiées dans le cadre du Plan d’action national pour les données ouvertes.',
  'Producteur de statistiques et de données administratives.',
  'Établissement public sous tutelle ministérielle.',
];

export const SUBJECTS = [
  'Budget général de l’État',
  'Indicateurs de la qualité de l’air',
  'Liste des établissements scolaires',
  'Effectifs des élèves par niveau',
  'Population légale',
  'Taux de chômage trimestriel',
  'Indice des prix à la consommation',
  'Arrivées des touristes aux postes frontières',
  'Nuitées dans les établissements classés',
  'Production agricole par filière',
  'Précipitations mensuelles',
  'Barrages : taux de remplissage',
  'Consommation d’électricité',
  'Réseau routier classé',
  'Accidents de la circulation',
  'Marchés publics attribués',
  'Recettes fiscales',
  'Dette du Trésor',
  'Balance commerciale',
  'Investissements directs étrangers',
  'Établissements de santé',
  'Pharmacies de garde',
  'Couverture vaccinale',
  'Lits hospitaliers',
  'Entreprises créées',
  'Coopératives agréées',
  'Associations déclarées',
  'Bureaux de vote',
  'Équipements sportifs',
  'Bibliothèques publiques',
  'Points d’accès Wi-Fi public',
  'Lignes de bus urbains',
  'Trafic aéroportuaire',
  'Trafic portuaire',
  'Titres fonciers immatriculés',
  'Permis de construire délivrés',
  'Zones industrielles',
  'Stations de traitement des eaux usées',
  'Forêts domaniales',
  'Licences de pêche',
  'Centres de formation professionnelle',
  'Bourses universitaires',
  'Publications de recherche',
  'Demandes d’accès à l’information',
  'Services publics en ligne',
  'Subventions aux associations',
  'Effectifs de la fonction publique',
  'Taux de scolarisation',
  'Indicateurs du développement humain',
  'Recensement général de la population et de l’habitat',
];

export const PLACES = [
  'Maroc',
  'Rabat',
  'Casablanca',
  'Fès',
  'Marrakech',
  'Tanger',
  'Agadir',
  'Oujda',
  'Meknès',
  'Laâyoune',
  'Dakhla',
  'Béni Mellal',
  'Errachidia',
  'Guelmim',
  'Région Rabat-Salé-Kénitra',
  'Région Casablanca-Settat',
  'Région Fès-Meknès',
  'Région Marrakech-Safi',
  'Région Souss-Massa',
  'Région de l’Oriental',
];

export const NOTES = [
  'Jeu de données publié par {org}. Mise à jour selon la périodicité indiquée.',
  'Ce jeu de données présente {subject} ({place}).',
  'Données issues des registres administratifs de {org}.',
  '{subject} : séries annuelles et ventilation par province.',
  'Source : {org}. Les chiffres sont provisoires pour la dernière année.',
  'معطيات مفتوحة منشورة من طرف {org}.',
];

export const GROUPS = [
  ['economie-et-finances', 'Économie et finances'],
  ['sante', 'Santé'],
  ['education', 'Éducation'],
  ['environnement', 'Environnement'],
  ['transport', 'Transport'],
  ['agriculture', 'Agriculture'],
  ['tourisme', 'Tourisme'],
  ['societe', 'Société'],
  ['administration', 'Administration'],
  ['energie', 'Énergie'],
] as const;

export const TAGS = [
  'budget',
  'finances publiques',
  'statistiques',
  'population',
  'emploi',
  'santé',
  'éducation',
  'environnement',
  'eau',
  'énergie',
  'transport',
  'tourisme',
  'agriculture',
  'pêche',
  'commerce',
  'industrie',
  'région',
  'commune',
  'open data',
  'données ouvertes',
  'ميزانية',
  'إحصاء',
  'climat',
  'marchés publics',
  'foncier',
  'urbanisme',
  'culture',
  'sport',
  'jeunesse',
  'numérique',
];

export interface LicenceEntry {
  id: string | null;
  title: string | null;
  url?: string;
  open: boolean;
}

export const LICENCES = weighted<LicenceEntry>([
  [
    {
      id: 'cc-by',
      title: 'Creative Commons Attribution',
      url: 'http://www.opendefinition.org/licenses/cc-by',
      open: true,
    },
    24,
  ],
  [
    {
      id: 'cc-by-sa',
      title: 'Creative Commons Attribution Share-Alike',
      url: 'http://www.opendefinition.org/licenses/cc-by-sa',
      open: true,
    },
    8,
  ],
  [
    {
      id: 'cc-zero',
      title: 'Creative Commons CCZero',
      url: 'http://www.opendefinition.org/licenses/cc-zero',
      open: true,
    },
    6,
  ],
  [
    {
      id: 'odc-odbl',
      title: 'Open Data Commons Open Database License (ODbL)',
      url: 'http://www.opendefinition.org/licenses/odc-odbl',
      open: true,
    },
    10,
  ],
  [{ id: 'other-open', title: 'Other (Open)', open: true }, 8],
  [{ id: 'notspecified', title: 'License not specified', open: false }, 14],
  [{ id: 'other-closed', title: 'Other (Not Open)', open: false }, 5],
  // not in CKAN's licence register: CKAN echoes the id as the title
  [{ id: 'licence-ouverte-maroc', title: 'licence-ouverte-maroc', open: false }, 3],
  [{ id: '', title: '', open: false }, 14],
  [{ id: null, title: null, open: false }, 4],
]);

/** Resource `format` as publishers type it, with the extension and MIME type behind it. */
export interface FormatEntry {
  format: string;
  ext: string;
  mime: string | null;
}

export const FORMATS = weighted<FormatEntry>([
  [{ format: 'CSV', ext: 'csv', mime: 'text/csv' }, 20],
  [{ format: 'csv', ext: 'csv', mime: 'text/csv' }, 6],
  [{ format: '.csv', ext: 'csv', mime: 'text/csv' }, 2],
  [{ format: 'text/csv', ext: 'csv', mime: 'text/csv' }, 2],
  [{ format: 'Excel', ext: 'xls', mime: 'application/vnd.ms-excel' }, 6],
  [{ format: 'xlsx', ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, 8],
  [{ format: 'XLSX', ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, 3],
  [{ format: 'XLS', ext: 'xls', mime: 'application/vnd.ms-excel' }, 5],
  [{ format: 'application/vnd.ms-excel', ext: 'xls', mime: 'application/vnd.ms-excel' }, 2],
  [{ format: 'PDF', ext: 'pdf', mime: 'application/pdf' }, 14],
  [{ format: 'pdf', ext: 'pdf', mime: 'application/pdf' }, 4],
  [{ format: 'json', ext: 'json', mime: 'application/json' }, 3],
  [{ format: 'JSON', ext: 'json', mime: 'application/json' }, 4],
  [{ format: 'geojson', ext: 'geojson', mime: 'application/geo+json' }, 2],
  [{ format: 'GeoJSON', ext: 'geojson', mime: 'application/geo+json' }, 1],
  [{ format: 'ZIP', ext: 'zip', mime: 'application/zip' }, 3],
  [{ format: 'zip', ext: 'zip', mime: 'application/zip' }, 1],
  [{ format: 'RDF', ext: 'rdf', mime: 'application/rdf+xml' }, 1],
  [{ format: 'JSON-LD', ext: 'jsonld', mime: 'application/ld+json' }, 1],
  [{ format: 'XML', ext: 'xml', mime: 'application/xml' }, 2],
  [{ format: 'SHP', ext: 'zip', mime: 'application/zip' }, 1],
  [{ format: 'DOC', ext: 'doc', mime: 'application/msword' }, 1],
  [{ format: 'docx', ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, 1],
  [{ format: 'API', ext: '', mime: null }, 1],
  [{ format: 'HTML', ext: 'html', mime: 'text/html' }, 1],
  [{ format: '', ext: 'csv', mime: null }, 5],
  [{ format: '', ext: '', mime: null }, 2],
]);

export const FREQUENCIES = weighted<string>([
  ['http://publications.europa.eu/resource/authority/frequency/MONTHLY', 4],
  ['http://publications.europa.eu/resource/authority/frequency/ANNUAL', 6],
  ['http://publications.europa.eu/resource/authority/frequency/QUARTERLY', 2],
  ['http://publications.europa.eu/resource/authority/frequency/IRREG', 1],
  ['monthly', 3],
  ['ANNUAL', 2],
  ['annual', 6],
  ['quarterly', 3],
  ['daily', 1],
  ['weekly', 1],
  ['irregular', 2],
  ['mensuelle', 3],
  ['annuelle', 5],
  ['trimestrielle', 2],
  ['Annuelle', 1],
  ['', 1],
]);

/** Resource count: 0..5. */
export const RESOURCE_COUNTS = weighted<number>([
  [0, 8],
  [1, 35],
  [2, 25],
  [3, 15],
  [4, 10],
  [5, 7],
]);

export const RESOURCE_NAMES = [
  'Données',
  'Fichier',
  'Tableau',
  'Série',
  'Annexe',
  'Rapport',
  'Dictionnaire des données',
];

export const PEOPLE = [
  'Service des statistiques',
  'Division des systèmes d’information',
  'Cellule open data',
  'Direction des études',
  'A. Benali',
  'F. Zahra El Idrissi',
];

export const SPATIAL_MOROCCO =
  '{"type": "Polygon", "coordinates": [[[-13.2, 27.6], [-1.0, 27.6], [-1.0, 35.9], [-13.2, 35.9], [-13.2, 27.6]]]}';
