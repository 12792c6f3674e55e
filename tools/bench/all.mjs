// npm run bench — every benchmark, one after the other, and one report (issue #17):
//   side by side: each page's API calls on the national data set, warm and cold, next to the
//     same SQL straight on PostgreSQL (tools/bench/side-by-side.mjs);
//   the harvest of 100,000 datasets (time, peak memory) and the recompute (bench:harvest);
//   the meeting pack (bench:pack); the fan-out of a round's notifications (bench:notify);
//   start-up (bench:startup); the web: bytes and first contentful paint (bench:wire).
// Prepares what is missing: the production build, and the national data set in `marsad_national`
// on the local PostgreSQL (`npm run db:generate:national`, ≤ 5 min). BENCH_ONLY=a,b runs a subset.
// Writes tmp/bench.json (every figure, with the machine) and the summary table into README.md
// between the `bench:start` / `bench:end` markers. Exits 1 if a benchmark failed to run (a missed
// target is reported in the table, not as a failure of the run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { PG_SERVER } from './lib.mjs';

const NATIONAL_DB = 'marsad_national';
const nationalUrl = Object.assign(new URL(PG_SERVER), { pathname: `/${NATIONAL_DB}` }).toString();
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (name) => !only || only.includes(name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', BENCH_NATIONAL_URL: nationalUrl };

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label} ===`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  const seconds = +((performance.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

// ---- what the benchmarks need
if (!existsSync('dist/apps/web/browser') || !existsSync('dist/apps/api/main.js')) {
  const build = run('production build', 'npm', ['run', 'build'], { NODE_ENV: 'production' });
  if (!build.ok) process.exit(1);
}
if (wanted('side-by-side')) {
  const admin = new pg.Client({ connectionString: PG_SERVER });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [NATIONAL_DB])).rowCount > 0;
  let populated = false;
  if (exists) {
    const client = new pg.Client({ connectionString: nationalUrl });
    await client.connect();
    populated = await client.query(`SELECT count(*)::int AS n FROM portal_datasets`).then(
      (r) => r.rows[0].n >= 100000,
      () => false,
    );
    await client.end();
  }
  if (!populated) {
    await admin.query(`DROP DATABASE IF EXISTS ${NATIONAL_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${NATIONAL_DB}`);
  }
  await admin.end();
  if (!populated) {
    const generated = run('the national data set', 'node', ['tools/scripts/cli.mjs', 'db:generate:national'], {
      DATABASE_URL: nationalUrl,
    });
    if (!generated.ok) process.exit(1);
  }
}

// ---- the benchmarks
const BENCHES = [
  ['side-by-side', 'tools/bench/side-by-side.mjs', 'tmp/bench-side-by-side.json'],
  ['harvest', 'tools/bench/harvest.mjs', 'tmp/bench-harvest.json'],
  ['pack', 'tools/bench/pack.mjs', 'tmp/bench-pack.json'],
  ['notify', 'tools/bench/notify.mjs', 'tmp/bench-notify.json'],
  ['startup', 'tools/bench/startup.mjs', 'tmp/bench-startup.json'],
  ['wire', 'tools/bench/wire.mjs', 'tmp/bench-wire.json'],
];
const runs = {};
for (const [name, script, output] of BENCHES) {
  if (!wanted(name)) continue;
  const startedAt = Date.now();
  const outcome = run(`bench: ${name}`, 'node', [script]);
  // A benchmark that ran but missed a target exits 1 too: its figures are reported all the same.
  const fresh = existsSync(output) && statSync(output).mtimeMs >= startedAt;
  runs[name] = { ...outcome, results: fresh ? readJson(output) : null };
}

// ---- one report
const fmt = (v, unit = '') => (v === undefined || v === null || Number.isNaN(v) ? '–' : `${v}${unit}`);
const lines = [];
const sbs = runs['side-by-side']?.results;
if (sbs) {
  lines.push(
    `**Each page's API calls, side by side with the same SQL on PostgreSQL** (${sbs.clients} concurrent clients, ${sbs.seconds} s each, national data set). Goals: warm ≥ raw SQL throughput (met on ${sbs.met.warm} of ${sbs.rows.length}); cold p95 ≤ 2 × raw SQL p95 (met on ${sbs.met.cold} of ${sbs.rows.length}).`,
    '',
    sbs.table,
    '',
  );
}
const other = [];
const h = runs.harvest?.results;
if (h) {
  other.push([
    `harvest of ${h.datasets.toLocaleString('en')} datasets`,
    `full ${fmt(h.full?.seconds, ' s')}, peak ${fmt(h.full?.peakMb, ' MB')}; incremental (1 %) ${fmt(h.incremental?.seconds, ' s')}`,
    `${h.full?.target}; ${h.incremental?.target}`,
  ]);
  other.push([
    `recompute of ${h.recompute?.institutions} administrations`,
    fmt(h.recompute?.ms, ' ms'),
    h.recompute?.target,
  ]);
  other.push([
    'scorecard, first views after a harvest',
    `p50 ${fmt(h.scorecardFirstViews?.p50, ' ms')}, p95 ${fmt(h.scorecardFirstViews?.p95, ' ms')}`,
    '',
  ]);
}
const pack = runs.pack?.results;
if (pack) other.push(['meeting pack', summarise(pack), pack.target ?? pack.targets ?? '≤ 3 s']);
const notify = runs.notify?.results;
if (notify) other.push(['notification fan-out', summarise(notify), notify.target ?? notify.targets ?? '≤ 5 s; ≥ 50/s']);
const startup = runs.startup?.results;
if (startup)
  other.push([
    'start-up (`npm start`, built, existing embedded data)',
    `median ${startup.medianMs} ms, worst ${Math.max(...startup.runsMs)} ms`,
    `≤ ${startup.targetMs} ms`,
  ]);
const wire = runs.wire?.results;
if (wire) {
  for (const page of wire.pages ?? [])
    other.push([
      `web ${page.path} at 390 px`,
      `${fmt(page.firstVisitKb, ' kB')} / FCP ${fmt(page.firstVisitFcpMs, ' ms')} first visit; ${fmt(page.repeatVisitKb, ' kB')} / FCP ${fmt(page.repeatVisitFcpMs, ' ms')} repeat`,
      page.path.endsWith('/ar/') ? '≤ 350 kB / ≤ 30 kB' : '',
    ]);
  if (!wire.pages) other.push(['web /ar/ at 390 px', summarise(wire), '≤ 350 kB / ≤ 30 kB']);
}
for (const [name, outcome] of Object.entries(runs))
  if (!outcome.ok)
    other.push([
      name,
      outcome.results ? 'missed a target (exit 1): see above' : 'did not run to the end: see its output',
      '',
    ]);
if (other.length)
  lines.push(
    '| benchmark | result | target |',
    '|---|---|---|',
    ...other.map((r) => `| ${r.map((c) => String(c ?? '')).join(' | ')} |`),
  );

/** The numeric figures of a result object, flattened: for benchmarks whose shape this file does not know. */
function summarise(result) {
  const figures = [];
  const walk = (value, path) => {
    if (typeof value === 'number' && !/target/i.test(path)) figures.push(`${path} ${value}`);
    else if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(result, '');
  return figures.slice(0, 8).join(', ');
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const report = { measuredAt: new Date().toISOString(), machine, runs };
mkdirSync('tmp', { recursive: true });
writeFileSync('tmp/bench.json', JSON.stringify(report, null, 2));
const markdown = [
  `Measured ${report.measuredAt.slice(0, 10)} on ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; server, PostgreSQL and load generator share the machine. \`npm run bench\` rewrites this section; every figure is in \`tmp/bench.json\`.`,
  '',
  ...lines,
].join('\n');
console.log(`\n${markdown}\n`);
if (!only) {
  const readme = readFileSync('README.md', 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (readme.includes(start) && readme.includes(end))
    writeFileSync(
      'README.md',
      `${readme.slice(0, readme.indexOf(start) + start.length)}\n${markdown}\n${readme.slice(readme.indexOf(end))}`,
    );
}
process.exit(Object.values(runs).every((r) => r.results) ? 0 : 1);
