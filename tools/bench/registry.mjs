// npm run bench:registry — the registry at the size the issue sets: 2,000 administrations and
// 5,000 officers, on the local PostgreSQL server (a fresh database, dropped afterwards).
// Targets: search and list at p95 ≤ 50 ms with 20 concurrent clients; 5,000 officers imported in ≤ 10 s.
import ExcelJS from 'exceljs';
import pg from 'pg';
import { ensureBuilt, freshDatabase, load, signIn, startServer } from './lib.mjs';

const PORT = 3196;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 20;

ensureBuilt();
const db = await freshDatabase('marsad_bench_registry');
let server;
try {
  server = await startServer({ port: PORT, databaseUrl: db.url });

  // 1,605 administrations come from the reference seed; 395 more public bodies make 2,000.
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(`INSERT INTO institutions (code, name, type, acronym, search_text)
    SELECT 'EP' || lpad(n::text, 4, '0'),
           jsonb_build_object('fr', 'Établissement public n° ' || n, 'ar', 'مؤسسة عمومية رقم ' || n, 'en', 'Public body ' || n),
           'public_institution', 'EP' || n, 'etablissement public n ' || n || ' مؤسسة عمومية رقم ' || n || ' ep' || n
    FROM generate_series(1, 395) AS n`);
  const { rows: codes } = await client.query(`SELECT code FROM institutions ORDER BY code`);
  // A coordinator to import as (password set directly: this is a throw-away database).
  const argon2 = (await import('argon2')).default;
  const hash = await argon2.hash('Bench-coordinator-2026', {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  await client.query(
    `INSERT INTO users (email, display_name, role, password_hash) VALUES ('bench@add.gov.ma', 'Bench', 'COORDINATOR', $1)`,
    [hash],
  );
  await client.end();
  console.log(`administrations: ${codes.length}`);

  // 5,000 officers: a ROD and a GdD for each of the 2,000, and a second GdD for 1,000 of them.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('officers');
  sheet.addRow([
    'institution_code',
    'role',
    'status',
    'full_name_fr',
    'full_name_ar',
    'email',
    'phone',
    'position',
    'appointed_on',
    'public_consent',
  ]);
  const rows = [];
  codes.forEach(({ code }, i) => {
    rows.push([
      code,
      'ROD',
      'active',
      `Responsable ${i}`,
      `مسؤول ${i}`,
      `rod${i}@bench.ma`,
      '+212 537 00 00 00',
      'Chef de division',
      '2025-06-01',
      i % 2 ? 'oui' : 'non',
    ]);
    rows.push([
      code,
      'GDD',
      'active',
      `Gestionnaire ${i}`,
      `مدبر ${i}`,
      `gdd${i}@bench.ma`,
      '',
      'Ingénieur',
      '2025-07-01',
      'non',
    ]);
    if (i < 1000)
      rows.push([
        code,
        'GDD',
        'interim',
        `Adjoint ${i}`,
        `نائب ${i}`,
        `gdd2-${i}@bench.ma`,
        '',
        '',
        '2025-08-01',
        'non',
      ]);
  });
  rows.forEach((row) => sheet.addRow(row));
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  const coordinator = await signIn(server.base, 'bench@add.gov.ma', 'Bench-coordinator-2026');
  const form = () => {
    const data = new FormData();
    data.append('file', new Blob([file]), 'officers.xlsx');
    return data;
  };
  let started = performance.now();
  const preview = await (await coordinator.post('/api/v1/officers/import/preview', form())).json();
  const previewMs = Math.round(performance.now() - started);
  started = performance.now();
  const imported = await coordinator.post('/api/v1/officers/import', form());
  const importMs = Math.round(performance.now() - started);
  const result = await imported.json();
  if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);
  console.log(
    `officers: ${rows.length} rows; preview ${previewMs} ms (${preview.issues.length} issues); import ${importMs} ms → ${JSON.stringify(result)} (target ≤ 10000 ms)`,
  );
  started = performance.now();
  const again = await (await coordinator.post('/api/v1/officers/import', form())).json();
  console.log(`re-import of the same file: ${Math.round(performance.now() - started)} ms → ${JSON.stringify(again)}`);

  const terms = ['الرباط', 'fes', 'casa', 'مراكش', 'tanger', 'public', 'agadir', 'وزارة', 'meknes', 'oujda'];
  const scenarios = {
    'search (q, 25 a page)': (c, i) =>
      `${server.base}/api/v1/institutions?q=${encodeURIComponent(terms[(c + i) % terms.length])}&pageSize=25`,
    'list (type, page n)': (c, i) =>
      `${server.base}/api/v1/institutions?type=commune&sort=name&page=${1 + ((c * 7 + i) % 60)}&pageSize=25`,
    'list (hasRod filter)': (c, i) =>
      `${server.base}/api/v1/institutions?hasRod=${i % 2 ? 'true' : 'false'}&region=0${1 + ((c + i) % 9)}&pageSize=25`,
    "an administration's officers": (c, i) =>
      `${server.base}/api/v1/institutions/${codes[(c * 97 + i * 13) % codes.length].code}/officers`,
  };
  for (const [name, next] of Object.entries(scenarios)) {
    await load({ clients: CLIENTS, seconds: 1, next }); // warm-up
    const figures = await load({ clients: CLIENTS, seconds: SECONDS, next });
    console.log(`${name}: ${JSON.stringify(figures)} (target p95 ≤ 50 ms)`);
  }
} finally {
  await server?.stop();
  await db.drop();
}
