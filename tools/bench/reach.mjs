// npm run bench:reach — the events' reach at national scale, on the local PostgreSQL server (a fresh
// database, dropped afterwards) with the built server: the full registry, 5,000 officers' appointments (one
// ROD and one GdD in office per administration, the rest ended),
// 300 events over two years and 20,000 participations (plus participants counted by category).
// GET /api/v1/reach under 20 concurrent clients for 10 s, warm (unchanged data) and cold (the first
// answer after an event changes). Target: p95 ≤ 50 ms with 20 clients.
import pg from 'pg';
import { ensureBuilt, freshDatabase, load, startServer } from './lib.mjs';

const PORT = 3198;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

ensureBuilt();
const db = await freshDatabase('marsad_bench_reach');
let server;
try {
  server = await startServer({ port: PORT, databaseUrl: db.url });
  const client = new pg.Client({ connectionString: db.url });
  client.on('error', () => undefined); // the database is dropped at the end, with this connection
  await client.connect();
  await client.query(`INSERT INTO officer_appointments (institution_id, role, status, full_name, email, appointed_on)
    SELECT i.id, CASE WHEN g = 1 THEN 'ROD' ELSE 'GDD' END, 'active', jsonb_build_object('fr', 'Agent ' || i.code),
           lower(i.code) || g || '@bench.ma', date '2024-01-01'
      FROM (SELECT id, code FROM institutions ORDER BY md5(id::text) LIMIT 2500) i CROSS JOIN generate_series(1, 2) g`);
  // Predecessors, ended: 5,000 appointments in all, as the register's history holds.
  await client.query(`INSERT INTO officer_appointments (institution_id, role, status, full_name, email, appointed_on, ended_on)
    SELECT institution_id, role, 'ended', full_name, 'old.' || email, date '2022-01-01', date '2023-12-31'
      FROM officer_appointments ORDER BY md5(id::text) LIMIT greatest(0, 5000 - (SELECT count(*) FROM officer_appointments))`);
  await client.query(`INSERT INTO plan_events (type, title, starts_on, ends_on, format, status, organiser_id)
    SELECT (ARRAY['workshop', 'training', 'training', 'promotion', 'hackathon'])[1 + g % 5],
           jsonb_build_object('fr', 'Événement ' || g), current_date - (g * 2), current_date - (g * 2) + 1, 'in_person',
           CASE WHEN g < 10 THEN 'planned' ELSE 'held' END,
           (SELECT id FROM institutions WHERE code = 'ADD')
      FROM generate_series(1, 300) g`);
  await client.query(`INSERT INTO event_participants (event_id, appointment_id, institution_id, role)
    SELECT e.id, a.id, a.institution_id, a.role
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM plan_events) e
      JOIN LATERAL (SELECT id, institution_id, role FROM officer_appointments
                     ORDER BY md5(e.id::text || id::text) LIMIT 67) a ON true
    ON CONFLICT DO NOTHING`);
  await client.query(`INSERT INTO event_participant_counts (event_id, category, count)
    SELECT id, 'students_researchers', 10 + abs(hashtext(id::text)) % 40 FROM plan_events`);
  // Feedback: about a third of the participations answered the form (6,000 answers).
  await client.query(`INSERT INTO event_feedback (event_id, nonce, overall, content, organisation)
    SELECT p.event_id, 'p' || replace(p.id::text, '-', ''), 1 + abs(hashtext(p.id::text)) % 5,
           1 + abs(hashtext(p.id::text || 'c')) % 5, NULL
      FROM event_participants p WHERE abs(hashtext(p.id::text)) % 10 < 3`);
  const {
    rows: [counts],
  } = await client.query(`SELECT (SELECT count(*) FROM institutions)::int AS institutions,
      (SELECT count(*) FROM officer_appointments)::int AS appointments, (SELECT count(*) FROM plan_events)::int AS events,
      (SELECT count(*) FROM event_participants)::int AS participations,
      (SELECT count(*) FROM event_feedback)::int AS feedback`);
  await client.query('VACUUM ANALYZE');
  console.log(`data: ${JSON.stringify(counts)}`);

  const url = `${server.base}/api/v1/reach`;
  const first = performance.now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`reach ${response.status}`);
  await response.arrayBuffer();
  const coldMs = Math.round(performance.now() - first);
  const warm = await load({ clients: 20, seconds: SECONDS, next: () => url });
  // Cold answers: change an event between rounds of 20 parallel requests.
  const cold = [];
  for (let i = 0; i < 20; i++) {
    await client.query(`UPDATE plan_events SET updated_at = now() WHERE id = (SELECT id FROM plan_events LIMIT 1)`);
    await new Promise((r) => setTimeout(r, 1100)); // the stamp is read at most once a second
    const started = performance.now();
    await Promise.all(Array.from({ length: 20 }, () => fetch(url).then((r) => r.arrayBuffer())));
    cold.push(performance.now() - started);
  }
  cold.sort((a, b) => a - b);
  console.log(`first answer: ${coldMs} ms`);
  console.log(`warm, 20 clients: ${JSON.stringify(warm)} (target p95 ≤ 50 ms)`);
  console.log(
    `cold (20 parallel requests right after a change), slowest of the 20: p50 ${Math.round(cold[10])} ms, p95 ${Math.round(cold[18])} ms`,
  );
  await client.end();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await server?.stop();
  await db.drop();
}
