// npm run soak — 200 simulated users for 5 minutes against the built server on a fresh local
// PostgreSQL with the demo data, a CKAN portal to harvest and a realistic mix (issue #17):
//   150 visitors reading public pages; 30 officers (ROD) reporting progress and attaching a
//   PDF; 15 coordinators validating what is submitted; 4 committee members on their home and
//   notifications; 1 coordinator importing 300 officers; a full harvest of 20,000 datasets.
// Each user waits 0.5–2 s between actions (think time). Afterwards: every write that got a 2xx
// must be in the database and in the audit trail (0 lost writes); no answer may be a 5xx or a
// network error; the only 4xx allowed are the expected ones (409 when two coordinators take the
// same report). The server's memory is sampled every 5 s.
// Memory bound: resident memory peaks at most SOAK_MEMORY_BOUND_MB (800; the harvest runs in the
// API process) and, after the first minute, grows by at most 25 %.
// Sizes: SOAK_USERS (200), SOAK_SECONDS (300). JSON in tmp/soak.json.
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureBuilt, freshDatabase, startServer } from '../bench/lib.mjs';

const USERS = Number(process.env.SOAK_USERS ?? 200);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const MEMORY_BOUND_MB = Number(process.env.SOAK_MEMORY_BOUND_MB ?? 800);
const PASSWORD = 'Marsad-Demo-2026';
const PORT = 3321;
const share = (fraction) => Math.max(1, Math.round(USERS * fraction));
const MIX = { officers: share(0.15), coordinators: share(0.075), committee: share(0.02) };
MIX.visitors = Math.max(1, USERS - MIX.officers - MIX.coordinators - MIX.committee - 1);

ensureBuilt();
const db = await freshDatabase('marsad_soak');
const dataDir = mkdtempSync(join(tmpdir(), 'marsad-soak-'));
const fixture = fork('tools/bench/fixture-process.ts', [], {
  execArgv: ['-r', 'ts-node/register/transpile-only'],
  env: {
    ...process.env,
    TS_NODE_PROJECT: 'libs/testing/ckan-fixture-server/tsconfig.lib.json',
    FIXTURE_DATASETS: '20000',
    FIXTURE_ORGANIZATIONS: '300',
  },
});
const portal = await new Promise((resolve) => fixture.on('message', (m) => m.type === 'ready' && resolve(m)));
const server = await startServer({
  port: PORT,
  databaseUrl: db.url,
  env: { DEMO_DATA: 'true', PORTAL_URL: portal.url, HARVEST_RATE_LIMIT: '1000', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
});
const base = server.base;
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();

// ---- accounts: one ROD per officer slot, spread over the administrations that lead activities
const activities = await (await fetch(`${base}/api/v1/activities`)).json();
const leads = [...new Set(activities.filter((a) => a.leadInstitution).map((a) => a.leadInstitution.code))];
const [{ password_hash: hash }] = (
  await sql.query(`SELECT password_hash FROM users WHERE email = 'coordination@add.gov.ma'`)
).rows;
async function account(email, role, institutionCode) {
  await sql.query(
    `INSERT INTO users (email, display_name, role, institution_id, preferred_locale, active, password_hash)
     VALUES ($1, $2, $3, (SELECT id FROM institutions WHERE code = $4), 'fr', true, $5)
     ON CONFLICT DO NOTHING`,
    [email, email.split('@')[0], role, institutionCode, hash],
  );
  return email;
}
const officerEmails = [];
for (let i = 0; i < MIX.officers; i++)
  officerEmails.push(await account(`soak-rod-${i}@soak.example.ma`, 'OFFICER', leads[i % leads.length]));
const coordinatorEmails = [];
for (let i = 0; i < MIX.coordinators + 1; i++)
  coordinatorEmails.push(await account(`soak-coord-${i}@soak.example.ma`, 'COORDINATOR', 'ADD'));
const committeeEmails = [];
for (let i = 0; i < MIX.committee; i++)
  committeeEmails.push(await account(`soak-committee-${i}@soak.example.ma`, 'COMMITTEE', 'HCP'));

async function signIn(email) {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  return { cookie, 'x-csrf-token': (await response.json()).csrfToken };
}

// ---- bookkeeping
const stats = { requests: 0, byStatus: {}, unexpected: [], latencies: [] };
const writes = { reports: [], evidence: [], validated: [], imported: 0, harvest: null };
const EXPECTED_4XX = new Set([409]);
async function call(path, init = {}, expected4xx = EXPECTED_4XX) {
  const started = performance.now();
  let response;
  try {
    response = await fetch(`${base}${path}`, init);
  } catch (error) {
    stats.unexpected.push(`${init.method ?? 'GET'} ${path}: ${error.message}`);
    return null;
  }
  const body = await response.arrayBuffer();
  stats.requests++;
  stats.latencies.push(performance.now() - started);
  stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
  const ok = response.status < 400 || (response.status < 500 && expected4xx.has(response.status));
  if (!ok)
    stats.unexpected.push(
      `${init.method ?? 'GET'} ${path}: ${response.status} ${Buffer.from(body).toString().slice(0, 200)}`,
    );
  return { status: response.status, json: () => JSON.parse(Buffer.from(body).toString() || 'null') };
}
const deadline = performance.now() + SECONDS * 1000;
const running = () => performance.now() < deadline;
const think = () => new Promise((r) => setTimeout(r, 500 + Math.random() * 1500));
const pick = (list) => list[Math.floor(Math.random() * list.length)];

// ---- what each kind of user does
const plans = await (await fetch(`${base}/api/v1/plans`)).json();
const planCode = (Array.isArray(plans) ? plans : plans.items)[0].code;
const institutionCodes = ['MEF', 'HCP', 'ADD', 'ANRT', 'CDG', ...leads];
const publicPaths = [
  () => `/api/v1/plans/${planCode}`,
  () => '/api/v1/activities',
  () => `/api/v1/activities/${pick(activities).id}`,
  () => '/api/v1/metrics/national',
  () => '/api/v1/metrics/rankings',
  () => `/api/v1/institutions/${pick(institutionCodes)}/metrics`,
  () => `/api/v1/institutions/${pick(institutionCodes)}/traffic-light`,
  () => '/api/v1/institutions?pageSize=50',
  () => '/api/v1/award/editions',
  () => '/api/v1/catalog',
  () => '/api/v1/portal/status',
];
async function visitor() {
  while (running()) {
    await call(pick(publicPaths)());
    await think();
  }
}
async function officer(email) {
  const headers = await signIn(email);
  const code = (await (await fetch(`${base}/api/v1/auth/session`, { headers })).json()).user.institution.code;
  const mine = activities.filter((a) => a.leadInstitution?.code === code);
  while (running()) {
    const activity = pick(mine);
    const report = await call(`/api/v1/activities/${activity.id}/updates`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 'in_progress',
        progress: 10 + Math.floor(Math.random() * 80),
        narrative: { fr: `Avancement signalé par ${email}.`, ar: 'تقدم الإنجاز.' },
      }),
    });
    if (report?.status === 201) {
      const { id } = report.json();
      writes.reports.push(id);
      await think();
      const form = new FormData();
      form.append('file', new Blob([`%PDF-1.4\n% soak ${id}\n%%EOF\n`], { type: 'application/pdf' }), 'preuve.pdf');
      const evidence = await call(`/api/v1/progress-updates/${id}/evidence`, { method: 'POST', headers, body: form });
      if (evidence?.status === 201) writes.evidence.push(evidence.json().id);
    }
    await call(`/api/v1/home/administration/${code}`, { headers });
    await think();
  }
}
async function coordinator(email) {
  const headers = await signIn(email);
  while (running()) {
    const queue = await call('/api/v1/validation-queue?pageSize=20', { headers });
    const items = queue?.status === 200 ? (queue.json().items ?? []) : [];
    if (items.length) {
      const item = pick(items);
      const id = item.id;
      const done = await call(`/api/v1/progress-updates/${id}/validate`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ version: item.version }),
      });
      if (done?.status === 200) writes.validated.push(id);
    }
    await think();
  }
}
async function committee(email) {
  const headers = await signIn(email);
  while (running()) {
    await call(pick(['/api/v1/home/committee', '/api/v1/notifications', '/api/v1/notifications/unread-count']), {
      headers,
    });
    await think();
  }
}
async function operations(email) {
  const headers = await signIn(email);
  // A harvest at 10 s, an import of 300 officers at 30 s.
  await new Promise((r) => setTimeout(r, Math.min(10_000, SECONDS * 100)));
  const run = await call('/api/v1/portal/runs', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'full' }),
  });
  writes.harvest = run?.status === 202 ? run.json().id : null;
  await new Promise((r) => setTimeout(r, Math.min(20_000, SECONDS * 100)));
  const communes = (
    await sql.query(
      `SELECT i.code FROM institutions i WHERE NOT EXISTS (SELECT 1 FROM officer_appointments a WHERE a.institution_id = i.id)
       ORDER BY (i.type = 'commune') DESC, i.code LIMIT 300`,
    )
  ).rows.map((r) => r.code);
  const template = await (await fetch(`${base}/api/v1/officers/import-template?format=csv`)).text();
  const header = template.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  const rows = communes.map((code, i) =>
    [
      code,
      'ROD',
      'active',
      `Agent ${i}`,
      `الموظف ${i}`,
      `soak-import-${i}@commune.example.ma`,
      '',
      'SG',
      '2026-03-01',
      '',
      '',
      'non',
    ].join(','),
  );
  const form = new FormData();
  form.append('file', new Blob([[header, ...rows].join('\r\n')], { type: 'text/csv' }), 'officiers.csv');
  const imported = await call('/api/v1/officers/import', { method: 'POST', headers, body: form });
  if (imported?.status === 200) writes.imported = communes.length;
  if (!communes.length) stats.unexpected.push('no communes to import officers into');
}

// ---- memory of the server process
const memory = [];
const sampler = setInterval(() => {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    memory.push(Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024));
  } catch {
    /* gone */
  }
}, 5000);

console.log(
  `Soak: ${USERS} users (${MIX.visitors} visitors, ${MIX.officers} officers, ${MIX.coordinators} coordinators, ${MIX.committee} committee, 1 operator) for ${SECONDS} s`,
);
const started = performance.now();
await Promise.all([
  ...Array.from({ length: MIX.visitors }, visitor),
  ...officerEmails.map(officer),
  ...coordinatorEmails.slice(0, MIX.coordinators).map(coordinator),
  ...committeeEmails.map(committee),
  operations(coordinatorEmails.at(-1)),
]);
const elapsed = (performance.now() - started) / 1000;
clearInterval(sampler);

// ---- afterwards: every acknowledged write is there, and audited
async function missing(table, ids, auditType, action) {
  if (!ids.length) return { total: 0, missingRows: 0, missingAudit: 0 };
  const rows = await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
  const audited = await sql.query(
    `SELECT count(DISTINCT entity_id)::int AS n FROM audit_events WHERE entity_type = $1 AND action = $2 AND entity_id = ANY($3)`,
    [auditType, action, ids],
  );
  return { total: ids.length, missingRows: ids.length - rows.rows[0].n, missingAudit: ids.length - audited.rows[0].n };
}
const harvestWait = performance.now();
let harvest = null;
while (writes.harvest && performance.now() - harvestWait < 300_000) {
  harvest = (await sql.query(`SELECT status, seen FROM harvest_runs WHERE id = $1`, [writes.harvest])).rows[0];
  if (harvest.status !== 'running') break;
  await new Promise((r) => setTimeout(r, 1000));
}
const validatedRows = writes.validated.length
  ? (
      await sql.query(
        `SELECT count(*)::int AS n FROM progress_updates WHERE id = ANY($1::uuid[]) AND state = 'validated'`,
        [[...new Set(writes.validated)]],
      )
    ).rows[0].n
  : 0;
const lost = {
  reports: await missing('progress_updates', writes.reports, 'progress-update', 'progress-update.create'),
  evidence: await missing('evidence', writes.evidence, 'evidence', 'evidence.create'),
  validations: await missing(
    'progress_updates',
    [...new Set(writes.validated)],
    'progress-update',
    'progress-update.validate',
  ),
  validatedStatus: writes.validated.length - validatedRows,
  importedOfficers:
    writes.imported -
    (await sql.query(`SELECT count(*)::int AS n FROM officer_appointments WHERE email LIKE 'soak-import-%'`)).rows[0].n,
};
await sql.end();
await server.stop();
fixture.send({ type: 'stop' });
await db.drop();
rmSync(dataDir, { recursive: true, force: true });

stats.latencies.sort((a, b) => a - b);
const pct = (p) =>
  +stats.latencies[Math.min(stats.latencies.length - 1, Math.ceil((p / 100) * stats.latencies.length) - 1)].toFixed(1);
const warm = memory.slice(Math.min(memory.length - 1, 12)); // after the first minute
const report = {
  users: USERS,
  mix: MIX,
  seconds: +elapsed.toFixed(1),
  requests: stats.requests,
  rps: Math.round(stats.requests / elapsed),
  p50: pct(50),
  p95: pct(95),
  p99: pct(99),
  byStatus: stats.byStatus,
  unexpected: stats.unexpected.length,
  unexpectedSamples: stats.unexpected.slice(0, 10),
  writes: {
    reports: writes.reports.length,
    evidence: writes.evidence.length,
    validations: writes.validated.length,
    importedOfficers: writes.imported,
    harvest: harvest ? `${harvest.status}, ${harvest.seen} datasets` : 'not started',
  },
  lost,
  memoryMb: {
    first: memory[0],
    afterFirstMinute: warm[0],
    peak: Math.max(...memory),
    last: memory.at(-1),
    bound: MEMORY_BOUND_MB,
  },
};
mkdirSync('tmp', { recursive: true });
writeFileSync('tmp/soak.json', JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));

const lostWrites =
  lost.reports.missingRows +
  lost.reports.missingAudit +
  lost.evidence.missingRows +
  lost.evidence.missingAudit +
  lost.validations.missingRows +
  lost.validations.missingAudit +
  lost.validatedStatus +
  lost.importedOfficers;
const failures = [
  stats.unexpected.length && `${stats.unexpected.length} unexpected answers`,
  lostWrites && `${lostWrites} lost writes`,
  report.memoryMb.peak > MEMORY_BOUND_MB && `memory peaked at ${report.memoryMb.peak} MB (bound ${MEMORY_BOUND_MB} MB)`,
  // Past the first minute (harvest and caches in place), resident memory must level off.
  report.memoryMb.last > report.memoryMb.afterFirstMinute * 1.25 &&
    `memory grew from ${report.memoryMb.afterFirstMinute} to ${report.memoryMb.last} MB after the first minute (bound +25 %)`,
  harvest?.status !== 'succeeded' && `harvest ${harvest?.status ?? 'not started'}`,
  !writes.imported && 'the import did not succeed',
].filter(Boolean);
console.log(
  failures.length
    ? `\nFAIL: ${failures.join('; ')}`
    : '\nPASS: 0 unexpected answers, 0 lost writes, memory within bound',
);
process.exit(failures.length ? 1 : 0);
