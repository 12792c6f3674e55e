/**
 * How publication metrics are computed. One module read by the API (which
 * computes) and the web (which explains): the methodology page renders these
 * very tables, so what is shown is what is applied.
 */

// ---------------------------------------------------------------- formats

/** Canonical formats and their openness stars (ckanext-qa's format table as reference). */
export const FORMAT_STARS: Readonly<Record<string, number>> = {
  RDF: 5,
  'JSON-LD': 5,
  TTL: 5,
  N3: 5,
  NT: 5,
  CSV: 3,
  TSV: 3,
  JSON: 3,
  XML: 3,
  GEOJSON: 3,
  KML: 3,
  ODS: 3,
  XLS: 2,
  XLSX: 2,
  SHP: 2,
  PDF: 1,
  DOC: 1,
  DOCX: 1,
  ZIP: 1,
  HTML: 1,
  TXT: 1,
  PPT: 1,
  PPTX: 1,
  ODT: 1,
};

/** A resource format at or above this many stars is machine-readable and open. */
export const MACHINE_READABLE_MIN_STARS = 3;

/** Spellings seen on CKAN portals (free text, MIME types, extensions) → canonical format. */
const FORMAT_ALIASES: Readonly<Record<string, string>> = {
  'TEXT/CSV': 'CSV',
  'APPLICATION/CSV': 'CSV',
  'TEXT/COMMA-SEPARATED-VALUES': 'CSV',
  'TEXT/TAB-SEPARATED-VALUES': 'TSV',
  'APPLICATION/JSON': 'JSON',
  'APPLICATION/LD+JSON': 'JSON-LD',
  JSONLD: 'JSON-LD',
  'APPLICATION/GEO+JSON': 'GEOJSON',
  'APPLICATION/VND.GEO+JSON': 'GEOJSON',
  'GEO+JSON': 'GEOJSON',
  'APPLICATION/XML': 'XML',
  'TEXT/XML': 'XML',
  'APPLICATION/RDF+XML': 'RDF',
  'RDF/XML': 'RDF',
  'RDF+XML': 'RDF',
  TURTLE: 'TTL',
  'TEXT/TURTLE': 'TTL',
  'APPLICATION/N-TRIPLES': 'NT',
  'APPLICATION/VND.GOOGLE-EARTH.KML+XML': 'KML',
  EXCEL: 'XLS',
  'MS EXCEL': 'XLS',
  'APPLICATION/VND.MS-EXCEL': 'XLS',
  'APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.SPREADSHEETML.SHEET': 'XLSX',
  'APPLICATION/VND.OASIS.OPENDOCUMENT.SPREADSHEET': 'ODS',
  'APPLICATION/PDF': 'PDF',
  'APPLICATION/MSWORD': 'DOC',
  WORD: 'DOC',
  'APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.WORDPROCESSINGML.DOCUMENT': 'DOCX',
  'APPLICATION/ZIP': 'ZIP',
  'APPLICATION/X-ZIP-COMPRESSED': 'ZIP',
  'TEXT/HTML': 'HTML',
  HTM: 'HTML',
  'TEXT/PLAIN': 'TXT',
  SHAPEFILE: 'SHP',
  'ESRI SHAPEFILE': 'SHP',
  'APPLICATION/X-ESRI-SHAPE': 'SHP',
};

/**
 * `CSV`, `csv`, `.csv`, ` text/csv ` → `CSV`. An empty format gives null; an
 * unknown one is kept, upper-cased, and earns no stars.
 */
export function normaliseFormat(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let value = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (value.includes(';')) value = value.split(';')[0].trim(); // text/csv; charset=utf-8
  value = value.replace(/^\.+/, '');
  if (!value) return null;
  if (FORMAT_ALIASES[value]) return FORMAT_ALIASES[value];
  if (FORMAT_STARS[value] !== undefined) return value;
  const slash = value.lastIndexOf('/');
  if (slash >= 0) {
    const tail = value.slice(slash + 1).replace(/^X-/, '');
    if (FORMAT_STARS[tail] !== undefined) return tail;
  }
  return value.slice(0, 40);
}

export function starsForFormat(format: string | null): number {
  return format ? (FORMAT_STARS[format] ?? 0) : 0;
}

// ---------------------------------------------------------------- licences

/** CKAN licence ids counted as open when the portal does not say (`isopen`). */
export const OPEN_LICENCES: readonly string[] = [
  'cc-by',
  'cc-by-4.0',
  'cc-by-sa',
  'cc-by-sa-4.0',
  'cc-zero',
  'cc0',
  'cc0-1.0',
  'odc-by',
  'odc-odbl',
  'odc-pddl',
  'other-open',
  'other-pd',
  'other-at',
  'gfdl',
  'uk-ogl',
  'lo-2.0',
  'etalab-2.0',
  'licence-ouverte',
];

// ---------------------------------------------------------------- frequency

/** Declared update frequencies (DCAT frequency vocabulary, as codes). */
export const FREQUENCIES = [
  'daily',
  'weekly',
  'fortnightly',
  'monthly',
  'bimonthly',
  'quarterly',
  'semiannual',
  'annual',
  'biennial',
  'irregular',
  'continuous',
  'never',
] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * Age thresholds in days (OCHA HDX data freshness): a dataset is `due` from
 * `due` days old, `overdue` from `overdue`, `delinquent` from `delinquent`.
 * Bimonthly and biennial are not in HDX's table; they follow its pattern.
 * Irregular, continuous and never have no thresholds: freshness does not apply.
 */
export const FRESHNESS_THRESHOLDS: Readonly<
  Partial<Record<Frequency, { due: number; overdue: number; delinquent: number }>>
> = {
  daily: { due: 1, overdue: 2, delinquent: 3 },
  weekly: { due: 7, overdue: 14, delinquent: 21 },
  fortnightly: { due: 14, overdue: 21, delinquent: 28 },
  monthly: { due: 30, overdue: 45, delinquent: 60 },
  bimonthly: { due: 60, overdue: 90, delinquent: 120 },
  quarterly: { due: 90, overdue: 120, delinquent: 150 },
  semiannual: { due: 180, overdue: 210, delinquent: 240 },
  annual: { due: 365, overdue: 425, delinquent: 455 },
  biennial: { due: 730, overdue: 790, delinquent: 820 },
};

export const FRESHNESS_STATUSES = ['fresh', 'due', 'overdue', 'delinquent', 'not_applicable', 'unknown'] as const;
export type FreshnessStatus = (typeof FRESHNESS_STATUSES)[number];
/** Statuses counted as up to date in the "share up to date". */
export const UP_TO_DATE_STATUSES: readonly FreshnessStatus[] = ['fresh', 'due'];

const FREQUENCY_WORDS: Readonly<Record<string, Frequency>> = {
  DAILY: 'daily',
  QUOTIDIEN: 'daily',
  QUOTIDIENNE: 'daily',
  JOURNALIER: 'daily',
  JOURNALIERE: 'daily',
  WEEKLY: 'weekly',
  HEBDOMADAIRE: 'weekly',
  BIWEEKLY: 'fortnightly',
  FORTNIGHTLY: 'fortnightly',
  BIMENSUEL: 'fortnightly',
  BIMENSUELLE: 'fortnightly',
  MONTHLY: 'monthly',
  MENSUEL: 'monthly',
  MENSUELLE: 'monthly',
  BIMONTHLY: 'bimonthly',
  BIMESTRIEL: 'bimonthly',
  BIMESTRIELLE: 'bimonthly',
  QUARTERLY: 'quarterly',
  TRIMESTRIEL: 'quarterly',
  TRIMESTRIELLE: 'quarterly',
  BIANNUAL: 'semiannual',
  SEMIANNUAL: 'semiannual',
  'SEMI-ANNUAL': 'semiannual',
  SEMESTRIEL: 'semiannual',
  SEMESTRIELLE: 'semiannual',
  ANNUAL: 'annual',
  ANNUALLY: 'annual',
  YEARLY: 'annual',
  ANNUEL: 'annual',
  ANNUELLE: 'annual',
  BIENNIAL: 'biennial',
  BIENNAL: 'biennial',
  BIENNALE: 'biennial',
  IRREGULAR: 'irregular',
  IRREGULIER: 'irregular',
  IRREGULIERE: 'irregular',
  'AS NEEDED': 'irregular',
  CONTINUOUS: 'continuous',
  UPDATE_CONT: 'continuous',
  CONT: 'continuous',
  'EN CONTINU': 'continuous',
  NEVER: 'never',
  JAMAIS: 'never',
};

/**
 * `http://publications.europa.eu/resource/authority/frequency/MONTHLY`,
 * `MONTHLY`, `monthly`, `mensuelle`, `R/P1M` → `monthly`; anything else → null.
 */
export function normaliseFrequency(raw: unknown): Frequency | null {
  if (typeof raw !== 'string') return null;
  let value = raw.trim();
  if (!value) return null;
  const iso: Record<string, Frequency> = {
    'R/P1D': 'daily',
    'R/P1W': 'weekly',
    'R/P2W': 'fortnightly',
    'R/P1M': 'monthly',
    'R/P2M': 'bimonthly',
    'R/P3M': 'quarterly',
    'R/P6M': 'semiannual',
    'R/P1Y': 'annual',
    'R/P2Y': 'biennial',
  };
  if (iso[value.toUpperCase()]) return iso[value.toUpperCase()];
  value = value.replace(/[/#]+$/, '');
  const tail = value.split(/[/#]/).pop() ?? value;
  const word = tail
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .trim();
  return (
    FREQUENCY_WORDS[word] ??
    FREQUENCY_WORDS[word.replace(/[_-]/g, ' ')] ??
    FREQUENCY_WORDS[word.replace(/[\s_-]/g, '')] ??
    null
  );
}

const DAY_MS = 86_400_000;

/** Whole days between `from` and `asOf` (never negative). */
export function ageInDays(from: Date, asOf: Date): number {
  return Math.max(0, Math.floor((asOf.getTime() - from.getTime()) / DAY_MS));
}

export function freshnessStatus(frequency: Frequency | null, lastUpdated: Date | null, asOf: Date): FreshnessStatus {
  if (!frequency) return 'unknown';
  const thresholds = FRESHNESS_THRESHOLDS[frequency];
  if (!thresholds) return 'not_applicable';
  if (!lastUpdated) return 'unknown';
  const age = ageInDays(lastUpdated, asOf);
  if (age >= thresholds.delinquent) return 'delinquent';
  if (age >= thresholds.overdue) return 'overdue';
  if (age >= thresholds.due) return 'due';
  return 'fresh';
}

// ---------------------------------------------------------------- completeness

/** Metadata completeness criteria and their points (out of 100), after the data.europa.eu MQA. */
export const COMPLETENESS_POINTS = {
  description: 15,
  tags: 10,
  theme: 10,
  licence: 15,
  frequency: 15,
  temporal: 10,
  spatial: 10,
  contact: 10,
  dates: 5,
} as const;
export type CompletenessCriterion = keyof typeof COMPLETENESS_POINTS;
export const COMPLETENESS_CRITERIA = Object.keys(COMPLETENESS_POINTS) as CompletenessCriterion[];
/** A description shorter than this does not count. */
export const DESCRIPTION_MIN_LENGTH = 20;

export function completenessScore(filled: readonly CompletenessCriterion[]): number {
  return filled.reduce((sum, criterion) => sum + COMPLETENESS_POINTS[criterion], 0);
}

// ---------------------------------------------------------------- composite score

/** The publication score (0–100) is a weighted sum of four components, each 0–100. */
export const SCORE_WEIGHTS = {
  /** Mean openness stars ÷ 5 × 100. */
  openness: 30,
  /** Mean metadata completeness. */
  metadata: 25,
  /** Share of datasets with a frequency and thresholds that are fresh or due. */
  freshness: 25,
  /** Open inventory items published ÷ open items inventoried. */
  inventory: 20,
} as const;
export type ScoreComponent = keyof typeof SCORE_WEIGHTS;
export const SCORE_COMPONENTS = Object.keys(SCORE_WEIGHTS) as ScoreComponent[];

/** Datasets created within this many days before the snapshot count as new. */
export const NEW_DATASET_WINDOW_DAYS = 30;

/** Round to one decimal, as every share and score is shown. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The composite score from its components (each 0–100, null = cannot be
 * computed and counts 0). An administration with no dataset on the portal has
 * no score (null): there is nothing to score yet.
 */
export function compositeScore(
  datasets: number,
  components: Record<ScoreComponent, number | null>,
): {
  value: number | null;
  breakdown: { component: ScoreComponent; weight: number; value: number | null; points: number }[];
} {
  const breakdown = SCORE_COMPONENTS.map((component) => {
    const value = components[component];
    const points = value === null ? 0 : (value * SCORE_WEIGHTS[component]) / 100;
    return {
      component,
      weight: SCORE_WEIGHTS[component],
      value: value === null ? null : round1(value),
      points: round1(points),
    };
  });
  if (datasets === 0) return { value: null, breakdown };
  const total = SCORE_COMPONENTS.reduce((sum, component) => {
    const value = components[component];
    return sum + (value === null ? 0 : (value * SCORE_WEIGHTS[component]) / 100);
  }, 0);
  return { value: round1(total), breakdown };
}
