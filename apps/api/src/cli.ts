import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { ConfigError } from './config/env.schema';
import { openDatabaseTarget } from './database/data-source-options';
import { DataDirLockedError } from './database/embedded-postgres';
import { DemoSeedService } from './seed/demo-seed.service';
import { ReferenceSeedService } from './seed/reference-seed.service';

const COMMANDS: Record<string, string> = {
  'db:migrate': 'apply pending migrations',
  'db:migrate:down': 'revert the last migration',
  'db:seed': 'apply migrations and load the reference data (the 2021 plan, the committee); idempotent',
  'db:seed:demo': 'load the demo data set (progress updates, dates, evidence), once; idempotent',
};

/** Operator commands: `npm run cli -- <command>`. Uses DATABASE_URL or the embedded database under DATA_DIR. */
async function run(command: string | undefined): Promise<number> {
  if (!command || !(command in COMMANDS)) {
    console.error(`Usage: npm run cli -- <command>\n${Object.entries(COMMANDS).map(([name, help]) => `  ${name.padEnd(16)} ${help}`).join('\n')}`);
    return 2;
  }
  const config = loadConfig();
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
    if (command === 'db:seed:demo') {
      const { loaded } = await app.get(DemoSeedService).run();
      console.log(loaded ? 'Demo data loaded.' : 'Demo data was already loaded: nothing changed.');
    }
    return 0;
  } finally {
    await app.close();
    await database.stop();
  }
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : error);
    process.exit(1);
  },
);
