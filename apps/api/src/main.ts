import { Logger } from '@nestjs/common';
import { loadConfig, type AppConfig } from './config/app-config';
import { ConfigError } from './config/env.schema';
import { openDatabaseTarget, type DatabaseTarget } from './database/data-source-options';
import { DataDirLockedError } from './database/embedded-postgres';
import { createApp, harvestDemoPortalOnce, prepareDatabase, underStartupLock } from './bootstrap';
import { RemindersService } from './reminders/reminders.service';

async function main(): Promise<void> {
  const startedAt = Date.now();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let database: DatabaseTarget;
  try {
    database = await openDatabaseTarget(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const app = await createApp(config, database);
  const logger = new Logger('Marsad');
  logger.log(
    database.kind === 'embedded'
      ? `Database: embedded PostgreSQL (PGlite) in ${config.dataDir}/pg`
      : `Database: PostgreSQL at ${redact(config.databaseUrl as string)}`,
  );
  await underStartupLock(app, async () => {
    await prepareDatabase(app, config);
    await harvestDemoPortalOnce(app);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    // Order matters: stop taking requests, then the socket server, then PGlite.
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen(config.port, config.host);
  logger.log(`Marsad ${config.version} ready on http://localhost:${config.port} in ${Date.now() - startedAt} ms`);
  app.get(RemindersService).catchUp();
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1:***@');
}

main().catch((error) => {
  console.error('Marsad failed to start:', error);
  process.exit(1);
});
