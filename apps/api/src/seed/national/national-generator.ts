import type { INestApplicationContext } from '@nestjs/common';
import * as argon2 from 'argon2';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import actionPlan from '../data/action-plan-2021.json';
import { MetricsService } from '../../metrics/metrics.service';
import { demoLeadOf } from '../../plan/plan.demo-seed';
import { COORDINATOR_CODE, ReferenceSeedService } from '../reference-seed.service';
import { NationalContext } from './national-context';
import { generateCommittee } from './national-committee';
import { generateEvents, generateReuses } from './national-events';
import {
  NATIONAL_PASSWORD,
  NATIONAL_SETTING_KEY,
  NationalOptionsError,
  parseNationalOptions,
  type NationalOptions,
} from './national-options';
import { generateOfficers, generateStaff } from './national-people';
import { NationalPlan } from './national-plan';
import { NationalPortal } from './national-portal';
import { anchorReferenceRows } from './national-reference';
import { generateAudit, generateNotifications } from './national-trail';

/** Tables the reference seed leaves empty: any row in them means the database is in use. */
const DATA_TABLES = [
  'users',
  'officer_appointments',
  'progress_updates',
  'evidence',
  'milestones',
  'activity_contributors',
  'reporting_rounds',
  'committee_meetings',
  'committee_representatives',
  'plan_events',
  'event_participants',
  'reuses',
  'portal_datasets',
  'portal_organizations',
  'harvest_runs',
  'metric_snapshots',
  'inventory_items',
  'audit_events',
  'notifications',
  'award_editions',
  'plan_comments',
];
/** The only settings a fresh database holds: the reference seed's checksums. */
const REFERENCE_SETTINGS = ['central_administrations_checksum', 'divisions_checksum'];

export class NationalRefusal extends Error {}

export interface NationalReport {
  options: NationalOptions;
  rows: { table: string; rows: number }[];
  timings: { step: string; ms: number }[];
  seconds: number;
  /** Whether the reference rows got ids drawn from their codes (needs a superuser). */
  anchoredIds: boolean;
}

/**
 * `db:generate:national`: a realistic national year of the plan in a fresh database (see
 * national-options.ts for the volumes). Reference data first (the real seed: the registry of
 * central administrations and territorial divisions, the plan, the committee), then everything
 * else in one transaction, mostly as set-based SQL (INSERT … SELECT over generate_series, every
 * draw an md5 of the seed and the row's key), so two runs write the same rows.
 */
export async function generateNationalDataSet(
  app: INestApplicationContext,
  options: NationalOptions,
  log: (line: string) => void = (line) => console.log(line),
): Promise<NationalReport> {
  const started = performance.now();
  const dataSource = app.get(DataSource);
  await refuseUnlessFresh(dataSource);
  const reference = await app.get(ReferenceSeedService).run();
  log(`Reference data: ${reference.inserted} inserted, ${reference.updated} updated`);
  // One password hash for every account (argon2id as passwords.ts, its salt drawn from the seed).
  const passwordHash = await argon2.hash(NATIONAL_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
    salt: createHash('sha256').update(`marsad-national:${options.seed}`).digest().subarray(0, 16),
  });

  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const ctx = new NationalContext(runner, options, log);
  let anchoredIds = false;
  await runner.startTransaction();
  try {
    await runner.query(`SET LOCAL work_mem = '32MB'`);
    // JIT compiles these long generated expressions for seconds and saves nothing on them.
    await runner.query(`SET LOCAL jit = off`);
    await ctx.installHelpers();
    anchoredIds = await ctx.step('reference rows anchored', () => anchorReferenceRows(ctx));
    await ctx.loadInstitutions();
    const staff = await ctx.step('staff accounts', () => generateStaff(ctx, passwordHash));
    const coordinator = staff.find((s) => s.role === 'COORDINATOR');
    if (!coordinator) throw new Error('no coordinator');
    const priority = await priorityInstitutions(ctx);
    await ctx.step('officers and their accounts', () => generateOfficers(ctx, passwordHash, priority));
    const plan = new NationalPlan(ctx, staff);
    await ctx.step('plan: dates, leads, curves', () => plan.setUp());
    await ctx.step('plan: contributors', () => plan.drawContributors());
    await ctx.step('rounds, reports, confirmations', () => plan.generateRoundsAndReports());
    await ctx.step('closed rounds frozen', () => plan.freezeClosedRounds());
    await ctx.step('plan snapshots', () => plan.snapshots());
    await ctx.step('committee', () => generateCommittee(ctx, staff, passwordHash));
    await ctx.step('events and participants', () => generateEvents(ctx));
    const portal = new NationalPortal(ctx, coordinator.id);
    await ctx.step('portal organisations and mapping', () => portal.organisationsAndMapping(priority));
    await ctx.step('harvest runs', () => portal.harvestRuns());
    await ctx.step('portal datasets', () => portal.datasets());
    await ctx.step('metric snapshots', () => portal.metrics(app.get(MetricsService)));
    await ctx.step('reuses', () => generateReuses(ctx));
    await ctx.step('notifications', () => generateNotifications(ctx, staff));
    await ctx.step('audit trail', () => generateAudit(ctx, staff));
    await ctx.query(`INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2::jsonb, $3)`, [
      NATIONAL_SETTING_KEY,
      JSON.stringify({ asOf: options.asOf, scale: options.scale, seed: options.seed, anchoredIds }),
      ctx.asOfAt,
    ]);
    await ctx.dropHelpers();
    await ctx.step('commit', () => runner.commitTransaction());
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  // Fresh statistics for the planner: the tables went from empty to full in one transaction.
  await ctx.step('analyze', () => dataSource.query('ANALYZE'));
  const rows = await rowCounts(dataSource);
  return { options, rows, timings: ctx.timings, seconds: (performance.now() - started) / 1000, anchoredIds };
}

async function refuseUnlessFresh(dataSource: DataSource): Promise<void> {
  const counts: { table: string; n: number }[] = await dataSource.query(
    DATA_TABLES.map((table) => `SELECT '${table}' AS "table", (SELECT count(*)::int FROM "${table}") AS n`).join(
      ' UNION ALL ',
    ),
  );
  const used = counts.filter((c) => c.n > 0);
  const settings: { key: string }[] = await dataSource.query(
    `SELECT key FROM app_settings WHERE NOT (key = ANY($1::text[])) ORDER BY key`,
    [REFERENCE_SETTINGS],
  );
  if (used.length || settings.length)
    throw new NationalRefusal(
      `This database already holds data (${[
        ...used.map((c) => `${c.table}: ${c.n}`),
        ...settings.map((s) => `setting ${s.key}`),
      ].join(', ')}). db:generate:national fills a fresh database only: create an empty one ` +
        `(createdb, then DATABASE_URL) or point DATA_DIR at a new directory.`,
    );
}

/** The committee's members and the plan's leads: they always have an officer in office. */
async function priorityInstitutions(ctx: NationalContext): Promise<string[]> {
  const codes = new Set<string>([COORDINATOR_CODE, 'SGG', 'CNDP']);
  for (const member of actionPlan.governance.steeringCommittee.members) codes.add(member.code);
  const activities: { code: string; number: number }[] = await ctx.query(
    `SELECT a.code, m.number FROM activities a JOIN measures m ON m.id = a.measure_id`,
  );
  for (const a of activities) {
    const lead = demoLeadOf(a.number, a.code);
    if (lead) codes.add(lead);
    const measureLead = demoLeadOf(a.number, null);
    if (measureLead) codes.add(measureLead);
  }
  return [...codes].filter((code) => ctx.institutions.has(code)).sort();
}

async function rowCounts(dataSource: DataSource): Promise<{ table: string; rows: number }[]> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
  );
  const counts: { table: string; rows: number }[] = await dataSource.query(
    tables
      .map((t) => `SELECT '${t.name}' AS "table", (SELECT count(*)::int FROM "${t.name}") AS rows`)
      .join(' UNION ALL '),
  );
  return counts.filter((c) => c.rows > 0).sort((a, b) => a.table.localeCompare(b.table));
}

/** The CLI's command: parses the options, generates, prints the row counts and the time taken. */
export async function runNationalGeneration(app: INestApplicationContext, argv: readonly string[]): Promise<number> {
  let options: NationalOptions;
  try {
    options = parseNationalOptions(argv);
  } catch (error) {
    if (error instanceof NationalOptionsError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  console.log(
    `Generating the national data set (as of ${options.asOf}, scale ${options.scale}, seed ${options.seed})…`,
  );
  let report: NationalReport;
  try {
    report = await generateNationalDataSet(app, options);
  } catch (error) {
    if (error instanceof NationalRefusal) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const width = Math.max(...report.rows.map((r) => r.table.length));
  console.log('\nRows per table:');
  for (const { table, rows } of report.rows)
    console.log(`  ${table.padEnd(width)} ${rows.toLocaleString('en').padStart(9)}`);
  const total = report.rows.reduce((sum, r) => sum + r.rows, 0);
  console.log(`  ${'total'.padEnd(width)} ${total.toLocaleString('en').padStart(9)}`);
  if (!report.anchoredIds)
    console.log('\nNote: the reference rows kept random ids (re-keying them needs a superuser); the data are valid.');
  console.log(
    `\nDone in ${report.seconds.toFixed(1)} s; peak memory of this process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`,
  );
  console.log(`Accounts: every generated person signs in with the password ${NATIONAL_PASSWORD} (a test data set).`);
  return 0;
}
