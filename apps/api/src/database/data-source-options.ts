import 'pg'; // TypeORM loads the driver dynamically; this keeps it in the bundle's dependencies.
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type DatabaseKind = 'embedded' | 'postgres';

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** A PostgreSQL URL, or the embedded server's socket directory. */
  url?: string;
  socketDir?: string;
  port?: number;
  poolSize: number;
  /** The embedded cluster's consistent copy (db:backup); absent for a real PostgreSQL. */
  dumpDataDir?: () => Promise<Blob>;
  /** Stops the embedded server (no-op for a real PostgreSQL). */
  stop(): Promise<void>;
}

/** Picks the database: DATABASE_URL when set, else PGlite under DATA_DIR (started here). */
export async function openDatabaseTarget(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'poolSize'>,
): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    return { kind: 'postgres', url: config.databaseUrl, poolSize: config.poolSize, stop: async () => undefined };
  }
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres(config.dataDir);
  return embeddedTarget(embedded);
}

export function embeddedTarget(embedded: EmbeddedPostgres): DatabaseTarget {
  // Pool of 1: pglite-socket serialises transactions, and a query outside an
  // open transaction's connection would wait for it anyway.
  return {
    kind: 'embedded',
    socketDir: embedded.socketDir,
    port: embedded.port,
    poolSize: 1,
    dumpDataDir: () => embedded.dumpDataDir(),
    stop: () => embedded.stop(),
  };
}

export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const connection =
    target.kind === 'postgres'
      ? { url: target.url }
      : { host: target.socketDir, port: target.port, username: 'postgres', database: 'postgres' };
  return {
    type: 'postgres',
    ...connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: target.poolSize },
    // Failed queries reach the log through the error filter, with their parameters redacted.
    logging: ['warn', 'migration'],
  };
}
