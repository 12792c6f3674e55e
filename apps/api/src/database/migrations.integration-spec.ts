import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import { openTestDatabase } from '../testing/test-app';
import type { DatabaseTarget } from './data-source-options';

describe('Migrations', () => {
  let database: DatabaseTarget;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await openTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.stop();
  });

  it('apply from scratch, and the entities match them exactly (no drift)', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    // Any SQL here means an entity changed without a migration: run `npm run db:migration:generate -- <Name>`.
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('each migration can be reverted and re-applied', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables[0].n).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
