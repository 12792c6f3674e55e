// npm run bench:harvest — the harvester against a 100,000-dataset CKAN catalogue served by
// libs/testing/ckan-fixture-server in its own process, on loopback, into a fresh local PostgreSQL:
// a full harvest (time, peak memory), an incremental run with 1 % changed, recomputing the
// metrics of 2,000 administrations, and the scorecard API under 20 concurrent clients.
// Sizes: BENCH_DATASETS, BENCH_ORGANIZATIONS. Results also go to tmp/bench-harvest.json.
import { fork, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { ensureBuilt, freshDatabase, load, startServer } from './lib.mjs';

const DATASETS = Number(process.env.BENCH_DATASETS ?? 100000);
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 2000);
const PORT = 3297;

ensureBuilt();
const db = await freshDatabase('marsad_bench_harvest');

const fixture = fork('tools/bench/fixture-process.ts', [], {
  execArgv: ['-r', 'ts-node/register/transpile-only'],
  env: {
    ...process.env,
    TS_NODE_PROJECT: 'libs/testing/ckan-fixture-server/tsconfig.lib.json',
    FIXTURE_DATASETS: String(DATASETS),
    FIXTURE_ORGANIZATIONS: String(ORGANIZATIONS),
  },
});
const message = (type) => new Promise((resolve) => fixture.on('message', (m) => m.type === type && resolve(m)));
const ready = await message('ready');
console.log(`Fixture: ${ready.datasets} datasets in ${ready.organizations.length} organisations at ${ready.url}`);

const env = {
  ...process.env,
  DATABASE_URL: db.url,
  PORTAL_URL: ready.url,
  HARVEST_RATE_LIMIT: '1000',
  LOG_LEVEL: 'warn',
  DEMO_DATA: 'false',
  NODE_ENV: 'production',
};

function cli(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['dist/apps/api/cli.js', ...args], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) =>
      code === 0
        ? resolve({ out, ms: performance.now() - started })
        : reject(new Error(`${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}

await cli(['db:seed']);
// 2,000 administrations with a portal organisation each: the registry's, plus bench bodies to make up the number.
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const existing = (await client.query(`SELECT id FROM institutions ORDER BY code`)).rows;
for (let i = existing.length; i < ORGANIZATIONS; i++) {
  await client.query(
    `INSERT INTO institutions (code, name, type, search_text) VALUES ($1, $2, 'public_institution', '')`,
    [`BENCH-${i}`, { fr: `Établissement ${i}`, ar: `مؤسسة ${i}` }],
  );
}
const ids = (await client.query(`SELECT id, code FROM institutions ORDER BY code LIMIT $1`, [ORGANIZATIONS])).rows;
await client.query(
  `UPDATE institutions i SET portal_org_name = m.org FROM unnest($1::uuid[], $2::text[]) AS m(id, org) WHERE i.id = m.id`,
  [ids.map((r) => r.id), ready.organizations.slice(0, ids.length)],
);

/** Fetches every URL once, `clients` at a time; latency percentiles in ms. */
async function drain(urls, clients) {
  const queue = [...urls];
  const latencies = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        const started = performance.now();
        await (await fetch(url)).arrayBuffer();
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p) => +latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)].toFixed(1);
  return { requests: latencies.length, p50: at(50), p95: at(95), p99: at(99) };
}

const runOf = (out) => ({
  seconds: Number(/in ([\d.]+) s/.exec(out)?.[1]),
  peakMb: Number(/peak memory of this process: (\d+) MB/.exec(out)?.[1]),
  seen: Number(/datasets seen (\d+)/.exec(out)?.[1]),
  status: /: (SUCCEEDED|FAILED)/.exec(out)?.[1],
});

console.log('Full harvest…');
const full = await cli(['portal:harvest', '--full']);
console.log(full.out.trim());
fixture.send({ type: 'modify', count: Math.round(DATASETS / 100) });
await message('modified');
console.log('Incremental harvest, 1 % changed…');
const incremental = await cli(['portal:harvest']);
console.log(incremental.out.trim());
console.log('Recompute metrics…');
const recompute = await cli(['metrics:recompute']);
console.log(recompute.out.trim());
const recomputeMs = Number(/in (\d+) ms/.exec(recompute.out)?.[1]);

const mapped = (
  await client.query(
    `SELECT i.code FROM institutions i JOIN metric_snapshots s ON s.institution_id = i.id WHERE s.score IS NOT NULL LIMIT 500`,
  )
).rows.map((r) => r.code);
await client.end();
const server = await startServer({
  port: PORT,
  databaseUrl: db.url,
  env: { PORTAL_URL: ready.url, HARVEST_SCHEDULE: 'off' },
});
const scorecardUrl = (code) => `${server.base}/api/v1/institutions/${encodeURIComponent(code)}/metrics`;
// First views after a harvest: 20 clients, each request a scorecard nobody has asked for yet.
const firstViews = await drain(mapped.map(scorecardUrl), 20);
// Then the usual traffic: 20 clients over the same 500 administrations for 10 s.
const scorecard = await load({
  clients: 20,
  seconds: 10,
  next: (c, i) => scorecardUrl(mapped[(c * 37 + i) % mapped.length]),
});
const national = await load({ clients: 20, seconds: 5, next: () => `${server.base}/api/v1/metrics/national` });
await server.stop();
fixture.send({ type: 'stop' });
if (process.env.BENCH_KEEP !== 'true') await db.drop();

const results = {
  datasets: DATASETS,
  organizations: ORGANIZATIONS,
  full: { ...runOf(full.out), processSeconds: +(full.ms / 1000).toFixed(1), target: '≤ 60 s, ≤ 400 MB' },
  incremental: { ...runOf(incremental.out), processSeconds: +(incremental.ms / 1000).toFixed(1), target: '≤ 5 s' },
  recompute: { ms: recomputeMs, institutions: ORGANIZATIONS, target: '≤ 5 s' },
  scorecardFirstViews: firstViews,
  scorecard: { ...scorecard, target: 'p95 ≤ 50 ms at 20 clients' },
  national,
};
console.log(JSON.stringify(results, null, 2));
mkdirSync('tmp', { recursive: true });
writeFileSync('tmp/bench-harvest.json', JSON.stringify(results, null, 2));
process.exit(0);
