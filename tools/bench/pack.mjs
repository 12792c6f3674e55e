// npm run bench:pack — the steering committee's meeting pack at national scale, on the local
// PostgreSQL server (a fresh database, dropped afterwards): the full registry plus 2,000 public
// bodies, 5,000 officers' appointments, 20,000 progress reports, 365 daily plan snapshots,
// 12 meetings (11 held) with 100 decisions and 300 action items. Each format is produced 10 times
// in a row for the planned meeting (the first PDF also starts Chromium).
// Target: ≤ 3 s per pack, PDF included. Results also go to tmp/bench-pack.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { ensureBuilt, freshDatabase, signIn, startServer } from './lib.mjs';

const PORT = 3196;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TARGET_MS = 3000;

ensureBuilt();
const db = await freshDatabase('marsad_bench_pack');
let server;
try {
  server = await startServer({ port: PORT, databaseUrl: db.url });
  const client = new pg.Client({ connectionString: db.url });
  client.on('error', () => {}); // the database is dropped at the end, with this client's connection
  await client.connect();
  await client.query(
    `INSERT INTO institutions (code, name, type, acronym, search_text)
     SELECT 'EP' || lpad(i::text, 4, '0'), jsonb_build_object('fr', 'Établissement public n° ' || i, 'ar', 'مؤسسة عمومية رقم ' || i),
            'public_institution', 'EP' || i, 'etablissement public ' || i
     FROM generate_series(1, 2000) AS i`,
  );
  await client.query(`INSERT INTO activity_contributors (activity_id, institution_id)
    SELECT a.id, i.id FROM activities a
    CROSS JOIN LATERAL (SELECT id FROM institutions ORDER BY md5(a.id::text || id::text) LIMIT 40) i
    ON CONFLICT DO NOTHING`);
  await client.query(`INSERT INTO officer_appointments (institution_id, role, status, full_name, email, appointed_on, ended_on)
    SELECT i.id, CASE WHEN g = 1 THEN 'ROD' ELSE 'GDD' END, CASE WHEN md5(i.id::text || g) < '3' THEN 'ended' ELSE 'active' END,
           jsonb_build_object('fr', 'Agent ' || i.code), lower(i.code) || g || '@bench.ma',
           date '2023-01-01' + (abs(hashtext(i.id::text || g)) % 1200),
           CASE WHEN md5(i.id::text || g) < '3' THEN date '2026-06-01' END
      FROM (SELECT id, code FROM institutions ORDER BY md5(id::text) LIMIT 2500) i CROSS JOIN generate_series(1, 2) g`);
  await client.query(`INSERT INTO progress_updates (activity_id, reported_on, author_name, author_institution_id, state, submitted_at, decided_at, decided_by_name, status, progress, narrative, blockers)
    SELECT c.activity_id, (date '2025-01-01' + (g % 700)), 'Officer ' || g, c.institution_id,
           CASE WHEN g % 20 < 15 THEN 'validated' ELSE 'submitted' END,
           timestamptz '2025-01-01' + (g % 700) * interval '1 day',
           CASE WHEN g % 20 < 15 THEN timestamptz '2025-01-02' + (g % 700) * interval '1 day' END,
           CASE WHEN g % 20 < 15 THEN 'Bench' END,
           'in_progress', g % 100, jsonb_build_object('fr', 'Rapport ' || g),
           CASE WHEN g % 7 = 0 THEN '[{"category":"budget","text":"Crédits"}]'::jsonb ELSE '[]'::jsonb END
    FROM generate_series(1, 20000) AS g
    JOIN LATERAL (SELECT activity_id, institution_id FROM activity_contributors ORDER BY md5(g::text || activity_id::text || institution_id::text) LIMIT 1) c ON true`);
  // A year of daily snapshots: today's, replayed backwards with progress falling into the past.
  await client.query(`INSERT INTO plan_snapshots (plan_id, day, progress, health, figures, is_demo, computed_at)
    SELECT s.plan_id, s.day - g, greatest(0, s.progress - g * 0.1), s.health, s.figures, false, now()
      FROM plan_snapshots s CROSS JOIN generate_series(1, 365) g
    ON CONFLICT DO NOTHING`);
  // 12 meetings a month apart, the last one planned; 100 decisions; 300 action items.
  await client.query(`INSERT INTO committee_meetings (number, starts_at, place, status, minutes, minutes_state)
    SELECT n, now() - (12 - n) * interval '30 days' + interval '14 days', 'ADD, Rabat',
           CASE WHEN n = 12 THEN 'planned' ELSE 'held' END,
           jsonb_build_object('fr', 'Procès-verbal ' || n), CASE WHEN n < 11 THEN 'approved' ELSE 'draft' END
      FROM generate_series(1, 12) n`);
  await client.query(`INSERT INTO committee_decisions (meeting_id, number, text, decided_on, measure_numbers)
    SELECT m.id, d, jsonb_build_object('fr', 'Décision ' || m.number || '.' || d), (m.starts_at)::date, ARRAY[1 + d % 13]
      FROM committee_meetings m CROSS JOIN generate_series(1, 10) d WHERE m.number <= 10`);
  await client.query(`INSERT INTO committee_action_items (decision_id, number, text, owner_institution_id, due_on, status, closing_evidence, closed_at)
    SELECT d.id, k, jsonb_build_object('fr', 'Action ' || d.number || '.' || k),
           (SELECT id FROM institutions ORDER BY md5(d.id::text || k || id::text) LIMIT 1),
           d.decided_on + 60,
           CASE WHEN md5(d.id::text || k) < '8' THEN 'done' WHEN md5(d.id::text || k) < 'c' THEN 'in_progress' ELSE 'open' END,
           CASE WHEN md5(d.id::text || k) < '8' THEN 'Fait' END,
           CASE WHEN md5(d.id::text || k) < '8' THEN d.decided_on + 50 END
      FROM committee_decisions d CROSS JOIN generate_series(1, 3) k`);
  await client.query(`INSERT INTO committee_agenda_items (meeting_id, position, title, action_item_id)
    SELECT m.id, row_number() OVER (ORDER BY a.due_on, a.id), '{}'::jsonb, a.id
      FROM committee_meetings m, committee_action_items a WHERE m.number = 12 AND a.status IN ('open', 'in_progress')`);
  const argon2 = (await import('argon2')).default;
  const hash = await argon2.hash('Bench-committee-2026', {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  await client.query(
    `INSERT INTO users (email, display_name, role, password_hash) VALUES ('comite@bench.ma', 'Bench', 'COMMITTEE', $1)`,
    [hash],
  );
  const {
    rows: [counts],
  } = await client.query(`SELECT
      (SELECT count(*) FROM institutions)::int AS institutions, (SELECT count(*) FROM officer_appointments)::int AS appointments,
      (SELECT count(*) FROM progress_updates)::int AS reports, (SELECT count(*) FROM plan_snapshots)::int AS snapshots,
      (SELECT count(*) FROM committee_action_items)::int AS items,
      (SELECT count(*) FROM committee_action_items WHERE status IN ('open', 'in_progress'))::int AS open`);
  const {
    rows: [planned],
  } = await client.query(`SELECT id FROM committee_meetings WHERE number = 12`);
  await client.query('VACUUM ANALYZE');
  await client.end();
  console.log(`data: ${JSON.stringify(counts)}`);

  const committee = await signIn(server.base, 'comite@bench.ma', 'Bench-committee-2026');
  const results = {};
  const packs = [];
  for (const [format, lang] of [
    ['json', 'fr'],
    ['html', 'ar'],
    ['xlsx', 'fr'],
    ['pdf', 'ar'],
    ['pdf', 'fr'],
  ]) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const response = await committee.get(
        `/api/v1/committee/meetings/${planned.id}/pack?format=${format}&lang=${lang}`,
      );
      bytes = (await response.arrayBuffer()).byteLength;
      if (!response.ok) throw new Error(`${format} ${response.status}`);
      times.push(performance.now() - started);
    }
    const first = times[0];
    times.sort((a, b) => a - b);
    packs.push({
      format,
      lang,
      firstMs: Math.round(first),
      medianMs: Math.round(times[Math.floor(times.length / 2)]),
      p95Ms: Math.round(times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)]),
      maxMs: Math.round(times[times.length - 1]),
      kB: Math.round(bytes / 1024),
    });
    results[`${format} ${lang}`] = {
      first: Math.round(first),
      p50: Math.round(times[Math.floor(times.length / 2)]),
      max: Math.round(times[times.length - 1]),
      kB: Math.round(bytes / 1024),
    };
    console.log(`pack ${format} (${lang}): ${JSON.stringify(results[`${format} ${lang}`])} ms (target ≤ 3000 ms)`);
  }
  // The headline figures: per format, the slower language's (PDF in both Arabic and French).
  const worst = (format, key) => Math.max(...packs.filter((p) => p.format === format).map((p) => p[key]));
  const report = {
    measuredAt: new Date().toISOString(),
    pdfMedianMs: worst('pdf', 'medianMs'),
    pdfP95Ms: worst('pdf', 'p95Ms'),
    pdfFirstMs: worst('pdf', 'firstMs'),
    jsonMedianMs: worst('json', 'medianMs'),
    htmlMedianMs: worst('html', 'medianMs'),
    xlsxMedianMs: worst('xlsx', 'medianMs'),
    slowestP95Ms: Math.max(...packs.map((p) => p.p95Ms)),
    target: '≤ 3 s per pack, PDF included',
    targetMs: TARGET_MS,
    runsPerFormat: RUNS,
    packs,
    data: counts,
  };
  mkdirSync('tmp', { recursive: true });
  writeFileSync('tmp/bench-pack.json', JSON.stringify(report, null, 2));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await server?.stop();
  await db.drop();
}
