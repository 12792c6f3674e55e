import {
  freshnessStatus,
  type InstitutionMetrics,
  type NationalMetrics,
  type Page,
  type PortalDatasetView,
  type RankingEntry,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app';
import { MetricsService } from './metrics.service';

const DAY = 86_400_000;

/**
 * A small portal whose figures were computed by hand (see the comments): the
 * SQL aggregation, the freshness rules in SQL, the inventory funnel and the
 * composite score must all give these numbers.
 */
describe('Publication metrics on a hand-computed fixture', () => {
  let t: TestApp;
  let db: DataSource;
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY - 3_600_000).toISOString();
  const dateAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString().slice(0, 10);
  const dateAhead = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

  const ALL = ['description', 'tags', 'theme', 'licence', 'frequency', 'temporal', 'spatial', 'contact', 'dates'];
  // [suffix, stars, completeness, filled, frequency, age in days, formats, machine readable, open licence, resources, created days ago]
  const DATASETS: [
    string,
    number,
    number,
    string[],
    string | null,
    number,
    string[],
    boolean,
    boolean,
    number,
    number,
  ][] = [
    ['1', 3, 100, ALL, 'monthly', 10, ['CSV', 'PDF'], true, true, 2, 5], // fresh
    ['2', 1, 55, ['description', 'tags', 'licence', 'frequency'], 'monthly', 50, ['PDF'], false, true, 1, 400], // overdue (45 ≤ 50 < 60)
    ['3', 0, 15, ['frequency'], 'annual', 370, ['XLS'], false, false, 1, 500], // due (365 ≤ 370 < 425)
    [
      '4',
      5,
      60,
      ['description', 'licence', 'frequency', 'temporal', 'dates'],
      'irregular',
      900,
      ['RDF', 'CSV'],
      true,
      true,
      3,
      20,
    ], // not applicable
    ['5', 2, 0, [], null, 5, ['XLSX'], false, true, 1, 100], // unknown
  ];

  async function insertDataset(id: string, org: string, d: (typeof DATASETS)[number], deleted = false) {
    const [, stars, completeness, filled, frequency, age, formats, mr, open, resources, created] = d;
    await db.query(
      `INSERT INTO portal_datasets (ckan_id, name, title, organization_name, metadata_created, metadata_modified, last_updated_at, license_id, open_licence,
         frequency, formats, resource_count, stars, machine_readable, completeness, completeness_filled, deleted_at)
       VALUES ($1::text, $1::text, $1::text, $2, $3, $4::timestamptz, $4::timestamptz, 'cc-by', $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        id,
        org,
        ago(created),
        ago(age),
        open,
        frequency,
        formats,
        resources,
        stars,
        mr,
        completeness,
        filled,
        deleted ? now.toISOString() : null,
      ],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    await db.query(`UPDATE institutions SET portal_org_name = 'org-h' WHERE code = 'HCP'`);
    await db.query(`UPDATE institutions SET portal_org_name = 'org-m' WHERE code = 'MEF'`);
    await db.query(`UPDATE institutions SET portal_org_name = 'org-a' WHERE code = 'ADD'`);
    for (const d of DATASETS) {
      await insertDataset(`h${d[0]}`, 'org-h', d);
      await insertDataset(`m${d[0]}`, 'org-m', d);
      await insertDataset(`a${d[0]}`, 'org-a', d);
    }
    await insertDataset('h-gone', 'org-h', DATASETS[0], true); // deleted: ignored
    await insertDataset('x7', 'org-unmapped', [
      '7',
      3,
      50,
      ['description', 'licence', 'contact', 'dates'],
      null,
      3,
      ['CSV'],
      true,
      true,
      1,
      1000,
    ]);
    const [hcp] = await db.query(`SELECT id FROM institutions WHERE code = 'HCP'`);
    const item = (
      reference: string,
      classification: string,
      status: string,
      match: string | null,
      planned: string | null,
    ) =>
      db.query(
        `INSERT INTO inventory_items (institution_id, reference, title, classification, legal_basis, status, match_state, match_ckan_id, planned_date)
         VALUES ($1, $2, '{"ar":"ب","fr":"b"}', $3, $4, $5, $6, $7, $8)`,
        [
          hcp.id,
          reference,
          classification,
          classification === 'open' ? null : 'Loi 09-08',
          status,
          match ? 'confirmed' : 'none',
          match,
          planned,
        ],
      );
    await item('I1', 'open', 'published', 'h1', dateAhead(30)); // published, fresh; planned date not reached
    await item('I2', 'open', 'published', 'h2', dateAgo(450)); // published late (created 400 days ago), overdue
    await item('I3', 'open', 'identified', null, dateAgo(60)); // due, not published
    await item('I4', 'restricted', 'identified', null, null); // not open: not counted
    await item('I5', 'open', 'withheld', null, null); // withheld: not counted
    await item('I6', 'open', 'published', 'h3', dateAgo(100)); // published on time (created 500 days ago), due counts as up to date
    await t.app.get(MetricsService).recomputeNow();
  });

  afterAll(() => t?.close());

  it("an administration's figures, counted by hand", async () => {
    const hcp = (await t.http.get('/api/v1/institutions/HCP/metrics').expect(200)).body as InstitutionMetrics;
    const f = hcp.figures as NonNullable<InstitutionMetrics['figures']>;
    expect(f).toMatchObject({ datasets: 5, newDatasets: 2, resources: 8 });
    // Computed from the harvest, and said so, with the time of the snapshot.
    expect(hcp.provenance).toEqual(expect.objectContaining({ source: 'automated', asOf: expect.any(String) }));
    // Three administrations are scored; the median is the middle one's score.
    const scores = (await t.http.get('/api/v1/metrics/rankings').expect(200)).body.items.map(
      (r: { score: number }) => r.score,
    );
    expect(hcp.benchmark?.nationalMedian).toBe([...scores].sort((a: number, b: number) => a - b)[1]);
    // stars 3 + 1 + 0 + 5 + 2 = 11 → 2.2; machine-readable 2 of 5; open licence 4 of 5
    expect(f.openness).toEqual({
      meanStars: 2.2,
      stars: { 0: 1, 1: 1, 2: 1, 3: 1, 4: 0, 5: 1 },
      machineReadableShare: 40,
      openLicenceShare: 80,
    });
    // completeness 100 + 55 + 15 + 60 + 0 = 230 → 46
    expect(f.completeness.mean).toBe(46);
    expect(f.completeness.byCriterion).toEqual({
      description: 60,
      tags: 40,
      theme: 20,
      licence: 60,
      frequency: 80,
      temporal: 40,
      spatial: 20,
      contact: 20,
      dates: 40,
    });
    // fresh, overdue, due; irregular not applicable; no frequency unknown → up to date 2 of 3
    expect(f.freshness).toEqual({
      fresh: 1,
      due: 1,
      overdue: 1,
      delinquent: 0,
      not_applicable: 1,
      unknown: 1,
      upToDateShare: 66.7,
    });
    expect(f.formats).toEqual([
      { format: 'CSV', datasets: 2 },
      { format: 'PDF', datasets: 2 },
      { format: 'RDF', datasets: 1 },
      { format: 'XLS', datasets: 1 },
      { format: 'XLSX', datasets: 1 },
    ]);
    // open items I1 I2 I3 I6; published I1 I2 I6; fresh or due I1 I6; past their date I2 I3 I6, on time I6
    expect(f.inventory).toEqual({
      inventoried: 4,
      published: 3,
      fresh: 2,
      coverage: 75,
      due: 3,
      onTime: 1,
      scheduleKeeping: 33.3,
    });
    // 44 × 30 % + 46 × 25 % + 66.67 × 25 % + 75 × 20 % = 13.2 + 11.5 + 16.67 + 15 = 56.37
    expect(f.score).toEqual({
      value: 56.4,
      breakdown: [
        { component: 'openness', weight: 30, value: 44, points: 13.2 },
        { component: 'metadata', weight: 25, value: 46, points: 11.5 },
        { component: 'freshness', weight: 25, value: 66.7, points: 16.7 },
        { component: 'inventory', weight: 20, value: 75, points: 15 },
      ],
    });
    expect(hcp.rank).toEqual({ rank: 1, tied: false, of: 3 });
    expect(hcp.history).toHaveLength(1);
    // Overdue list: the overdue dataset only (delinquent first, then overdue).
    expect(hcp.overdue.map((d) => d.ckanId)).toEqual(['h2']);
  });

  it('ties share a rank (competition ranking), and the export says so', async () => {
    const ranking = (await t.http.get('/api/v1/metrics/rankings').expect(200)).body as Page<RankingEntry>;
    // MEF and ADD: the same datasets, no inventory: 13.2 + 11.5 + 16.67 + 0 = 41.4
    expect(ranking.items.map((r) => [r.institution.code, r.rank, r.tied, r.score])).toEqual([
      ['HCP', 1, false, 56.4],
      ['ADD', 2, true, 41.4],
      ['MEF', 2, true, 41.4],
    ]);
    const csv = await t.http.get('/api/v1/metrics/rankings/export?format=csv').expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^"?2="?,/);
    const ministries = (await t.http.get('/api/v1/metrics/rankings?type=ministry').expect(200))
      .body as Page<RankingEntry>;
    // The HCP is not a ministry in the reference list (type `other`).
    expect(ministries.items.map((r) => r.institution.code)).toEqual(['MEF']);
  });

  it('national figures include unmapped organisations and leave deleted datasets out', async () => {
    const national = (await t.http.get('/api/v1/metrics/national').expect(200)).body as NationalMetrics;
    expect(national.figures?.datasets).toBe(16);
    expect(national.provenance.source).toBe('automated');
    expect(national.institutionsScored).toBe(3);
    expect(national.top.map((r) => r.institution.code)).toEqual(['HCP', 'ADD', 'MEF']);
    expect(national.distribution.find((b) => b.from === 50)?.institutions).toBe(1);
    expect(national.distribution.find((b) => b.from === 40)?.institutions).toBe(2);
    expect(national.byType.find((g) => g.key === 'ministry')).toMatchObject({
      institutions: 1,
      scored: 1,
      meanScore: 41.4,
    });
    expect(national.byType.find((g) => g.key === 'other')).toMatchObject({
      institutions: 1,
      scored: 1,
      meanScore: 56.4,
    });
  });

  it('freshness computed in SQL agrees with the rules in @marsad/contracts for every dataset', async () => {
    const page = (await t.http.get('/api/v1/portal/datasets?organization=org-h&pageSize=100').expect(200))
      .body as Page<PortalDatasetView>;
    expect(page.total).toBe(5);
    for (const dataset of page.items) {
      const expected = freshnessStatus(
        dataset.frequency,
        dataset.lastUpdatedAt ? new Date(dataset.lastUpdatedAt) : null,
        new Date(),
      );
      expect([dataset.ckanId, dataset.freshness]).toEqual([dataset.ckanId, expected]);
    }
    const overdue = (await t.http.get('/api/v1/portal/datasets?freshness=overdue&institution=HCP').expect(200))
      .body as Page<PortalDatasetView>;
    expect(overdue.items.map((d) => d.ckanId)).toEqual(['h2']);
  });

  it('recomputing the same day replaces its snapshot rather than adding one, even several at once', async () => {
    await t.app.get(MetricsService).recomputeNow();
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM metric_snapshots WHERE institution_id IS NULL`);
    expect(n).toBe(1);
    // Concurrent recomputes (a coordinator's and a harvest's) take turns: none fails on the day's key
    // (on PostgreSQL they once did, answering 500: found by `npm run fuzz`).
    await Promise.all(Array.from({ length: 5 }, () => t.app.get(MetricsService).recomputeNow()));
    const [{ n: after }] = await db.query(
      `SELECT count(*)::int AS n FROM metric_snapshots WHERE institution_id IS NULL`,
    );
    expect(after).toBe(1);
  });

  it('an administration without a portal organisation has no figures yet, and says so', async () => {
    const metrics = (await t.http.get('/api/v1/institutions/04/metrics').expect(200)).body as InstitutionMetrics;
    expect(metrics).toMatchObject({ figures: null, rank: null, asOf: null, portalOrgName: null, overdue: [] });
    await t.http.get('/api/v1/institutions/NOPE/metrics').expect(404);
  });
});
