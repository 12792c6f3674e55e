import { PASSWORD_MIN_LENGTH, type HarvestRunView } from '@marsad/contracts';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { DivisionsImportService } from './institutions/divisions-import.service';
import { AuditService } from './audit/audit.service';
import { backupCommand, restoreCommand } from './backup/backup-commands';
import { BackupProblem } from './backup/manifest';
import { User } from './auth/entities/user.entity';
import { passwordViolations, hashPassword } from './auth/passwords';
import { loadConfig } from './config/app-config';
import { ConfigError } from './config/env.schema';
import { openDatabaseTarget } from './database/data-source-options';
import { DataDirLockedError } from './database/embedded-postgres';
import { DemoSeedService } from './seed/demo-seed.service';
import { harvestDemoPortalOnce } from './bootstrap';
import { MetricsService } from './metrics/metrics.service';
import { HarvestService } from './portal/harvest.service';
import { ReferenceSeedService } from './seed/reference-seed.service';
import { runNationalGeneration } from './seed/national/national-generator';

const COMMANDS: Record<string, string> = {
  'db:migrate': 'apply pending migrations',
  'db:migrate:down': 'revert the last migration',
  'db:seed': 'apply migrations and load the reference data (the 2021 plan, the committee); idempotent',
  'db:seed:demo': 'load the demo data set (progress updates, dates, evidence, demo accounts), once; idempotent',
  'db:import:divisions': "import Morocco's regions, provinces and communes (HCP codes); idempotent",
  'users:create-admin':
    'create an ADMIN account: --email EMAIL [--name NAME]; password from MARSAD_ADMIN_PASSWORD or a prompt',
  'portal:harvest':
    'harvest the CKAN portal at PORTAL_URL once (incremental; --full for everything), print the summary; exit 1 if the run failed',
  'metrics:recompute': "recompute today's publication metrics from the harvested datasets",
  'db:generate:national':
    'fill a fresh database with a national year (registry, 5,000 officers, 20,000 reports, 200,000 datasets…): [--scale 0.01] [--as-of YYYY-MM-DD] [--seed N]',
  'db:backup':
    'write the database and the uploaded files to one archive: --file PATH (--force replaces an existing file); an embedded database needs the server stopped',
  'db:restore':
    'restore a db:backup archive into an empty database and DATA_DIR/files: --file PATH (--force replaces what is there); the server must be stopped',
};

/** Operator commands: `npm run cli -- <command>`. Uses DATABASE_URL or the embedded database under DATA_DIR. */
async function run(command: string | undefined): Promise<number> {
  if (!command || !(command in COMMANDS)) {
    console.error(
      `Usage: npm run cli -- <command>\n${Object.entries(COMMANDS)
        .map(([name, help]) => `  ${name.padEnd(20)} ${help}`)
        .join('\n')}`,
    );
    return 2;
  }
  const config = loadConfig();
  if (command === 'db:backup' || command === 'db:restore') {
    // No application here: a backup needs only the database, and a restore replaces it.
    const file = option('file');
    if (!file) throw new UsageError(`${command} needs --file PATH.`);
    const force = process.argv.includes('--force');
    if (command === 'db:backup') console.log((await backupCommand(config, file, force)).join('\n'));
    else await restoreCommand(config, file, force, (line) => console.log(line));
    return 0;
  }
  const database = await openDatabaseTarget(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  try {
    const dataSource = app.get(DataSource);
    if (command === 'db:migrate:down') {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(`Migrations applied: ${applied.length}`);
    }
    if (command === 'db:seed' || command === 'db:seed:demo') {
      const report = await app.get(ReferenceSeedService).run();
      console.log(`Reference data: ${report.inserted} inserted, ${report.updated} updated`);
    }
    if (command === 'db:import:divisions') {
      const report = await app.get(DivisionsImportService).run();
      console.log(
        `Divisions: ${report.regions} regions, ${report.provinces} provinces and prefectures, ${report.communes} communes; ${report.inserted} inserted, ${report.updated} updated`,
      );
    }
    if (command === 'users:create-admin') {
      await createAdmin(app.get(DataSource), app.get(AuditService));
    }
    if (command === 'db:seed:demo') {
      const { loaded } = await app.get(DemoSeedService).run();
      console.log(loaded ? 'Demo data loaded.' : 'Demo data was already loaded: nothing changed.');
      await harvestDemoPortalOnce(app);
    }
    if (command === 'portal:harvest') {
      const run = await app.get(HarvestService).run(process.argv.includes('--full') ? 'full' : 'incremental', 'cli');
      console.log(summariseRun(run));
      return run.status === 'succeeded' ? 0 : 1;
    }
    if (command === 'metrics:recompute') {
      const started = performance.now();
      const { institutions, day } = await app.get(MetricsService).recomputeNow();
      console.log(
        `Metrics for ${day}: ${institutions} administrations and the national figures, in ${Math.round(performance.now() - started)} ms.`,
      );
    }
    if (command === 'db:generate:national') return await runNationalGeneration(app, process.argv.slice(3));
    return 0;
  } finally {
    await app.close();
    await database.stop();
  }
}

function summariseRun(run: HarvestRunView): string {
  const seconds = run.finishedAt ? ((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000).toFixed(1) : '?';
  const lines = [
    `Harvest ${run.id} (${run.mode}) of ${run.portalUrl}: ${run.status.toUpperCase()} in ${seconds} s`,
    `  requests ${run.requests}, pages ${run.pages}, organisations ${run.organizations}`,
    `  datasets seen ${run.seen}, new ${run.created}, updated ${run.updated}, deleted ${run.deleted}, skipped ${run.skipped}`,
  ];
  if (run.since) lines.push(`  modified since ${run.since}`);
  for (const issue of run.issues.slice(0, 10)) lines.push(`  ${issue.kind}: ${issue.message}`);
  if (run.issueCount > 10) lines.push(`  … and ${run.issueCount - 10} more issues`);
  if (run.failure) lines.push(`  failure: ${run.failure}`);
  lines.push(`  peak memory of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  return lines.join('\n');
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : index > 0 ? process.argv[index + 1] : undefined;
}

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for a password: set MARSAD_ADMIN_PASSWORD.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing but the question.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(question)) process.stdout.write(s);
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function createAdmin(dataSource: DataSource, audit: AuditService): Promise<void> {
  const email = option('email')?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new UsageError('users:create-admin needs --email with a valid address.');
  const password = process.env['MARSAD_ADMIN_PASSWORD'] ?? (await promptHidden(`Password for ${email}: `));
  const violations = passwordViolations(password, email, 'password');
  if (violations.length)
    throw new UsageError(
      `The password is refused (${violations.map((v) => v.rule).join(', ')}): at least ${PASSWORD_MIN_LENGTH} characters, not the email.`,
    );
  const users = dataSource.getRepository(User);
  if (await users.existsBy({ email })) throw new UsageError(`An account with ${email} already exists.`);
  await dataSource.transaction(async (manager) => {
    const user = await manager.getRepository(User).save(
      manager.getRepository(User).create({
        email,
        displayName: option('name') ?? email.split('@')[0],
        role: 'ADMIN',
        institutionId: null,
        preferredLocale: 'fr',
        active: true,
        passwordHash: await hashPassword(password),
      }),
    );
    await audit.record(
      manager,
      { actor: null, meta: { requestId: null, ip: null, userAgent: 'marsad-cli' } },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        diff: {
          email: { before: null, after: email },
          role: { before: null, after: 'ADMIN' },
          via: { before: null, after: 'cli' },
        },
      },
    );
  });
  console.log(`Admin account created: ${email}`);
}

class UsageError extends Error {}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof ConfigError ||
        error instanceof DataDirLockedError ||
        error instanceof UsageError ||
        error instanceof BackupProblem
        ? error.message
        : error,
    );
    process.exit(1);
  },
);
