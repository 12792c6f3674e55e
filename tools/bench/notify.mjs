// npm run bench:notify — a reporting round opening for every administration, on the local
// PostgreSQL server (a fresh database, dropped afterwards) with the built server: 10,000 officer
// and data-manager accounts spread over the whole registry, all concerned by the round. Measures
// the request that opens the round (its outbox rows are written in the same transaction), then the
// worker's delivery to a local SMTP server (smtp-server, in this process; the API is another).
// Targets: 10,000 notifications queued in ≤ 5 s; delivered at ≥ 50 messages/s.
// Results also go to tmp/bench-notify.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import argon2 from 'argon2';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { ensureBuilt, freshDatabase, signIn, startServer } from './lib.mjs';

const PORT = 3197;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const TARGETS = { queueMs: 5000, messagesPerSecond: 50 };

let received = 0;
let firstAt = 0;
let lastAt = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.resume(); // read and discard
    stream.on('end', () => {
      received += 1;
      lastAt = performance.now();
      if (received === 1) firstAt = lastAt;
      callback();
    });
  },
});
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
const smtpPort = sink.server.address().port;

ensureBuilt();
const db = await freshDatabase('marsad_bench_notify');
let server;
try {
  server = await startServer({
    port: PORT,
    databaseUrl: db.url,
    env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Marsad <marsad@bench.ma>', MAIL_POLL_MS: '200' },
  });
  const client = new pg.Client({ connectionString: db.url });
  client.on('error', () => undefined); // the database is dropped at the end, with this connection
  await client.connect();
  const [{ count: institutions }] = (await client.query(`SELECT count(*)::int AS count FROM institutions WHERE active`))
    .rows;
  // Accounts round-robin over every administration, officers and data managers in turn.
  await client.query(
    `WITH inst AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM institutions WHERE active)
     INSERT INTO users (email, display_name, role, institution_id, preferred_locale)
     SELECT 'agent' || g || '@bench.ma', 'Agent ' || g, CASE WHEN g % 2 = 0 THEN 'OFFICER' ELSE 'DATA_MANAGER' END,
            inst.id, (ARRAY['ar', 'fr', 'en'])[1 + g % 3]
       FROM generate_series(1, $1::int) g JOIN inst ON inst.k = g % $2`,
    [ACCOUNTS, institutions],
  );
  const [activity] = (await client.query(`SELECT id FROM activities ORDER BY code LIMIT 1`)).rows;
  await client.query(
    `INSERT INTO activity_contributors (activity_id, institution_id)
     SELECT $1, id FROM institutions WHERE active ON CONFLICT DO NOTHING`,
    [activity.id],
  );
  const hash = await argon2.hash('Bench-notify-2026', {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  await client.query(
    `INSERT INTO users (email, display_name, role, password_hash) VALUES ('coord@bench.ma', 'Bench', 'COORDINATOR', $1)`,
    [hash],
  );
  const coordinator = await signIn(server.base, 'coord@bench.ma', 'Bench-notify-2026');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
  const closes = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);

  const started = performance.now();
  const response = await coordinator.post(
    '/api/v1/reporting-rounds',
    JSON.stringify({
      name: { fr: 'Campagne nationale' },
      opensOn: today,
      closesOn: closes,
      activityIds: [activity.id],
    }),
    { 'content-type': 'application/json' },
  );
  const queuedMs = performance.now() - started;
  if (response.status !== 201) throw new Error(`round: ${response.status} ${await response.text()}`);
  const [{ queued }] = (
    await client.query(`SELECT count(*)::int AS queued FROM notifications WHERE kind = 'round.opened'`)
  ).rows;

  const deadline = performance.now() + 600_000;
  while (received < queued && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const [{ sent }] = (
    await client.query(
      `SELECT count(*)::int AS sent FROM notifications WHERE kind = 'round.opened' AND email_state = 'sent'`,
    )
  ).rows;
  const deliverySeconds = (lastAt - started) / 1000;
  const result = {
    administrations: institutions,
    accounts: ACCOUNTS,
    queued,
    queueMs: Math.round(queuedMs),
    received,
    markedSent: sent,
    deliverySeconds: +deliverySeconds.toFixed(1),
    messagesPerSecond: Math.round(received / deliverySeconds),
    steadyMessagesPerSecond: Math.round((received - 1) / ((lastAt - firstAt) / 1000)),
  };
  console.table(result);
  console.log(
    `queued ${queued} in ${result.queueMs} ms (target ≤ 5000): ${result.queueMs <= 5000 ? 'ok' : 'MISSED'}; ` +
      `delivered ${received} at ${result.messagesPerSecond}/s (target ≥ 50): ${result.messagesPerSecond >= 50 ? 'ok' : 'MISSED'}`,
  );
  mkdirSync('tmp', { recursive: true });
  writeFileSync(
    'tmp/bench-notify.json',
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        queueMs: result.queueMs,
        messagesPerSecond: result.messagesPerSecond,
        steadyMessagesPerSecond: result.steadyMessagesPerSecond,
        deliverySeconds: result.deliverySeconds,
        queued,
        received,
        markedSent: sent,
        accounts: ACCOUNTS,
        administrations: institutions,
        target: `${ACCOUNTS.toLocaleString('en')} notifications queued in ≤ 5 s; delivered at ≥ 50 messages/s`,
        targets: TARGETS,
        pass: result.queueMs <= TARGETS.queueMs && result.messagesPerSecond >= TARGETS.messagesPerSecond,
      },
      null,
      2,
    ),
  );
  await client.end();
} finally {
  await server?.stop();
  await db.drop();
  sink.close();
}
