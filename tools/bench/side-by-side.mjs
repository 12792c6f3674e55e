// npm run bench:side-by-side — each page's API calls on the national data set, next to the same
// SQL run straight on PostgreSQL (issue #17). Part of `npm run bench`.
//
// 1. The pages: each is opened in headless Chromium (as a visitor, or signed in as the role that
//    uses it) and the GET /api/ requests it makes are recorded: those are the calls measured.
// 2. The cold path: the built server with ANSWER_CACHE=off (every answer computed as on the first
//    view after a change). The SQL one request runs is recorded (tools/bench/sql-capture.cjs) and
//    the call is loaded with 20 concurrent clients.
// 3. Raw SQL: the recorded statements, in order, replayed by 20 connections straight on the same
//    database: what PostgreSQL itself can do for that call.
// 4. The warm path: the server as in production (answers cached until their data change), 20 clients.
// Goals: warm throughput ≥ raw SQL throughput; cold p95 ≤ 2 × raw SQL p95.
// Database: BENCH_NATIONAL_URL (default marsad_national on the local server, made by
// `npm run db:generate:national`). BENCH_SECONDS per measurement (5). JSON: tmp/bench-side-by-side.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import argon2 from 'argon2';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { PG_SERVER, ensureBuilt, load } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = 20;
const PORT = 3331;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'Bench-Side-by-side-2026';
const NATIONAL =
  process.env.BENCH_NATIONAL_URL ?? Object.assign(new URL(PG_SERVER), { pathname: '/marsad_national' }).toString();

ensureBuilt();
if (!existsSync('dist/apps/web/browser/index.html') && !existsSync('dist/apps/web/browser/fr/index.html'))
  throw new Error('No web build: run `NODE_ENV=production npm run build` first.');

// ---- the data set and three accounts to sign in with
const sql = new pg.Client({ connectionString: NATIONAL });
await sql.connect();
const [{ n: institutionCount }] = (await sql.query(`SELECT count(*)::int AS n FROM institutions`)).rows;
if (institutionCount < 1000)
  throw new Error(
    `${NATIONAL} has ${institutionCount} administrations: run \`npm run db:generate:national\` into it first.`,
  );
const hash = await argon2.hash(PASSWORD);
const accounts = {
  coordinator: 'bench-coordinator@bench.example.ma',
  officer: 'bench-officer@bench.example.ma',
  committee: 'bench-committee@bench.example.ma',
};
for (const [key, email] of Object.entries(accounts)) {
  const [role, institution] = {
    coordinator: ['COORDINATOR', 'ADD'],
    officer: ['OFFICER', 'MEF'],
    committee: ['COMMITTEE', 'HCP'],
  }[key];
  await sql.query(
    `INSERT INTO users (email, display_name, role, institution_id, preferred_locale, active, password_hash)
     VALUES ($1, $2, $3, (SELECT id FROM institutions WHERE code = $4), 'fr', true, $5)
     ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true`,
    [email, `Bench ${key}`, role, institution, hash],
  );
}
const [{ code: planCode }] = (await sql.query(`SELECT code FROM plans ORDER BY code LIMIT 1`)).rows;
const [{ id: activityId }] = (await sql.query(`SELECT id FROM activities ORDER BY code LIMIT 1`)).rows;
const [{ code: busiest }] = (
  await sql.query(
    `SELECT i.code FROM institutions i JOIN portal_datasets d ON d.organization_name = i.portal_org_name
     WHERE d.deleted_at IS NULL GROUP BY i.code ORDER BY count(*) DESC, i.code LIMIT 1`,
  )
).rows;
await sql.end();

const PAGES = [
  { page: 'home', path: '/fr/', as: null },
  { page: 'plan', path: `/fr/plans/${planCode}`, as: null },
  { page: 'activity', path: `/fr/activities/${activityId}`, as: null },
  { page: 'publication metrics', path: '/fr/metrics', as: null },
  { page: 'rankings', path: '/fr/metrics/rankings', as: null },
  { page: `scorecard (${busiest})`, path: `/fr/metrics/${busiest}`, as: null },
  { page: 'registry', path: '/fr/institutions', as: null },
  { page: `administration (${busiest})`, path: `/fr/institutions/${busiest}`, as: null },
  { page: 'officer coverage', path: '/fr/coverage', as: null },
  { page: 'open data', path: '/fr/open-data', as: null },
  { page: 'coordinator workbench', path: '/fr/workbench', as: 'coordinator' },
  { page: 'validation queue', path: '/fr/validation', as: 'coordinator' },
  { page: 'administration home (MEF)', path: '/fr/home/administration/MEF', as: 'officer' },
  { page: 'committee home', path: '/fr/committee', as: 'committee' },
  { page: 'action items', path: '/fr/committee/action-items', as: 'committee' },
];

// ---- the server, with the SQL recorder preloaded
function startServer(env) {
  const child = spawn(
    process.execPath,
    ['--require', resolve('tools/bench/sql-capture.cjs'), 'dist/apps/api/main.js'],
    {
      env: {
        ...process.env,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATABASE_URL: NATIONAL,
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
        DEMO_DATA: 'false',
        HARVEST_SCHEDULE: 'off',
        SIGN_IN_RATE_LIMIT: '100000',
        WRITE_RATE_LIMIT: '100000',
        PUBLIC_READ_RATE_LIMIT: '100000000',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const base = `http://127.0.0.1:${PORT}`;
  const ready = (async () => {
    for (let i = 0; i < 900; i++) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('server did not start');
  })();
  const ask = (message, answer) =>
    new Promise((resolveAnswer) => {
      const onMessage = (m) => {
        if (answer(m)) {
          child.off('message', onMessage);
          resolveAnswer(m);
        }
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return {
    base,
    ready,
    async capture(request) {
      await ask('capture:start', (m) => m === 'capture:started');
      await request();
      return (await ask('capture:stop', (m) => m && m.captured)).captured;
    },
    stop: () =>
      new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}

async function signIn(base, email) {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status}`);
  return response.headers.get('set-cookie').split(';')[0];
}

/** Opens each page in Chromium and records the API calls it makes. */
async function discoverCalls(base, cookies) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const calls = [];
  try {
    for (const page of PAGES) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      if (page.as) {
        const [name, value] = cookies[page.as].split('=');
        await context.addCookies([{ name, value, url: base }]);
      }
      const tab = await context.newPage();
      const seen = [];
      tab.on('request', (request) => {
        const url = new URL(request.url());
        if (request.method() === 'GET' && url.pathname.startsWith('/api/')) seen.push(url.pathname + url.search);
      });
      await tab.goto(base + page.path, { waitUntil: 'networkidle' });
      // A call several pages make (the session, the plan) is measured once, under the first page.
      for (const path of [...new Set(seen)])
        if (!calls.some((c) => c.path === path && c.as === page.as)) calls.push({ page: page.page, as: page.as, path });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return calls;
}

/** `statements` replayed in order by `CLIENTS` connections for SECONDS: what PostgreSQL can do. */
async function replay(statements) {
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const client = new pg.Client({ connectionString: NATIONAL });
      await client.connect();
      return client;
    }),
  );
  const latencies = [];
  const deadline = performance.now() + SECONDS * 1000;
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const started = performance.now();
          for (const statement of statements) await client.query(statement.text, statement.values);
          latencies.push(performance.now() - started);
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  latencies.sort((a, b) => a - b);
  const pct = (p) => +latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)].toFixed(1);
  return {
    requests: latencies.length,
    rps: Math.round(latencies.length / SECONDS),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
  };
}

const measure = (base, call, cookies) =>
  load({
    clients: CLIENTS,
    seconds: SECONDS,
    next: () => [base + call.path, { headers: call.as ? { cookie: cookies[call.as] } : {} }],
  });

// ---- cold server: the calls, their SQL, cold load and raw SQL
const rows = [];
let cold = startServer({ ANSWER_CACHE: 'off' });
await cold.ready;
let cookies = Object.fromEntries(
  await Promise.all(Object.entries(accounts).map(async ([k, e]) => [k, await signIn(cold.base, e)])),
);
const calls = await discoverCalls(cold.base, cookies);
console.log(
  `${calls.length} API calls from ${PAGES.length} pages; ${CLIENTS} clients, ${SECONDS} s per measurement, on ${new URL(NATIONAL).pathname.slice(1)}`,
);
try {
  for (const call of calls) {
    const headers = call.as ? { cookie: cookies[call.as] } : {};
    await fetch(cold.base + call.path, { headers }).then((r) => r.arrayBuffer()); // first run: JIT, metadata
    let status = 0;
    const statements = await cold.capture(async () => {
      const response = await fetch(cold.base + call.path, { headers });
      status = response.status;
      await response.arrayBuffer();
    });
    const coldLoad = await measure(cold.base, call, cookies);
    const raw = await replay(statements);
    rows.push({ ...call, status, statements: statements.length, raw, cold: coldLoad });
    console.log(`  ${call.page.padEnd(28)} ${call.path.slice(0, 60).padEnd(60)} ${statements.length} statements`);
  }
} finally {
  await cold.stop();
}

// ---- warm server: as in production
const warm = startServer({});
await warm.ready;
cookies = Object.fromEntries(
  await Promise.all(Object.entries(accounts).map(async ([k, e]) => [k, await signIn(warm.base, e)])),
);
try {
  for (const row of rows) row.warm = await measure(warm.base, row, cookies);
} finally {
  await warm.stop();
}

for (const row of rows) {
  row.warmVsRawThroughput = +(row.warm.rps / row.raw.rps).toFixed(2);
  row.coldVsRawP95 = +(row.cold.p95 / row.raw.p95).toFixed(2);
  row.goals = { warmAtLeastRaw: row.warmVsRawThroughput >= 1, coldWithin2xRaw: row.coldVsRawP95 <= 2 };
}

const header = [
  'page',
  'API call',
  'SQL',
  'raw SQL p50/p95 · req/s',
  'cold p50/p95 · req/s',
  'warm p50/p95 · req/s',
  'warm÷raw req/s',
  'cold÷raw p95',
];
const cells = (r) => [
  r.page,
  `\`${r.path.length > 58 ? `${r.path.slice(0, 57)}…` : r.path}\``,
  String(r.statements),
  `${r.raw.p50} / ${r.raw.p95} ms · ${r.raw.rps}`,
  `${r.cold.p50} / ${r.cold.p95} ms · ${r.cold.rps}${r.cold.errors ? ` (${r.cold.errors} errors)` : ''}`,
  `${r.warm.p50} / ${r.warm.p95} ms · ${r.warm.rps}${r.warm.errors ? ` (${r.warm.errors} errors)` : ''}`,
  `${r.warmVsRawThroughput}${r.goals.warmAtLeastRaw ? '' : ' ✗'}`,
  `${r.coldVsRawP95}${r.goals.coldWithin2xRaw ? '' : ' ✗'}`,
];
const table = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${cells(r).join(' | ')} |`),
].join('\n');
console.log(`\n${table}\n`);
const met = {
  warm: rows.filter((r) => r.goals.warmAtLeastRaw).length,
  cold: rows.filter((r) => r.goals.coldWithin2xRaw).length,
};
console.log(
  `Goals met: warm ≥ raw throughput on ${met.warm} of ${rows.length} calls; cold p95 ≤ 2× raw on ${met.cold} of ${rows.length}.`,
);
mkdirSync('tmp', { recursive: true });
writeFileSync(
  'tmp/bench-side-by-side.json',
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      database: new URL(NATIONAL).pathname.slice(1),
      clients: CLIENTS,
      seconds: SECONDS,
      met,
      rows,
      table,
    },
    null,
    2,
  ),
);
