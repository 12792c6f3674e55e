import {
  FRESHNESS_THRESHOLDS,
  COMPLETENESS_POINTS,
  SCORE_WEIGHTS,
  compositeScore,
  completenessScore,
  freshnessStatus,
  normaliseFormat,
  normaliseFrequency,
  starsForFormat,
} from './methodology';

describe('format normalisation', () => {
  it.each([
    ['CSV', 'CSV'],
    ['csv', 'CSV'],
    ['.csv', 'CSV'],
    [' text/csv ', 'CSV'],
    ['text/csv; charset=utf-8', 'CSV'],
    ['Excel', 'XLS'],
    ['application/vnd.ms-excel', 'XLS'],
    ['xlsx', 'XLSX'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'],
    ['json', 'JSON'],
    ['application/json', 'JSON'],
    ['geojson', 'GEOJSON'],
    ['application/geo+json', 'GEOJSON'],
    ['JSON-LD', 'JSON-LD'],
    ['application/ld+json', 'JSON-LD'],
    ['RDF/XML', 'RDF'],
    ['application/rdf+xml', 'RDF'],
    ['PDF', 'PDF'],
    ['application/pdf', 'PDF'],
    ['ZIP', 'ZIP'],
    ['application/x-zip-compressed', 'ZIP'],
    ['Esri Shapefile', 'SHP'],
    ['.docx', 'DOCX'],
    ['application/x-foo', 'APPLICATION/X-FOO'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseFormat(raw)).toBe(expected);
  });

  it('an empty or missing format is no format', () => {
    expect(normaliseFormat('')).toBeNull();
    expect(normaliseFormat('  ')).toBeNull();
    expect(normaliseFormat(null)).toBeNull();
    expect(normaliseFormat(undefined)).toBeNull();
  });

  it('stars follow the ckanext-qa table; unknown formats earn none', () => {
    expect([starsForFormat('RDF'), starsForFormat('JSON-LD')]).toEqual([5, 5]);
    expect(['CSV', 'JSON', 'XML', 'GEOJSON'].map(starsForFormat)).toEqual([3, 3, 3, 3]);
    expect(['XLS', 'XLSX', 'SHP'].map(starsForFormat)).toEqual([2, 2, 2]);
    expect(['PDF', 'DOC', 'ZIP'].map(starsForFormat)).toEqual([1, 1, 1]);
    expect([starsForFormat('APPLICATION/X-FOO'), starsForFormat(null)]).toEqual([0, 0]);
  });
});

describe('frequency normalisation', () => {
  it.each([
    ['http://publications.europa.eu/resource/authority/frequency/MONTHLY', 'monthly'],
    ['MONTHLY', 'monthly'],
    ['monthly', 'monthly'],
    ['mensuelle', 'monthly'],
    ['Mensuel', 'monthly'],
    ['R/P1M', 'monthly'],
    ['ANNUAL', 'annual'],
    ['annuelle', 'annual'],
    ['trimestrielle', 'quarterly'],
    ['QUARTERLY', 'quarterly'],
    ['semestriel', 'semiannual'],
    ['BIWEEKLY', 'fortnightly'],
    ['daily', 'daily'],
    ['quotidienne', 'daily'],
    ['weekly', 'weekly'],
    ['irregular', 'irregular'],
    ['IRRÉGULIÈRE', 'irregular'],
    ['UPDATE_CONT', 'continuous'],
    ['http://publications.europa.eu/resource/authority/frequency/NEVER', 'never'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseFrequency(raw)).toBe(expected);
  });

  it('anything else is no frequency', () => {
    expect(normaliseFrequency('sometimes')).toBeNull();
    expect(normaliseFrequency('')).toBeNull();
    expect(normaliseFrequency(12)).toBeNull();
  });
});

describe('freshness thresholds (OCHA HDX)', () => {
  const asOf = new Date('2026-06-30T12:00:00Z');
  const daysAgo = (days: number) => new Date(asOf.getTime() - days * 86_400_000);

  it.each([
    ['monthly', 29, 'fresh'],
    ['monthly', 30, 'due'],
    ['monthly', 44, 'due'],
    ['monthly', 45, 'overdue'],
    ['monthly', 59, 'overdue'],
    ['monthly', 60, 'delinquent'],
    ['annual', 364, 'fresh'],
    ['annual', 365, 'due'],
    ['annual', 424, 'due'],
    ['annual', 425, 'overdue'],
    ['annual', 455, 'delinquent'],
    ['daily', 0, 'fresh'],
    ['daily', 1, 'due'],
    ['daily', 2, 'overdue'],
    ['daily', 3, 'delinquent'],
    ['weekly', 6, 'fresh'],
    ['weekly', 14, 'overdue'],
    ['weekly', 21, 'delinquent'],
    ['quarterly', 89, 'fresh'],
    ['quarterly', 120, 'overdue'],
    ['quarterly', 150, 'delinquent'],
    ['semiannual', 209, 'due'],
    ['semiannual', 240, 'delinquent'],
  ] as const)('%s, %i days old → %s', (frequency, age, status) => {
    expect(freshnessStatus(frequency, daysAgo(age), asOf)).toBe(status);
  });

  it('irregular, continuous and never have no thresholds; no frequency or no date is unknown', () => {
    expect(freshnessStatus('irregular', daysAgo(1000), asOf)).toBe('not_applicable');
    expect(freshnessStatus('continuous', daysAgo(1000), asOf)).toBe('not_applicable');
    expect(freshnessStatus('never', daysAgo(1000), asOf)).toBe('not_applicable');
    expect(freshnessStatus(null, daysAgo(1), asOf)).toBe('unknown');
    expect(freshnessStatus('monthly', null, asOf)).toBe('unknown');
  });

  it('the monthly and annual thresholds are those the issue names (30/45/60, 365/425/455)', () => {
    expect(FRESHNESS_THRESHOLDS.monthly).toEqual({ due: 30, overdue: 45, delinquent: 60 });
    expect(FRESHNESS_THRESHOLDS.annual).toEqual({ due: 365, overdue: 425, delinquent: 455 });
  });
});

describe('completeness and the composite score', () => {
  it('the completeness points add up to 100', () => {
    expect(Object.values(COMPLETENESS_POINTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(completenessScore(['description', 'licence', 'frequency'])).toBe(45);
    expect(completenessScore([])).toBe(0);
  });

  it('the weights add up to 100', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('is the weighted sum of the components, computed by hand', () => {
    // openness 60 × 30 % = 18; metadata 50 × 25 % = 12.5; freshness 80 × 25 % = 20; inventory 25 × 20 % = 5 → 55.5
    const score = compositeScore(10, { openness: 60, metadata: 50, freshness: 80, inventory: 25 });
    expect(score.value).toBe(55.5);
    expect(score.breakdown).toEqual([
      { component: 'openness', weight: 30, value: 60, points: 18 },
      { component: 'metadata', weight: 25, value: 50, points: 12.5 },
      { component: 'freshness', weight: 25, value: 80, points: 20 },
      { component: 'inventory', weight: 20, value: 25, points: 5 },
    ]);
  });

  it('a component that cannot be computed counts 0; no dataset means no score', () => {
    expect(compositeScore(3, { openness: 100, metadata: 100, freshness: null, inventory: null }).value).toBe(55);
    expect(compositeScore(0, { openness: null, metadata: null, freshness: null, inventory: 50 }).value).toBeNull();
  });
});
