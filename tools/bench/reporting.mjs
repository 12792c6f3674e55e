// npm run bench:reporting — validation at national scale, on the local PostgreSQL server (a fresh
// database, dropped afterwards): 2,000 administrations, 26 activities with 40 contributors each,
// 20,000 progress reports (15,000 validated, 4,000 awaiting validation, 1,000 returned).
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
    `INSERT INTO users (email, display_name, role, password_hash) VALUES ('bench@add.gov.ma', 'Bench', 'COORDINATOR', $1)`,
    [hash],
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
  const { rows: counts } = await client.query(
    `SELECT state, count(*)::int AS n FROM progress_updates GROUP BY state ORDER BY state`,
  );
  const { rows: activities } = await client.query(`SELECT id FROM activities ORDER BY code`);
  await client.query('ANALYZE');
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
  const scenarios = {
    'validation queue (coordinator)': () => [`${server.base}/api/v1/validation-queue`, asCoordinator],
    'an activity with its validated reports (public)': (c, i) =>
      `${server.base}/api/v1/activities/${activities[(c + i) % activities.length].id}`,
    'the plan, validated figures (public)': () => `${server.base}/api/v1/plans/PANDO-2021`,
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
