import {
  OPEN_DATA_MEDIA_TYPES,
  OPEN_DATASET_IDS,
  type OpenDataCatalogue,
  type OpenDataFormat,
  type OpenDataTable,
} from '@marsad/contracts';
import ExcelJS from 'exceljs';
import { harvestDemoPortalOnce } from '../bootstrap';
import { readRawTable, stopTableReader } from '../imports/table-reader';
import { EMAIL, PHONE } from '../testing/personal-data';
import { startTestApp, type TestApp } from '../testing/test-app';
import { mediaTypeOf } from './dcat';

type Node = Record<string, unknown> & { '@id'?: string; '@type'?: string };
type Literal = { '@value': string; '@language'?: string; '@type'?: string };

const PUBLIC_URL = 'https://marsad.example.ma';
const EU = 'http://publications.europa.eu/resource/authority';

/** Any body as bytes (supertest parses JSON and text on its own otherwise). */
const bytes: Parameters<ReturnType<TestApp['http']['get']>['parse']>[0] = (res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Every cell of the first sheet of an XLSX file, as text. */
async function xlsxCells(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

const languages = (literals: Literal[]) => literals.map((l) => l['@language']).sort();

describe('Open data: the DCAT-AP catalogue and its downloads (real database, demo data)', () => {
  let t: TestApp;
  let catalog: Node;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, env: { PUBLIC_URL } });
    await harvestDemoPortalOnce(t.app);
    catalog = (await t.http.get('/api/v1/catalog').expect(200)).body;
  });
  afterAll(async () => {
    await stopTableReader();
    await t?.close();
  });

  const datasets = () => catalog['dcat:dataset'] as Node[];

  it('is a dcat:Catalog in JSON-LD, published by ADD under the portal’s licence', async () => {
    const res = await t.http.get('/api/v1/catalog').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(catalog['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/' });
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['@id']).toBe(`${PUBLIC_URL}/api/v1/catalog`);
    expect(languages(catalog['dct:title'] as Literal[])).toEqual(['ar', 'en', 'fr']);
    const publisher = catalog['dct:publisher'] as Node;
    expect(publisher['@type']).toBe('foaf:Agent');
    expect(publisher['foaf:name']).toEqual(
      expect.arrayContaining([{ '@value': 'Agence de Développement du Digital', '@language': 'fr' }]),
    );
    expect((catalog['dct:license'] as Node)['@id']).toBe('http://www.opendefinition.org/licenses/cc-by');
    expect(datasets().map((d) => d['dct:identifier'])).toEqual([...OPEN_DATASET_IDS]);
  });

  it('describes each dataset in ar, fr and en, with its real last change, an EU frequency and one distribution per format', async () => {
    const newest = await t.dataSource.query(`SELECT max(updated_at) AS m FROM activities`);
    for (const dataset of datasets()) {
      const id = dataset['dct:identifier'];
      expect([id, dataset['@type']]).toEqual([id, 'dcat:Dataset']);
      expect([id, languages(dataset['dct:title'] as Literal[])]).toEqual([id, ['ar', 'en', 'fr']]);
      expect([id, languages(dataset['dct:description'] as Literal[])]).toEqual([id, ['ar', 'en', 'fr']]);
      for (const literal of [...(dataset['dct:title'] as Literal[]), ...(dataset['dct:description'] as Literal[])])
        expect([id, literal['@value'].trim().length > 10]).toEqual([id, true]);
      expect((dataset['dct:publisher'] as Node)['@id']).toBe((catalog['dct:publisher'] as Node)['@id']);
      expect((dataset['dct:license'] as Node)['@id']).toBe('http://www.opendefinition.org/licenses/cc-by');
      expect((dataset['dct:accrualPeriodicity'] as Node)['@id']).toMatch(new RegExp(`^${EU}/frequency/[A-Z_0-9]+$`));
      const modified = dataset['dct:modified'] as Literal;
      expect([id, modified?.['@type']]).toEqual([id, 'xsd:dateTime']);
      expect(Number.isNaN(Date.parse(modified['@value']))).toBe(false);
      const distributions = dataset['dcat:distribution'] as Node[];
      expect(distributions.map((d) => mediaTypeOf((d['dcat:mediaType'] as Node)['@id'] as string)).sort()).toEqual(
        Object.values(OPEN_DATA_MEDIA_TYPES).sort(),
      );
      for (const d of distributions) {
        expect(d['@type']).toBe('dcat:Distribution');
        expect((d['dcat:downloadURL'] as Node)['@id']).toMatch(new RegExp(`^${PUBLIC_URL}/api/v1/open-data/${id}/`));
      }
    }
    // The plan's datasets changed last when an activity, measure or plan did.
    const plan = datasets().find((d) => d['dct:identifier'] === 'plan-activities') as Node;
    expect(Date.parse((plan['dct:modified'] as Literal)['@value'])).toBeGreaterThanOrEqual(
      new Date(newest[0].m).getTime() - 1,
    );
  });

  it('answers every downloadURL with its media type, readable, with rows, provenance and no e-mail or phone', async () => {
    const leaks: string[] = [];
    const checked: string[] = [];
    for (const dataset of datasets()) {
      const id = dataset['dct:identifier'] as string;
      for (const distribution of dataset['dcat:distribution'] as Node[]) {
        const url = new URL((distribution['dcat:downloadURL'] as Node)['@id'] as string);
        const mediaType = mediaTypeOf((distribution['dcat:mediaType'] as Node)['@id'] as string);
        const res = await t.http
          .get(url.pathname + url.search)
          .buffer(true)
          .parse(bytes);
        expect([url.href, res.status]).toEqual([url.href, 200]);
        expect([url.href, String(res.headers['content-type']).split(';')[0]]).toEqual([url.href, mediaType]);
        const body = res.body as Buffer;
        const format = url.searchParams.get('format') as OpenDataFormat;
        let header: string[];
        let rows: string[][];
        let text: string;
        if (format === 'csv') {
          expect([url.href, body.subarray(0, 3).toString('hex')]).toEqual([url.href, 'efbbbf']);
          const raw = await readRawTable(body);
          header = raw[0].cells;
          rows = raw.slice(1).map((r) => r.cells);
          text = body.toString('utf8');
        } else if (format === 'json') {
          const table = JSON.parse(body.toString('utf8')) as OpenDataTable;
          expect(table.dataset).toBe(id);
          header = table.columns.map((c) => c.key);
          rows = table.rows.map((r) => header.map((k) => String(r[k] ?? '')));
          text = body.toString('utf8');
        } else {
          const cells = await xlsxCells(body);
          header = cells[0];
          rows = cells.slice(1);
          text = cells.flat().join('\n');
        }
        // Every figure says where it comes from and as of when; the demo has data in every dataset.
        expect([
          url.href,
          header.some((h) => /\bsource\)?$/.test(h)),
          header.some((h) => /\bas_of\)?$/.test(h)),
        ]).toEqual([url.href, true, true]);
        expect([url.href, rows.length > 0]).toEqual([url.href, true]);
        const email = EMAIL.exec(text);
        const phone = PHONE.exec(text);
        if (email) leaks.push(`${url.href}: e-mail ${email[0]}`);
        if (phone) leaks.push(`${url.href}: phone ${phone[0]}`);
        checked.push(url.href);
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toHaveLength(OPEN_DATASET_IDS.length * 3);
  });

  const json = async (id: string): Promise<OpenDataTable> =>
    JSON.parse(
      (
        (await t.http.get(`/api/v1/open-data/${id}/download?format=json`).buffer(true).parse(bytes).expect(200))
          .body as Buffer
      ).toString('utf8'),
    );

  it('publishes committee decisions and action items from approved minutes only', async () => {
    const refs = async (approved: boolean) =>
      (
        await t.dataSource.query(
          `SELECT 'R' || m.number || '-D' || d.number AS ref FROM committee_decisions d
             JOIN committee_meetings m ON m.id = d.meeting_id
            WHERE (m.minutes_state = 'approved') = $1`,
          [approved],
        )
      ).map((r: { ref: string }) => r.ref);
    const [approved, draft] = [await refs(true), await refs(false)];
    expect(approved.length).toBeGreaterThan(0);
    expect(draft.length).toBeGreaterThan(0);
    const decisions = (await json('committee-decisions')).rows.map((r) => r['reference']);
    expect(decisions.sort()).toEqual([...approved].sort());
    const items = (await json('committee-action-items')).rows.map((r) => String(r['reference']));
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((ref) => draft.some((d: string) => ref.startsWith(`${d}-`)))).toEqual([]);
    expect(items.every((ref) => approved.some((d: string) => ref.startsWith(`${d}-`)))).toBe(true);
  });

  it('counts officers without naming them, and lists published reuses only', async () => {
    const coverage = await json('officer-coverage');
    expect(coverage.rows[0]).toMatchObject({ group: 'all', source: 'recorded' });
    expect(Object.keys(coverage.rows[0])).not.toContain('name');
    const published: { id: string }[] = await t.dataSource.query(`SELECT id FROM reuses WHERE status = 'published'`);
    const others: { id: string }[] = await t.dataSource.query(`SELECT id FROM reuses WHERE status <> 'published'`);
    const reuses = (await json('reuses')).rows.map((r) => r['id']);
    expect(reuses.sort()).toEqual(published.map((r) => r.id).sort());
    expect(reuses.filter((id) => others.some((o) => o.id === id))).toEqual([]);
  });

  it('carries validated figures with their source, and only validated reports in the history', async () => {
    const activities = await json('plan-activities');
    for (const row of activities.rows) expect(['validated', 'reference', 'demo']).toContain(row['source']);
    const validated: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM progress_updates WHERE state = 'validated'`,
    );
    expect((await json('plan-progress-history')).rows).toHaveLength(validated[0].n);
  });

  it('neutralises spreadsheet formulas in the CSV, and keeps the text as it is in JSON', async () => {
    const [reuse] = await t.dataSource.query(`SELECT id, title FROM reuses WHERE status = 'published' LIMIT 1`);
    await t.dataSource.query(`UPDATE reuses SET title = $2 WHERE id = $1`, [
      reuse.id,
      JSON.stringify({ ...reuse.title, fr: '=HYPERLINK("http://evil.test","x")' }),
    ]);
    const csv = (
      (await t.http.get('/api/v1/open-data/reuses/download?format=csv').buffer(true).parse(bytes)).body as Buffer
    ).toString('utf8');
    expect(csv).toContain(`'=HYPERLINK(`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const row = (await json('reuses')).rows.find((r) => r['id'] === reuse.id);
    expect(row?.['title_fr']).toBe('=HYPERLINK("http://evil.test","x")');
    await t.dataSource.query(`UPDATE reuses SET title = $2 WHERE id = $1`, [reuse.id, JSON.stringify(reuse.title)]);
  });

  it('lists the datasets for the web app with absolute and relative downloads, and refuses an unknown one', async () => {
    const list: OpenDataCatalogue = (await t.http.get('/api/v1/open-data').expect(200)).body;
    expect(list.catalogUrl).toBe(`${PUBLIC_URL}/api/v1/catalog`);
    expect(list.licence.id).toBe('cc-by');
    expect(list.datasets.map((d) => d.id)).toEqual([...OPEN_DATASET_IDS]);
    const first = list.datasets[0];
    expect(first.distributions.map((d) => d.format)).toEqual(['csv', 'json', 'xlsx']);
    expect(first.distributions[0].path).toBe(`/api/v1/open-data/${first.id}/download?format=csv`);
    expect(first.distributions[0].url).toBe(`${PUBLIC_URL}${first.distributions[0].path}`);
    expect((await t.http.get(`/api/v1/open-data/${first.id}`).expect(200)).body.id).toBe(first.id);
    await t.http.get('/api/v1/open-data/nothing-here').expect(404);
    await t.http.get('/api/v1/open-data/nothing-here/download?format=csv').expect(404);
    await t.http.get(`/api/v1/open-data/${first.id}/download?format=pdf`).expect(400);
  });

  it('never takes its addresses from the request’s Host or X-Forwarded-Host', async () => {
    const res = await t.http
      .get('/api/v1/catalog')
      .set('Host', 'evil.test')
      .set('X-Forwarded-Host', 'evil.test')
      .set('X-Forwarded-Proto', 'http')
      .expect(200);
    expect(JSON.stringify(res.body)).not.toContain('evil.test');
  });

  it('answers an unchanged catalogue with 304 to its ETag', async () => {
    const first = await t.http.get('/api/v1/catalog').expect(200);
    const etag = first.headers['etag'];
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    await t.http.get('/api/v1/catalog').set('If-None-Match', etag).expect(304);
  });

  describe('the public read API', () => {
    const ORIGIN = 'https://reuser.example.org';

    it('lets any site read public GETs (CORS *, never with credentials), and no other route', async () => {
      const open = await t.http.get('/api/v1/catalog').set('Origin', ORIGIN).expect(200);
      expect(open.headers['access-control-allow-origin']).toBe('*');
      expect(open.headers['access-control-allow-credentials']).toBeUndefined();
      expect(open.headers['access-control-expose-headers']).toContain('RateLimit-Remaining');
      const download = await t.http
        .get('/api/v1/open-data/events/download?format=csv')
        .set('Origin', ORIGIN)
        .expect(200);
      expect(download.headers['access-control-allow-origin']).toBe('*');

      const closed = await t.http.get('/api/v1/users').set('Origin', ORIGIN).expect(401);
      expect(closed.headers['access-control-allow-origin']).toBeUndefined();
      const admin = await t.as('ADMIN');
      const signedIn = await admin.get('/api/v1/users').set('Origin', ORIGIN).expect(200);
      expect(signedIn.headers['access-control-allow-origin']).toBeUndefined();
      // A public route read with the session cookie stays the browser's own.
      const withCookie = await admin.get('/api/v1/catalog').set('Origin', ORIGIN).expect(200);
      expect(withCookie.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers the preflight of a public GET, and only of a GET', async () => {
      const ok = await t.http
        .options('/api/v1/open-data')
        .set('Origin', ORIGIN)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'if-none-match')
        .expect(204);
      expect(ok.headers['access-control-allow-origin']).toBe('*');
      expect(ok.headers['access-control-allow-methods']).toContain('GET');
      expect(ok.headers['access-control-allow-headers']).toContain('If-None-Match');
      expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
      for (const [path, method] of [
        ['/api/v1/users', 'GET'],
        ['/api/v1/open-data', 'POST'],
        ['/api/v1/reuses', 'POST'],
      ]) {
        const refused = await t.http.options(path).set('Origin', ORIGIN).set('Access-Control-Request-Method', method);
        expect([path, method, refused.headers['access-control-allow-origin']]).toEqual([path, method, undefined]);
      }
    });

    it('announces the per-IP limit of anonymous reads in RateLimit-* headers, and not to a signed-in reader', async () => {
      const res = await t.http.get('/api/v1/open-data').expect(200);
      expect(res.headers['ratelimit-limit']).toBe('100000');
      expect(Number(res.headers['ratelimit-remaining'])).toBeLessThan(100000);
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(res.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
      expect(res.headers['ratelimit-policy']).toBe('100000;w=60');
      // One counter for the whole API, not one per route.
      const next = await t.http.get('/api/v1/catalog').expect(200);
      expect(Number(next.headers['ratelimit-remaining'])).toBe(Number(res.headers['ratelimit-remaining']) - 1);
      const coordinator = await t.as('COORDINATOR');
      const signedIn = await coordinator.get('/api/v1/open-data').expect(200);
      expect(signedIn.headers['ratelimit-limit']).toBeUndefined();
    });
  });
});

describe('Open data: anonymous reads past PUBLIC_READ_RATE_LIMIT (real database)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_READ_RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After past the limit, readable cross-site, while health checks and signed-in readers go on', async () => {
    for (let i = 3; i > 0; i -= 1) {
      const res = await t.http.get('/api/v1/open-data').expect(200);
      expect(res.headers['ratelimit-remaining']).toBe(String(i - 1));
    }
    const refused = await t.http.get('/api/v1/catalog').set('Origin', 'https://reuser.example.org').expect(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    // An invented session cookie is no way around it.
    await t.http.get('/api/v1/open-data').set('Cookie', 'marsad_session=made-up').expect(429);
    for (let i = 0; i < 5; i += 1) await t.http.get('/api/health').expect(200);
    const coordinator = await t.as('COORDINATOR');
    for (let i = 0; i < 5; i += 1) await coordinator.get('/api/v1/open-data').expect(200);
  });
});
