import { FIGURES, NATIONAL } from '../testing/fixtures';
import {
  completenessRows,
  distributionChart,
  freshnessRows,
  historyChart,
  inventoryFunnel,
  ordinal,
  portalHost,
  rankingQueryFrom,
  rankLabel,
  starsRows,
} from './metrics-math';

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}:${JSON.stringify(params)}` : key);

describe('rank labels', () => {
  it('marks a shared rank with "="', () => {
    expect(rankLabel(2, true, 'fr')).toBe('2=');
    expect(rankLabel(2, false, 'ar')).toBe('2');
    expect(rankLabel(1234, false, 'fr')).toBe('1.234');
  });

  it('writes ordinals per language', () => {
    expect([1, 2, 3, 4, 11, 21, 112].map((n) => ordinal(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '21st',
      '112th',
    ]);
    expect([1, 2].map((n) => ordinal(n, 'fr'))).toEqual(['1er', '2e']);
    expect(ordinal(2, 'ar')).toBe('2');
  });
});

describe('rankingQueryFrom', () => {
  it('keeps valid filters and the page, drops what the API would refuse', () => {
    expect(rankingQueryFrom({ type: 'region', region: '03', page: '2' })).toEqual({
      type: 'region',
      region: '03',
      page: 2,
      pageSize: 25,
    });
    expect(rankingQueryFrom({ type: 'planet', region: '<script>', page: '-4' })).toEqual({ page: 1, pageSize: 25 });
  });
});

describe('figures to chart data', () => {
  it('labels score buckets and counts administrations', () => {
    const c = distributionChart(NATIONAL.distribution, 'fr', t);
    expect(c.labels[0]).toBe('\u200e0–10');
    expect(c.labels[9]).toBe('\u200e90–100');
    expect(c.series[0].data[3]).toBe(2);
  });

  it('lists stars 0 to 5 with their share of datasets', () => {
    const rows = starsRows(FIGURES);
    expect(rows.map((r) => r.datasets)).toEqual([100, 10, 20, 60, 0, 10]);
    expect(rows[3].share).toBe(30);
  });

  it('lists every completeness criterion with its points', () => {
    const rows = completenessRows(FIGURES);
    expect(rows.map((r) => r.criterion)).toEqual([
      'description',
      'tags',
      'theme',
      'licence',
      'frequency',
      'temporal',
      'spatial',
      'contact',
      'dates',
    ]);
    expect(rows[0]).toMatchObject({ points: 15, share: 80, key: 'metrics.criteria.description' });
    expect(rows.reduce((s, r) => s + r.points, 0)).toBe(100);
  });

  it('counts datasets per freshness status', () => {
    const rows = freshnessRows(FIGURES);
    expect(rows.map((r) => [r.status, r.datasets])).toEqual([
      ['fresh', 40],
      ['due', 10],
      ['overdue', 5],
      ['delinquent', 45],
      ['not_applicable', 20],
      ['unknown', 80],
    ]);
  });

  it('draws the inventory funnel as shares of the inventoried items', () => {
    expect(inventoryFunnel(FIGURES.inventory).map((s) => [s.count, s.share])).toEqual([
      [20, 100],
      [10, 50],
      [4, 20],
    ]);
    expect(
      inventoryFunnel({ ...FIGURES.inventory, inventoried: 0, published: 0, fresh: 0 }).map((s) => s.share),
    ).toEqual([0, 0, 0]);
  });

  it('puts datasets on a second axis beside score and shares', () => {
    const c = historyChart(NATIONAL.history, 'fr', t, ['score', 'datasets']);
    expect(c.labels).toEqual(['26/11/2026', '27/11/2026']);
    expect(c.series.map((s) => [s.label, s.axis ?? 'primary'])).toEqual([
      ['metrics.score', 'primary'],
      ['metrics.datasets', 'secondary'],
    ]);
    expect(historyChart(NATIONAL.history, 'fr', t, ['datasets']).series[0].axis).toBeUndefined();
  });
});

describe('portalHost', () => {
  it('names the portal, or nothing for the demo catalogue', () => {
    expect(portalHost('https://data.gov.ma/data')).toBe('data.gov.ma');
    expect(portalHost('demo')).toBeNull();
    expect(portalHost(null)).toBeNull();
  });
});
