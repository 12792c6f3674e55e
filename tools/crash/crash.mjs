// npm run test:crash — kill -9 of the API in the middle of the writes that matter, on PostgreSQL
// and on the embedded database (PGlite under DATA_DIR), then a restart and checks (issue #17):
//
//   import   an officers import of CRASH_IMPORT_ROWS rows, killed mid-commit twice (while the
//            appointments are written, then while their audit events are): after each restart the
//            appointments and audit events are all there or none; the same file then imports fully.
//   harvest  a full harvest of a CRASH_DATASETS-dataset CKAN fixture, killed mid-merge: after the
//            restart portal_datasets is exactly as before the run, the run is not left running (the
//            lock is released at start-up, or expires), a new run starts, and it finds exactly the
//            catalogue's changes; the dead run's staging rows are gone.
//   notify   a reporting round opening notifies CRASH_RECIPIENTS people; delivery to a local SMTP
//            sink is killed CRASH_NOTIFY_KILLS times: every e-mail arrives, the duplicates are
//            counted (the window between the SMTP server's acceptance and the row marked sent) and
//            each copy carries the same Message-ID.
//
// The import and merge kills are checked to land inside the open transaction: the written
// relation's file grew (pg_relation_size on PostgreSQL, the file itself under DATA_DIR for PGlite)
// and the transaction was still open at the kill (pg_stat_activity; for PGlite, which serialises
// transactions, a query on a second socket connection still waiting). A merge kill that missed is
// retried on a new change of the catalogue; an import that ended first fails the scenario. The
// delivery kills land while the SMTP sink is receiving (each statement of the worker commits alone).
//
// After each kill the server is restarted on the same database: for PGlite that is the check that
// the data directory opens (its pg.lock still names the killed process).
//
// Leases and heartbeats that would expire with time (120 s for an e-mail lease, 10 min for a
// harvest run on PostgreSQL) are aged by SQL instead of waited for; the run says so when it does.
// Results: a table, tmp/crash.json; exit 1 on any failure. Databases: CRASH_DATABASES
// (postgres,embedded); scenarios: CRASH_SCENARIOS (import,harvest,notify).
import argon2 from 'argon2';
import { fork } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { ensureBuilt, freshDatabase, signIn, startServer } from '../bench/lib.mjs';

const DATABASES = (process.env.CRASH_DATABASES ?? 'postgres,embedded').split(',');
const SCENARIOS = (process.env.CRASH_SCENARIOS ?? 'import,harvest,notify').split(',');
const IMPORT_ROWS = Number(process.env.CRASH_IMPORT_ROWS ?? 10_000);
const DATASETS = Number(process.env.CRASH_DATASETS ?? 40_000);
const CHANGE = { modify: 8000, delete: 1000, add: 2000 };
const RECIPIENTS = Number(process.env.CRASH_RECIPIENTS ?? 3000);
const NOTIFY_KILLS = Number(process.env.CRASH_NOTIFY_KILLS ?? 5);
const MAIL_CONNECTIONS = 5; // MAIL_CONNECTIONS's default: messages on the wire at once
// What a kill may re-send: on each SMTP connection, the message being sent and the one just
// accepted whose "sent" mark is being written.
const DUPLICATES_PER_KILL = 2 * MAIL_CONNECTIONS;
const PASSWORD = 'Crash-test-2026';
const COORDINATOR = 'coordination@crash.ma';
const HARVEST_ABANDONED_MS = 10 * 60_000; // harvest-run-lifecycle.service.ts

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (n) => Number(n).toLocaleString('en');
const kb = (bytes) => `${fmt(Math.round(bytes / 1024))} KB`;
const log = (...args) => console.log(`[crash ${new Date().toISOString().slice(11, 19)}]`, ...args);
const started = performance.now();

// ----- SMTP sink: records each message's notification id and Message-ID ------------------------

const received = []; // { notification, messageId }
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const head = text.slice(0, text.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
      received.push({
        notification: /^X-Marsad-Notification:\s*(\S+)/im.exec(head)?.[1] ?? null,
        messageId: /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? null,
      });
      callback();
    });
  },
});
sink.on('error', () => undefined); // a client killed mid-message
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
const smtpPort = sink.server.address().port;

// ----- CKAN fixture in its own process ------------------------------------------------------------

const fixture = fork('tools/crash/fixture-process.ts', [], {
  execArgv: ['-r', 'ts-node/register/transpile-only'],
  env: {
    ...process.env,
    TS_NODE_PROJECT: 'libs/testing/ckan-fixture-server/tsconfig.lib.json',
    FIXTURE_DATASETS: String(DATASETS),
  },
});
const fixtureMessage = (type) =>
  new Promise((resolve) => {
    const on = (m) => m.type === type && (fixture.off('message', on), resolve(m));
    fixture.on('message', on);
  });
const fixtureReady = await fixtureMessage('ready');
let catalogueSize = fixtureReady.datasets;
async function changeCatalogue() {
  fixture.send({ type: 'change', ...CHANGE });
  const changed = await fixtureMessage('changed');
  catalogueSize = changed.datasets;
  return changed;
}

// ----- A server on one database, killed and restarted --------------------------------------------

class Instance {
  constructor(kind, port) {
    this.kind = kind;
    this.port = port;
    this.base = mkdtempSync(join(tmpdir(), `marsad-crash-${kind}-`));
    this.dataDir = join(this.base, 'data');
    this.starts = 0;
    this.restartMs = [];
    this.staleLocks = [];
  }

  async open() {
    if (this.kind === 'postgres') this.db = await freshDatabase(`marsad_crash_${process.pid}`);
    await this.start();
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await this.sql(
      `INSERT INTO users (email, display_name, role, password_hash) VALUES ($1, 'Crash test', 'COORDINATOR', $2)`,
      [COORDINATOR, hash],
    );
    this.coordinator = await signIn(this.server.base, COORDINATOR, PASSWORD);
  }

  async start() {
    // Its own TMPDIR per start: the embedded server's socket directory is found there.
    const tmp = join(this.base, `tmp-${++this.starts}`);
    mkdirSync(tmp);
    const lockFile = join(this.dataDir, 'pg.lock');
    if (this.kind === 'embedded' && existsSync(lockFile)) {
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      this.staleLocks.push({ holder, alive: isAlive(holder), killed: holder === this.killedPid });
    }
    const t = performance.now();
    this.server = await startServer({
      port: this.port,
      databaseUrl: this.db?.url,
      env: {
        TMPDIR: tmp,
        LOG_LEVEL: 'error',
        DEMO_DATA: 'false',
        ...(this.kind === 'embedded' ? { DATA_DIR: this.dataDir } : {}),
        PORTAL_URL: fixtureReady.url,
        HARVEST_RATE_LIMIT: '1000',
        HARVEST_SCHEDULE: 'off',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Marsad <marsad@crash.ma>',
        MAIL_POLL_MS: '200',
      },
    });
    if (this.starts > 1) this.restartMs.push(Math.round(performance.now() - t));
    const connection =
      this.kind === 'postgres'
        ? { connectionString: this.db.url }
        : {
            host: join(
              tmp,
              readdirSync(tmp).find((d) => d.startsWith('marsad-pg-')),
            ),
            port: 5432,
            user: 'postgres',
            database: 'postgres',
          };
    this.client = new pg.Client(connection);
    this.client.on('error', () => undefined);
    await this.client.connect();
    if (this.coordinator) this.coordinator = await signIn(this.server.base, COORDINATOR, PASSWORD);
  }

  sql(text, params) {
    return this.client.query(text, params).then((r) => r.rows);
  }

  async one(text, params) {
    return (await this.sql(text, params))[0];
  }

  /** kill -9, then waits for the process to be gone. */
  async kill() {
    const child = this.server.process;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.client.end().catch(() => undefined);
    this.killedPid = child.pid;
  }

  async restart() {
    await this.start();
    // The embedded data directory opened: the server answers and its database with it.
    await this.one(`SELECT 1`);
  }

  /** Bytes of a relation's files, as written so far (uncommitted rows included). */
  async sizer(relation) {
    if (this.kind === 'postgres')
      return async () => Number((await this.one(`SELECT pg_relation_size($1) AS s`, [relation])).s);
    const { path } = await this.one(`SELECT pg_relation_filepath($1) AS path`, [relation]);
    const file = join(this.dataDir, 'pg', path);
    return async () => (existsSync(file) ? statSync(file).size : 0);
  }

  /**
   * Whether a transaction other than ours is open right now. PostgreSQL: pg_stat_activity.
   * PGlite serialises transactions over its socket: a query of ours not answered within 150 ms
   * is waiting for one (it stays queued; the connection dies with the kill).
   */
  async transactionOpen() {
    if (this.kind === 'postgres') {
      const row = await this.one(
        `SELECT pid, state, left(query, 50) AS query FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
          ORDER BY xact_start LIMIT 1`,
      );
      return row
        ? `transaction open (${row.state}) in backend ${row.pid}, at "${row.query.replace(/\s+/g, ' ')}…"`
        : null;
    }
    const answered = await Promise.race([this.client.query('SELECT 1').then(() => true), sleep(150).then(() => false)]);
    return answered ? null : 'transaction open: a query on another socket connection waited for it';
  }

  async stop() {
    try {
      this.client?.end().catch(() => undefined);
      if (this.server?.process.exitCode === null) await this.server.stop();
    } finally {
      await this.db?.drop().catch(() => undefined);
      rmSync(this.base, { recursive: true, force: true });
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Collects checks: each is a fact, failed or not. */
class Checks {
  constructor() {
    this.facts = [];
    this.failures = [];
  }
  fact(text) {
    this.facts.push(text);
  }
  expect(ok, text) {
    (ok ? this.facts : this.failures).push(ok ? text : `FAILED: ${text}`);
    if (!ok) this.facts.push(`FAILED: ${text}`);
  }
}

/**
 * Polls until `landed()` says the kill point is reached, then checks the transaction is still
 * open and kills; null when `missed()` says the work ended first, or the transaction had closed.
 */
async function killWhen(instance, { landed, missed }) {
  const t0 = performance.now();
  for (;;) {
    if (missed()) return null;
    const point = await landed();
    if (point) {
      const open = await instance.transactionOpen();
      if (!open) return null;
      await instance.kill();
      return { ...point, open, at: Math.round(performance.now() - t0) };
    }
    if (performance.now() - t0 > 120_000) throw new Error('the kill point never came');
    await sleep(5);
  }
}

// ----- Scenario 1: officers import ---------------------------------------------------------------

async function importScenario(instance, checks) {
  const communes = (await instance.sql(`SELECT code FROM institutions WHERE type = 'commune' ORDER BY code`)).map(
    (r) => r.code,
  );
  let csv = 'institution_code,role,status,full_name_fr,email,appointed_on,public_consent\n';
  for (let i = 0; i < IMPORT_ROWS; i++)
    csv += `${communes[i % communes.length]},GDD,active,Agent ${i},gdd.${i}@crash.ma,2026-02-01,oui\n`;
  const upload = () => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'officers.csv');
    return instance.coordinator.post('/api/v1/officers/import', form);
  };
  const counts = async () => ({
    ...(await instance.one(
      `SELECT (SELECT count(*)::int FROM officer_appointments) AS appointments,
              (SELECT count(*)::int FROM audit_events) AS audit,
              (SELECT count(*)::int FROM audit_events WHERE action = 'officer.appoint') AS "appointAudit",
              (SELECT count(*)::int FROM users) AS users`,
    )),
  });
  const before = await counts();
  // Kill points: a third of the appointments' pages written; then a third of the audit events'
  // (every appointment written, the transaction not yet committed).
  const stages = [
    { relation: 'officer_appointments', bytes: IMPORT_ROWS * 50, what: 'appointments' },
    { relation: 'audit_events', bytes: IMPORT_ROWS * 250, what: 'audit events' },
  ];
  for (const stage of stages) {
    const size = await instance.sizer(stage.relation);
    const base = await size();
    let settled = null;
    upload().then(
      (r) => (settled = `answered ${r.status}`),
      () => undefined, // the server died with the request
    );
    const kill = await killWhen(instance, {
      landed: async () => {
        const grown = (await size()) - base;
        return grown >= stage.bytes ? { grown } : null;
      },
      missed: () => settled !== null,
    });
    if (!kill) return checks.expect(false, `the import ended (${settled}) before the kill point: nothing tested`);
    await instance.restart();
    const after = await counts();
    checks.expect(
      after.appointments === before.appointments &&
        after.audit === before.audit &&
        after.appointAudit === before.appointAudit &&
        after.users === before.users,
      `killed ${fmt(kill.at)} ms after the upload began, ${kb(kill.grown)} of uncommitted ${stage.what} written (${kill.open}); ` +
        `after restart ${fmt(after.appointments - before.appointments)} of ${fmt(IMPORT_ROWS)} appointments, ` +
        `${fmt(after.appointAudit - before.appointAudit)} audit events, ${fmt(after.users - before.users)} users added`,
    );
  }
  const response = await upload();
  const body = await response.json();
  const after = await counts();
  checks.expect(
    response.status === 200 &&
      body.created === IMPORT_ROWS &&
      after.appointments === before.appointments + IMPORT_ROWS &&
      after.appointAudit === before.appointAudit + IMPORT_ROWS,
    `re-run answered ${response.status}, created ${fmt(body.created)}; ${fmt(after.appointments - before.appointments)} appointments and ${fmt(after.appointAudit - before.appointAudit)} audit events now`,
  );
}

// ----- Scenario 2: harvest merge -----------------------------------------------------------------

async function harvestSnapshot(instance) {
  return instance.one(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE deleted_at IS NULL)::int AS active,
            md5(coalesce(string_agg(ckan_id || '|' || coalesce(metadata_modified::text, '') || '|' || title || '|' ||
                (deleted_at IS NULL)::text || '|' || coalesce(last_run_id::text, ''), ',' ORDER BY ckan_id), '')) AS digest,
            (SELECT count(*)::int FROM portal_dataset_staging) AS staged
       FROM portal_datasets`,
  );
}

async function startHarvest(instance) {
  const response = await instance.coordinator.post('/api/v1/portal/runs', JSON.stringify({ mode: 'full' }), {
    'content-type': 'application/json',
  });
  return { status: response.status, body: await response.json() };
}

async function waitForRun(instance, id) {
  for (let i = 0; i < 1200; i++) {
    const run = await (await instance.coordinator.get(`/api/v1/portal/runs/${id}`)).json();
    if (run.status !== 'running') return run;
    await sleep(250);
  }
  throw new Error(`harvest ${id} still running after 5 minutes`);
}

async function harvestScenario(instance, checks) {
  const first = await startHarvest(instance);
  if (first.status !== 202) return checks.expect(false, `first harvest refused: ${first.status}`);
  const clean = await waitForRun(instance, first.body.id);
  checks.expect(
    clean.status === 'succeeded' && clean.created === catalogueSize,
    `clean run: ${clean.status}, ${fmt(clean.created)} of ${fmt(catalogueSize)} datasets created`,
  );
  let kill = null;
  let before;
  let change;
  let runId;
  for (let attempt = 1; attempt <= 3 && !kill; attempt++) {
    change = await changeCatalogue();
    before = await harvestSnapshot(instance);
    const size = await instance.sizer('portal_datasets');
    const base = await size();
    const run = await startHarvest(instance);
    if (run.status !== 202) return checks.expect(false, `harvest refused: ${run.status}`);
    runId = run.body.id;
    let mergeSeen = null;
    let ended = null;
    const watch = (async () => {
      while (!ended && instance.server.process.exitCode === null) {
        await sleep(1000);
        const view = await instance.coordinator
          .get(`/api/v1/portal/runs/${runId}`)
          .then((r) => r.json())
          .catch(() => null);
        if (view && view.status !== 'running') ended = view.status;
      }
    })();
    kill = await killWhen(instance, {
      // The merge is the only writer of portal_datasets: its file growing means the merge has begun.
      // Then 150 ms more, inside the merge's transaction.
      landed: async () => {
        const grown = (await size()) - base;
        if (grown > 0 && mergeSeen === null) mergeSeen = performance.now();
        return mergeSeen !== null && performance.now() - mergeSeen >= 150 ? { grown } : null;
      },
      missed: () => ended !== null,
    });
    if (!kill) {
      ended ??= (await waitForRun(instance, runId)).status;
      checks.fact(`attempt ${attempt} missed: the run ended (${ended}) before the kill; another change, again`);
    } else kill.intoMerge = Math.round(performance.now() - mergeSeen);
    ended ??= 'killed';
    await watch;
  }
  if (!kill) return checks.expect(false, 'the kill never landed inside the merge');
  await instance.restart();
  const afterRestart = await harvestSnapshot(instance);
  const deadRun = await instance.one(`SELECT status, failure FROM harvest_runs WHERE id = $1`, [runId]);
  const deadStaged = (
    await instance.one(`SELECT count(*)::int AS n FROM portal_dataset_staging WHERE run_id = $1`, [runId])
  ).n;
  checks.expect(
    afterRestart.digest === before.digest &&
      afterRestart.total === before.total &&
      afterRestart.active === before.active,
    `killed ~${kill.intoMerge} ms into the merge, ${kb(kill.grown)} of uncommitted dataset rows written (${kill.open}); ` +
      `after restart portal_datasets ${afterRestart.digest === before.digest ? 'identical to' : 'DIFFERS from'} before the run ` +
      `(${fmt(afterRestart.active)} active of ${fmt(afterRestart.total)})`,
  );
  checks.fact(
    `after restart the killed run is "${deadRun.status}"${deadRun.failure ? ` (${deadRun.failure})` : ''}, ${fmt(deadStaged)} of its staged rows left`,
  );

  // What the portal page is told (it offers to start a harvest only when none is running).
  const shown = async () =>
    (await (await instance.coordinator.get('/api/v1/portal/status')).json()).running?.id ?? null;
  const shownAfterRestart = await shown();
  let next = await startHarvest(instance);
  if (instance.kind === 'embedded') {
    // One process per data directory: whatever was running when the server started was interrupted.
    checks.expect(
      next.status === 202 && shownAfterRestart === null,
      `embedded: right after the restart /portal/status ${shownAfterRestart === null ? 'shows no run running' : 'still shows the killed run running'} ` +
        `and a new harvest ${next.status === 202 ? 'starts (the interrupted run is released)' : `is refused (${next.status} ${next.body.code})`}`,
    );
  } else {
    checks.expect(
      next.status === 409 && next.body.code === 'HARVEST_RUNNING' && shownAfterRestart === runId,
      `PostgreSQL: right after the restart /portal/status ${shownAfterRestart === runId ? 'shows the killed run running' : `shows ${shownAfterRestart}`} ` +
        `and a new harvest is ${next.status === 409 ? `refused (409 ${next.body.code}): another instance could be running it, so it keeps the lock until its heartbeat is ${HARVEST_ABANDONED_MS / 60_000} min old` : `answered ${next.status}`}`,
    );
  }
  if (next.status === 409) {
    // Ten minutes pass (aged by SQL rather than waited for): the run's lock expires.
    await instance.sql(
      `UPDATE harvest_runs SET heartbeat_at = heartbeat_at - make_interval(secs => $2) WHERE id = $1`,
      [runId, HARVEST_ABANDONED_MS / 1000 + 1],
    );
    const shownAfterExpiry = await shown();
    next = await startHarvest(instance);
    checks.expect(
      next.status === 202 && shownAfterExpiry === null,
      `heartbeat aged by 10 min (SQL): /portal/status ${shownAfterExpiry === null ? 'shows no run running' : 'still shows it running'} ` +
        `and a new harvest ${next.status === 202 ? 'starts' : `is refused (${next.status})`}`,
    );
  }
  if (next.status !== 202) return;
  const recovered = await waitForRun(instance, next.body.id);
  const dead = await instance.one(`SELECT status, failure FROM harvest_runs WHERE id = $1`, [runId]);
  const after = await harvestSnapshot(instance);
  checks.expect(
    dead.status === 'failed',
    `the killed run ends "${dead.status}"${dead.failure ? ` (${dead.failure})` : ''}`,
  );
  checks.expect(
    recovered.status === 'succeeded' &&
      recovered.created === change.added &&
      recovered.updated === change.modified &&
      recovered.deleted === change.deleted &&
      after.active === catalogueSize,
    `next run ${recovered.status}: ${fmt(recovered.created)}/${fmt(recovered.updated)}/${fmt(recovered.deleted)} created/updated/deleted ` +
      `for ${fmt(change.added)}/${fmt(change.modified)}/${fmt(change.deleted)} changed in the catalogue; ${fmt(after.active)} active = ${fmt(catalogueSize)} in the catalogue`,
  );
  checks.expect(after.staged === 0, `staging rows left after the next run: ${fmt(after.staged)}`);
}

// ----- Scenario 3: notification delivery ---------------------------------------------------------

async function notifyScenario(instance, checks) {
  const [{ count: institutions }] = await instance.sql(`SELECT count(*)::int AS count FROM institutions WHERE active`);
  await instance.sql(
    `WITH inst AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM institutions WHERE active)
     INSERT INTO users (email, display_name, role, institution_id, preferred_locale)
     SELECT 'officer' || g || '@crash.ma', 'Officer ' || g, 'OFFICER', inst.id, (ARRAY['ar', 'fr', 'en'])[1 + g % 3]
       FROM generate_series(1, $1::int) g JOIN inst ON inst.k = g % $2`,
    [RECIPIENTS, institutions],
  );
  const [activity] = await instance.sql(`SELECT id FROM activities ORDER BY code LIMIT 1`);
  await instance.sql(
    `INSERT INTO activity_contributors (activity_id, institution_id) SELECT $1, id FROM institutions WHERE active ON CONFLICT DO NOTHING`,
    [activity.id],
  );
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
  const closes = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const response = await instance.coordinator.post(
    '/api/v1/reporting-rounds',
    JSON.stringify({ name: { fr: 'Campagne crash' }, opensOn: today, closesOn: closes, activityIds: [activity.id] }),
    { 'content-type': 'application/json' },
  );
  if (response.status !== 201)
    return checks.expect(false, `round not opened: ${response.status} ${await response.text()}`);
  const ids = new Set(
    (await instance.sql(`SELECT id FROM notifications WHERE kind = 'round.opened'`)).map((r) => r.id),
  );
  const ours = () => received.filter((m) => ids.has(m.notification));
  const distinct = () => new Set(ours().map((m) => m.notification)).size;
  checks.fact(`${fmt(ids.size)} e-mails queued by the round's opening`);

  const kills = [];
  let leftSending = 0;
  for (let k = 0; k < NOTIFY_KILLS; k++) {
    // A random point in this stretch of the delivery, a few messages in at least. Each statement of
    // the worker is its own transaction: the kill lands between "sent" and "marked sent", or not.
    const target = ours().length + 20 + Math.floor(Math.random() * Math.max(1, ids.size / (NOTIFY_KILLS + 1) - 20));
    while (ours().length < target && distinct() < ids.size) await sleep(2);
    if (distinct() >= ids.size) break;
    kills.push(ours().length);
    await instance.kill();
    const killedAt = new Date();
    if (instance.kind === 'postgres') leftSending += await ageLeases(instance.db.url, killedAt);
    await instance.restart();
    if (instance.kind === 'embedded') leftSending += await ageLeases(null, killedAt, instance);
  }
  const deadline = performance.now() + 180_000;
  let states;
  for (;;) {
    states = await instance.one(
      `SELECT count(*) FILTER (WHERE email_state = 'sent')::int AS sent, count(*)::int AS total,
              count(*) FILTER (WHERE email_state = 'sending')::int AS sending, max(attempts)::int AS "maxAttempts"
         FROM notifications WHERE kind = 'round.opened'`,
    );
    if ((states.sent === states.total && distinct() >= ids.size) || performance.now() > deadline) break;
    await sleep(200);
  }
  await sleep(1000); // any late copy
  const copies = new Map();
  for (const m of ours()) {
    const entry = copies.get(m.notification) ?? { n: 0, messageIds: new Set() };
    entry.n += 1;
    entry.messageIds.add(m.messageId);
    copies.set(m.notification, entry);
  }
  const duplicates = [...copies.values()].reduce((sum, e) => sum + e.n - 1, 0);
  const twice = [...copies.values()].filter((e) => e.n > 1);
  const stableIds = twice.every((e) => e.messageIds.size === 1);
  const allowed = kills.length * DUPLICATES_PER_KILL;
  checks.fact(
    `${kills.length} kills mid-delivery, after ${kills.map((k) => fmt(k)).join(', ')} messages received; ` +
      `${fmt(leftSending)} messages left "sending" under the dead workers' leases (aged by SQL instead of waiting 120 s)`,
  );
  checks.expect(
    distinct() === ids.size && states.sent === ids.size,
    `${fmt(distinct())} of ${fmt(ids.size)} delivered, ${fmt(states.sent)} marked sent (${fmt(states.sending)} still sending)`,
  );
  checks.expect(
    duplicates <= allowed && stableIds,
    `${fmt(duplicates)} duplicates over ${kills.length} kills (at most ${allowed}: ${DUPLICATES_PER_KILL} a kill, 2 on each of the ${MAIL_CONNECTIONS} SMTP connections); ` +
      `each duplicate ${stableIds ? 'has' : 'does NOT have'} its original's Message-ID`,
  );
  return { duplicates, kills: kills.length };
}

/**
 * The leases of the messages the killed process had claimed run out after 120 s: aged by SQL
 * instead (only those claimed before the kill), so the next worker takes them at once.
 */
async function ageLeases(url, killedAt, instance) {
  const text = `UPDATE notifications SET lease_until = now() - interval '1 second'
                 WHERE email_state = 'sending' AND lease_until - interval '120 seconds' <= $1 RETURNING id`;
  if (instance) return (await instance.sql(text, [killedAt])).length;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rowCount } = await client.query(text, [killedAt]);
  await client.end();
  return rowCount;
}

// ----- Run ---------------------------------------------------------------------------------------

const SCENARIO_RUNNERS = { import: importScenario, harvest: harvestScenario, notify: notifyScenario };
const SCENARIO_NAMES = {
  import: 'officers import',
  harvest: 'harvest merge',
  notify: 'notification delivery',
};
const results = [];
ensureBuilt();
try {
  for (const [i, kind] of DATABASES.entries()) {
    const instance = new Instance(kind, 3490 + i);
    try {
      log(`${kind}: starting`);
      await instance.open();
      for (const scenario of SCENARIOS) {
        const checks = new Checks();
        const t = performance.now();
        log(`${kind}: ${SCENARIO_NAMES[scenario]}`);
        let extra = {};
        try {
          extra = (await SCENARIO_RUNNERS[scenario](instance, checks)) ?? {};
        } catch (error) {
          checks.expect(false, `error: ${error.message}`);
          if (instance.server.process.exitCode !== null) await instance.restart().catch(() => undefined);
        }
        const result = {
          scenario: SCENARIO_NAMES[scenario],
          database: kind === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)',
          pass: checks.failures.length === 0,
          seconds: +((performance.now() - t) / 1000).toFixed(1),
          facts: checks.facts,
          ...extra,
        };
        results.push(result);
        for (const fact of result.facts) log(`  ${fact}`);
      }
      const facts = [
        `${instance.starts - 1} restarts after kill -9, each ready in ${instance.restartMs.map((ms) => fmt(ms)).join(' / ')} ms`,
      ];
      const restartOk = instance.restartMs.length === instance.starts - 1;
      if (kind === 'embedded') {
        const dead = instance.staleLocks.filter((l) => !l.alive && l.killed).length;
        facts.push(
          `the data directory opened every time; ${dead} of ${instance.staleLocks.length} restarts found pg.lock held by the killed (dead) process and took it over`,
        );
      }
      results.push({
        scenario: 'restart after kill -9',
        database: kind === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)',
        pass:
          restartOk &&
          (kind !== 'embedded' ||
            (instance.staleLocks.length === instance.starts - 1 &&
              instance.staleLocks.every((l) => !l.alive && l.killed))),
        seconds: 0,
        facts,
      });
    } catch (error) {
      results.push({
        scenario: 'setup',
        database: kind,
        pass: false,
        seconds: 0,
        facts: [`FAILED: ${error.stack ?? error.message}`],
      });
    } finally {
      await instance.stop();
    }
  }
} finally {
  fixture.send({ type: 'stop' });
  sink.close();
}

const totalSeconds = +((performance.now() - started) / 1000).toFixed(1);
console.log('\nCrash tests: kill -9 of the API mid-write, then a restart (issue #17)\n');
const width = Math.max(...results.map((r) => `${r.scenario} × ${r.database}`.length));
for (const r of results) {
  console.log(`${`${r.scenario} × ${r.database}`.padEnd(width)}  ${r.pass ? 'PASS' : 'FAIL'}  (${r.seconds} s)`);
  for (const fact of r.facts) console.log(`${' '.repeat(width + 2)}  - ${fact}`);
}
const failed = results.filter((r) => !r.pass).length;
console.log(`\n${results.length - failed} passed, ${failed} failed, in ${totalSeconds} s`);
mkdirSync('tmp', { recursive: true });
writeFileSync(
  'tmp/crash.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      sizes: { IMPORT_ROWS, DATASETS, CHANGE, RECIPIENTS, NOTIFY_KILLS },
      totalSeconds,
      results,
    },
    null,
    2,
  ),
);
process.exit(failed ? 1 : 0);
