// npm run bench:reporting — validation at national scale, on the local PostgreSQL server (a fresh
// database, dropped afterwards): 2,000 administrations, 26 activities with 40 contributors each,
// 20,000 progress reports (15,000 validated, 4,000 awaiting validation, 1,000 returned), an open
// reporting round over the 26 activities (the reports of its window tied to it, half the
// administrations' confirmations given), and the three homes.
// Target: p95 ≤ 50 ms with 20 concurrent clients.
import pg from 'pg';
import { ensureBuilt, freshDatabase, load, signIn, startServer } from './lib.mjs';

const PORT = 3195;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 20;

ensureBuilt();
const db = await freshDatabase('marsad_bench_reporting');
let server;
try {
  server = await startServer({ port: PORT, databaseUrl: db.url });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const {
    rows: [{ n }],
  } = await client.query(`SELECT count(*)::int AS n FROM institutions`);
  await client.query(
    `INSERT INTO institutions (code, name, type, acronym, search_text)
     SELECT 'EP' || lpad(i::text, 4, '0'), jsonb_build_object('fr', 'Établissement public n° ' || i, 'ar', 'مؤسسة عمومية رقم ' || i, 'en', 'Public body ' || i),
            'public_institution', 'EP' || i, 'etablissement public ' || i
     FROM generate_series(1, $1::int) AS i`,
    [Math.max(0, 2000 - n)],
  );
  // 40 contributors per activity, drawn across the registry.
  await client.query(`INSERT INTO activity_contributors (activity_id, institution_id)
    SELECT a.id, i.id FROM activities a
    CROSS JOIN LATERAL (SELECT id FROM institutions ORDER BY md5(a.id::text || id::text) LIMIT 40) i
    ON CONFLICT DO NOTHING`);
  const argon2 = (await import('argon2')).default;
  const hash = await argon2.hash('Bench-coordinator-2026', {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  await client.query(
    `INSERT INTO users (email, display_name, role, password_hash) VALUES ('bench@add.gov.ma', 'Bench', 'COORDINATOR', $1),
       ('comite@bench.ma', 'Bench committee', 'COMMITTEE', $1)`,
    [hash],
  );
  // An officer of an administration that contributes to several activities.
  const {
    rows: [officerOf],
  } = await client.query(
    `SELECT i.id, i.code FROM institutions i JOIN activity_contributors c ON c.institution_id = i.id
      GROUP BY i.id, i.code ORDER BY count(*) DESC, i.code LIMIT 1`,
  );
  await client.query(
    `INSERT INTO users (email, display_name, role, password_hash, institution_id) VALUES ('rod@bench.ma', 'Bench officer', 'OFFICER', $1, $2)`,
    [hash, officerOf.id],
  );
  // 20,000 reports, each by one of its activity's contributors, spread over two years.
  await client.query(`INSERT INTO progress_updates (activity_id, reported_on, author_name, author_institution_id, state, submitted_at, decided_at, decided_by_name, return_comment, status, progress, narrative, blockers)
    SELECT c.activity_id, (date '2025-01-01' + (g % 700)), 'Officer ' || g, c.institution_id,
           CASE WHEN g % 20 < 15 THEN 'validated' WHEN g % 20 < 19 THEN 'submitted' ELSE 'returned' END,
           timestamptz '2025-01-01' + (g % 700) * interval '1 day',
           CASE WHEN g % 20 < 15 OR g % 20 = 19 THEN timestamptz '2025-01-02' + (g % 700) * interval '1 day' END,
           CASE WHEN g % 20 < 15 OR g % 20 = 19 THEN 'Bench' END,
           CASE WHEN g % 20 = 19 THEN 'Joindre le procès-verbal' END,
           'in_progress', g % 100, jsonb_build_object('fr', 'Rapport ' || g),
           CASE WHEN g % 7 = 0 THEN '[{"category":"budget","text":"Crédits"}]'::jsonb ELSE '[]'::jsonb END
    FROM generate_series(1, 20000) AS g
    JOIN LATERAL (SELECT activity_id, institution_id FROM activity_contributors ORDER BY md5(g::text || activity_id::text || institution_id::text) LIMIT 1) c ON true`);
  // An open round over every activity: the reports of the last 90 days count for it.
  const {
    rows: [round],
  } = await client.query(
    `INSERT INTO reporting_rounds (plan_id, name, opens_on, closes_on)
     SELECT id, '{"fr":"Cycle de charge"}'::jsonb, current_date - 90, current_date + 30 FROM plans LIMIT 1 RETURNING id`,
  );
  await client.query(`INSERT INTO reporting_round_activities (round_id, activity_id) SELECT $1, id FROM activities`, [
    round.id,
  ]);
  await client.query(
    `UPDATE progress_updates SET first_submitted_at = submitted_at,
            round_id = CASE WHEN submitted_at >= current_date - 90 THEN $1::uuid END`,
    [round.id],
  );
  await client.query(
    `INSERT INTO reporting_round_confirmations (round_id, institution_id, kind, confirmed_by_name)
     SELECT $1, i.id, k.kind, 'Bench' FROM (SELECT DISTINCT institution_id AS id FROM activity_contributors) i
     CROSS JOIN (VALUES ('officers'), ('inventory')) AS k(kind) WHERE md5(i.id::text || k.kind) < '8'`,
    [round.id],
  );
  const { rows: counts } = await client.query(
    `SELECT state, count(*)::int AS n FROM progress_updates GROUP BY state ORDER BY state`,
  );
  const { rows: activities } = await client.query(`SELECT id FROM activities ORDER BY code`);
  // Settle the bulk load first, so autovacuum does not run during the measurements.
  await client.query('VACUUM ANALYZE');
  await client.end();
  console.log(
    `reports: ${counts.map((c) => `${c.state} ${c.n}`).join(', ')}; activities: ${activities.length} × 40 contributors`,
  );

  const coordinator = await signIn(server.base, 'bench@add.gov.ma', 'Bench-coordinator-2026');
  const asCoordinator = { headers: { cookie: coordinator.cookie } };
  const queue = await (await coordinator.get('/api/v1/validation-queue')).json();
  console.log(
    `validation queue: ${queue.total} waiting, ${queue.items.length} listed, oldest ${queue.oldestSubmittedAt}`,
  );
  const committee = await signIn(server.base, 'comite@bench.ma', 'Bench-coordinator-2026');
  const officer = await signIn(server.base, 'rod@bench.ma', 'Bench-coordinator-2026');
  const asCommittee = { headers: { cookie: committee.cookie } };
  const asOfficer = { headers: { cookie: officer.cookie } };
  const roundView = await (await coordinator.get(`/api/v1/reporting-rounds/${round.id}`)).json();
  console.log(
    `open round: ${roundView.administrationCount} administrations owe ${roundView.tally.owed}; completion ${roundView.tally.completion} %`,
  );
  const scenarios = {
    'validation queue (coordinator)': () => [`${server.base}/api/v1/validation-queue`, asCoordinator],
    "officer's home, my administration": () => [
      `${server.base}/api/v1/home/administration/${officerOf.code}`,
      asOfficer,
    ],
    'coordinator workbench': () => [`${server.base}/api/v1/home/workbench`, asCoordinator],
    "committee's home": () => [`${server.base}/api/v1/home/committee`, asCommittee],
    "the round's standing (coordinator)": () => [`${server.base}/api/v1/reporting-rounds/${round.id}`, asCoordinator],
    'who has not reported, first page (coordinator)': () => [
      `${server.base}/api/v1/reporting-rounds/${round.id}/administrations?filter=missing`,
      asCoordinator,
    ],
    'an activity with its validated reports (public)': (c, i) =>
      `${server.base}/api/v1/activities/${activities[(c + i) % activities.length].id}`,
    'the plan, validated figures (public)': () => `${server.base}/api/v1/plans/PANDO-2021`,
  };
  for (const [name, next] of Object.entries(scenarios)) {
    const [url, init = {}] = [].concat(next(0, 0));
    const sample = await fetch(url, { ...init, headers: { ...init.headers, 'accept-encoding': 'identity' } });
    console.log(`${name}: ${Math.round((await sample.arrayBuffer()).byteLength / 1024)} kB of JSON`);
    await load({ clients: CLIENTS, seconds: 3, next }); // warm-up
    const figures = await load({ clients: CLIENTS, seconds: SECONDS, next });
    console.log(`${name}: ${JSON.stringify(figures)} (target p95 ≤ 50 ms)`);
  }
} finally {
  await server?.stop();
  await db.drop();
}
