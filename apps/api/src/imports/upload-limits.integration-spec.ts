import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { hugeSharedString, manyRows, sheetXml, workbookParts, zipOf } from './testing/hostile-files';

/** Times /api/health every 50 ms until `until` settles; returns the slowest answer in ms. */
async function slowestHealthWhile(t: TestApp, until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.finally(() => (done = true));
  let slowest = 0;
  while (!done) {
    const started = Date.now();
    await t.http.get('/api/health').expect(200);
    slowest = Math.max(slowest, Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return slowest;
}

describe('Uploads are bounded before they are parsed (issue #9, finding 1)', () => {
  let t: TestApp;
  let officer: Client;
  let bomb: Buffer;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'OFFICER', institution: 'MEF' });
    // 400 MB of one shared string, packed into a few hundred kB: the file the security test sent.
    bomb = await zipOf(workbookParts(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), hugeSharedString(400)));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the 400 MB-cell bomb on the officers preview with 413 naming the limit in Arabic, and /api/health keeps answering within 1 s', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const answer = officer
      .post('/api/v1/officers/import/preview')
      .set('Accept-Language', 'ar')
      .attach('file', bomb, 'bomb.xlsx');
    const pending = answer.then((response) => response);
    const slowest = await slowestHealthWhile(t, pending);
    const response = await pending;
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('FILE_LIMIT_EXCEEDED');
    expect(response.body.fields).toEqual([expect.objectContaining({ field: 'file', rule: 'maxUnpackedSize' })]);
    expect(response.body.message).toContain('40 ميغابايت');
    expect(slowest).toBeLessThan(1000);
  });

  it('refuses the same file on the commit and on the inventory and administrations imports, in French', async () => {
    const coordinator = await t.as('COORDINATOR');
    for (const [client, path] of [
      [officer, '/api/v1/officers/import'],
      [officer, '/api/v1/institutions/MEF/inventory/import/preview'],
      [coordinator, '/api/v1/institutions/import/preview'],
    ] as const) {
      const response = await client.post(path).set('Accept-Language', 'fr').attach('file', bomb, 'bomb.xlsx');
      expect([path, response.status, response.body.fields?.[0]?.rule]).toEqual([path, 413, 'maxUnpackedSize']);
      expect(response.body.message).toContain('se décompresse en plus de 40 Mo');
    }
  });

  it('refuses 500,000 rows quickly, while other requests are served', async () => {
    const rows = await zipOf(workbookParts(manyRows(500_000)));
    const pending = officer
      .post('/api/v1/officers/import/preview')
      .set('Accept-Language', 'en')
      .attach('file', rows, 'rows.xlsx')
      .then((r) => r);
    const slowest = await slowestHealthWhile(t, pending);
    const response = await pending;
    expect([response.status, response.body.fields[0].rule]).toEqual([413, 'maxRows']);
    expect(response.body.message).toContain('more than 20000 rows');
    expect(slowest).toBeLessThan(1000);
  });

  it('refuses an over-long CSV line, and a file over 10 MB before reading it', async () => {
    const longLine = Buffer.from(`institution_code\n${'x'.repeat(300 * 1024)}\n`);
    const response = await officer.post('/api/v1/officers/import/preview').attach('file', longLine, 'long.csv');
    expect([response.status, response.body.fields[0].rule]).toEqual([413, 'maxLineLength']);
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    const tooBig = await officer.post('/api/v1/officers/import/preview').attach('file', huge, 'huge.csv');
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});
