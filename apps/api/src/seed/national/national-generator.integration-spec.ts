import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@marsad/contracts';
import { MIGRATIONS } from '../../database/migrations';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../app.module';
import { createApp, prepareDatabase } from '../../bootstrap';
import { loadConfig, type AppConfig } from '../../config/app-config';
import type { DatabaseTarget } from '../../database/data-source-options';
import { openTestDatabase } from '../../testing/test-app';
import { generateNationalDataSet, NationalRefusal, type NationalReport } from './national-generator';
import { NATIONAL_PASSWORD, NATIONAL_STRUCTURE, volumesFor, type NationalOptions } from './national-options';

const OPTIONS: NationalOptions = { asOf: '2026-12-01', scale: 0.05, seed: 2026 };

/** A checksum of every table's rows (in a fixed order), to compare two databases. */
async function checksums(dataSource: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
  );
  const rows: { name: string; sum: string }[] = await dataSource.query(
    tables
      .map(
        (t) =>
          `SELECT '${t.name}' AS name, (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM "${t.name}" x) AS sum`,
      )
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

async function generateInto(
  config: AppConfig,
  database: DatabaseTarget,
): Promise<{ report: NationalReport; sums: Record<string, string> }> {
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, database),
    { logger: false },
  );
  try {
    const dataSource = context.get(DataSource);
    await dataSource.runMigrations({ transaction: 'each' });
    const report = await generateNationalDataSet(context, OPTIONS, () => undefined);
    await expect(generateNationalDataSet(context, OPTIONS, () => undefined)).rejects.toThrow(NationalRefusal);
    return { report, sums: await checksums(dataSource) };
  } finally {
    await context.close();
  }
}

describe('db:generate:national', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-national-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    WEB_DIST: join(dataDir, 'no-web'),
    SIGN_IN_RATE_LIMIT: '1000',
    PUBLIC_READ_RATE_LIMIT: '100000',
  });
  let database: DatabaseTarget;
  let first: { report: NationalReport; sums: Record<string, string> };
  let app: NestExpressApplication | null = null;

  beforeAll(async () => {
    database = await openTestDatabase();
    first = await generateInto(config, database);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the volumes asked, scaled, and the year’s fixed structure', () => {
    const rows = Object.fromEntries(first.report.rows.map((r) => [r.table, r.rows]));
    const volumes = volumesFor(OPTIONS.scale);
    expect(rows).toEqual(
      expect.objectContaining({
        institutions: 130 + 12 + 83 + 1503,
        officer_appointments: volumes.appointments,
        progress_updates: volumes.reports,
        committee_action_items: volumes.actionItems,
        plan_events: volumes.events,
        event_participants: volumes.participations,
        reuses: volumes.reuses,
        portal_datasets: volumes.datasets,
        audit_events: volumes.auditEvents,
        notifications: volumes.notifications,
        reporting_rounds: NATIONAL_STRUCTURE.rounds,
        committee_meetings: NATIONAL_STRUCTURE.meetings,
        plan_snapshots: NATIONAL_STRUCTURE.snapshotDays,
      }),
    );
    // Officers' accounts: one per appointment, plus the staff and the committee's people.
    expect(rows['users']).toBeGreaterThan(volumes.appointments);
    expect(first.report.anchoredIds).toBe(true);
  });

  it('writes the same rows twice (every draw comes from the seed, every instant from the as-of day)', async () => {
    const second = await openTestDatabase();
    try {
      const again = await generateInto(config, second);
      const differing = Object.keys(first.sums).filter((table) => first.sums[table] !== again.sums[table]);
      expect(differing).toEqual([]);
      expect(Object.keys(again.sums).sort()).toEqual(Object.keys(first.sums).sort());
    } finally {
      await second.stop();
    }
  }, 600_000);

  it('keeps the invariants the services rely on', async () => {
    const context = await NestFactory.createApplicationContext(AppModule.forRoot(config, database), { logger: false });
    try {
      const q = (sql: string) => context.get(DataSource).query(sql);
      const [facts] = await q(`SELECT
        (SELECT count(*)::int FROM metric_snapshots WHERE institution_id IS NULL) AS national_days,
        (SELECT count(*)::int FROM reporting_rounds WHERE closed_at IS NOT NULL AND frozen IS NULL) AS unfrozen,
        (SELECT count(*)::int FROM reporting_rounds WHERE closed_at IS NULL) AS open_rounds,
        (SELECT count(*)::int FROM progress_updates WHERE state = 'validated' AND decided_at IS NULL) AS undecided,
        (SELECT count(*)::int FROM progress_updates WHERE status = 'completed' AND progress <> 100) AS incomplete,
        (SELECT count(*)::int FROM progress_updates u JOIN reporting_rounds r ON r.id = u.round_id
          WHERE u.first_submitted_at > coalesce(r.closed_at, '2026-12-01T18:00:00+01:00')
             OR u.first_submitted_at < r.opens_on::timestamptz - interval '1 day') AS outside_round,
        (SELECT count(*)::int FROM activities a WHERE a.figures_source = 'validated' AND (a.status, a.progress) <>
          (SELECT u.status, u.progress FROM progress_updates u WHERE u.activity_id = a.id AND u.state = 'validated'
            ORDER BY u.reported_on DESC, u.decided_at DESC LIMIT 1)) AS stale_figures,
        (SELECT count(*)::int FROM notifications WHERE email_state IN ('pending', 'sending')) AS waiting_mail,
        (SELECT count(*)::int FROM harvest_runs WHERE status = 'running') AS running,
        (SELECT count(*)::int FROM event_participants p JOIN officer_appointments a ON a.id = p.appointment_id
          WHERE a.institution_id <> p.institution_id OR a.role <> p.role) AS participant_mismatch,
        (SELECT max(occurred_at) <= '2026-12-01T18:00:00+01:00' FROM audit_events) AS audit_in_year,
        (SELECT count(*)::int FROM users WHERE email NOT LIKE '%@national.example.ma') AS foreign_emails`);
      expect(facts).toEqual({
        national_days: NATIONAL_STRUCTURE.snapshotDays,
        unfrozen: 0,
        open_rounds: 1,
        undecided: 0,
        incomplete: 0,
        outside_round: 0,
        stale_figures: 0,
        waiting_mail: 0,
        running: 0,
        participant_mismatch: 0,
        audit_in_year: true,
        foreign_emails: 0,
      });
      // The trail written in bulk speaks the audit vocabulary, as AuditService would.
      const codes: { action: string; entity_type: string }[] = await q(
        `SELECT DISTINCT action, entity_type FROM audit_events`,
      );
      expect(codes.length).toBeGreaterThan(10);
      expect(codes.filter((c) => !(AUDIT_ACTIONS as readonly string[]).includes(c.action))).toEqual([]);
      expect(codes.filter((c) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(c.entity_type))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves the application: public pages, a round, and an officer signed in', async () => {
    app = await createApp(config, database);
    await prepareDatabase(app, config);
    await app.init();
    const http = request(app.getHttpServer());
    await http.get('/api/health').expect(200);
    const plan = (await http.get('/api/v1/plans/PANDO-2021').expect(200)).body;
    expect(plan.measures.flatMap((m: { activities: unknown[] }) => m.activities)).toHaveLength(26);
    expect(plan.demo).toBe(false);
    const national = (await http.get('/api/v1/metrics/national').expect(200)).body;
    expect(national.asOf).toBe(OPTIONS.asOf);
    expect(national.history).toHaveLength(NATIONAL_STRUCTURE.snapshotDays);
    const scored = national.top[0].institution.code;
    const scorecard = (await http.get(`/api/v1/institutions/${encodeURIComponent(scored)}/metrics`).expect(200)).body;
    expect(scorecard.figures.datasets).toBeGreaterThan(0);
    expect(scorecard.history.length).toBeGreaterThan(1);
    await http.get(`/api/v1/institutions/${encodeURIComponent(scored)}/traffic-light`).expect(200);
    await http.get('/api/v1/coverage').expect(200);
    await http.get('/api/v1/reach').expect(200);
    await http.get('/api/v1/reuses').expect(200);
    await http.get('/api/v1/events').expect(200);
    await http.get('/api/v1/plans/PANDO-2021/history').expect(200);

    // An officer in office signs in with the generated password and reads their administration's officers.
    const dataSource = app.get(DataSource);
    const [officer] = await dataSource.query(
      `SELECT u.email, i.code FROM users u JOIN institutions i ON i.id = u.institution_id
        WHERE u.role = 'OFFICER' AND u.active AND i.code = 'MEF'`,
    );
    const agent = request.agent(app.getHttpServer());
    const signIn = await agent.post('/api/v1/auth/sign-in').send({ email: officer.email, password: NATIONAL_PASSWORD });
    expect(signIn.status).toBe(200);
    const officers = (await agent.get(`/api/v1/institutions/${officer.code}/officers`).expect(200)).body;
    expect(officers.some((o: { email: string | null }) => o.email === officer.email)).toBe(true);
    await agent.get('/api/v1/notifications').expect(200);
    await agent.get('/api/v1/committee/action-items').expect(200);
    const rounds = (await agent.get('/api/v1/reporting-rounds').expect(200)).body;
    expect(rounds).toHaveLength(NATIONAL_STRUCTURE.rounds);
    for (const round of rounds)
      await agent.get(`/api/v1/reporting-rounds/${round.id}/administrations/${officer.code}`).expect(200);

    // A coordinator reads the audit trail and the validation queue.
    const [coordinator] = await dataSource.query(
      `SELECT email FROM users WHERE role = 'COORDINATOR' ORDER BY email LIMIT 1`,
    );
    const add = request.agent(app.getHttpServer());
    await add.post('/api/v1/auth/sign-in').send({ email: coordinator.email, password: NATIONAL_PASSWORD }).expect(200);
    const audit = (await add.get('/api/v1/audit-events?pageSize=50').expect(200)).body;
    expect(audit.total).toBe(volumesFor(OPTIONS.scale).auditEvents);
    await add.get('/api/v1/validation-queue').expect(200);
    await add.get('/api/v1/committee/meetings').expect(200);
    for (const round of rounds) {
      const detail = (await add.get(`/api/v1/reporting-rounds/${round.id}`).expect(200)).body;
      expect(detail.tally.owed).toBeGreaterThan(0);
      await add.get(`/api/v1/reporting-rounds/${round.id}/administrations`).expect(200);
    }
  }, 300_000);

  it('lets every migration go down and up again on the populated database', async () => {
    if (!app) throw new Error('the previous test starts the application');
    const dataSource = app.get(DataSource);
    const [{ n: before }] = await dataSource.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(before).toBeGreaterThan(0);
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const [{ n: left }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(left).toBe(0);
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  }, 300_000);
});
