import { DataSource } from 'typeorm';
import { dataSourceOptions, embeddedTarget } from '../../apps/api/src/database/data-source-options';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

/** Runs `work` against a throw-away in-memory PostgreSQL with every migration applied. */
export async function withScratchDatabase(work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const embedded = await startEmbeddedPostgres(null);
  const dataSource = new DataSource(dataSourceOptions(embeddedTarget(embedded)));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded.stop();
  }
}

/** The SQL TypeORM would run to make the migrated schema match the entities. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((query) => query.query),
    down: log.downQueries.reverse().map((query) => query.query),
  };
}
