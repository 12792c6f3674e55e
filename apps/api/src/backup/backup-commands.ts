import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { openDatabaseTarget } from '../database/data-source-options';
import { DataDirLockedError } from '../database/embedded-postgres';
import { BackupError, createBackup } from './backup';
import { totalRows } from './inspect';
import { openBackup, restoreBackup } from './restore';

/** `npm run cli -- db:backup --file PATH [--force]`: returns the lines to print. */
export async function backupCommand(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'poolSize'>,
  file: string,
  overwrite: boolean,
): Promise<string[]> {
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pg')))
    throw new BackupError(`There is no embedded database in ${config.dataDir} (DATA_DIR) to back up.`);
  const database = await openDatabaseTarget(config).catch((error: unknown) => {
    if (error instanceof DataDirLockedError)
      throw new BackupError(`db:backup copies the embedded database only while no server uses it. ${error.message}`);
    throw error;
  });
  try {
    const {
      manifest,
      sizeBytes,
      seconds,
      skipped,
      file: written,
    } = await createBackup({
      file,
      dataDir: config.dataDir,
      database,
      overwrite,
    });
    const fileBytes = manifest.files.reduce((sum, f) => sum + f.sizeBytes, 0);
    return [
      `Backup written to ${written} (${formatBytes(sizeBytes)}) in ${seconds.toFixed(1)} s:`,
      `  ${describeDatabase(manifest.database.kind)} (${manifest.database.serverVersion}), ${manifest.migrations.length} migrations applied`,
      `  ${Object.keys(manifest.tables).length} tables, ${totalRows(manifest.tables)} rows`,
      `  ${manifest.files.length} files (${formatBytes(fileBytes)}) from ${join(config.dataDir, 'files')}`,
      ...(skipped.length ? [`  left out (not stored files): ${skipped.join(', ')}`] : []),
    ];
  } finally {
    await database.stop();
  }
}

/** `npm run cli -- db:restore --file PATH [--force]`: runs before any database is opened. */
export async function restoreCommand(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  file: string,
  force: boolean,
  print: (line: string) => void,
): Promise<void> {
  const backup = await openBackup(file);
  try {
    const { manifest } = backup;
    print(
      `Backup ${backup.file} verified: made ${manifest.createdAt} by Marsad ${manifest.marsadVersion} from the ${describeDatabase(manifest.database.kind)}; ` +
        `${Object.keys(manifest.tables).length} tables, ${totalRows(manifest.tables)} rows, ${manifest.files.length} files.`,
    );
    const result = await restoreBackup({ backup, config, force });
    const target = config.databaseUrl
      ? 'the PostgreSQL database of DATABASE_URL'
      : `the embedded database in ${config.dataDir}`;
    print(`Restored into ${target} in ${result.seconds.toFixed(1)} s:`);
    const width = Math.max(...Object.keys(result.tables).map((name) => name.length));
    for (const [table, rows] of Object.entries(result.tables)) print(`  ${table.padEnd(width)} ${rows}`);
    print(`  ${Object.keys(result.tables).length} tables, ${totalRows(result.tables)} rows`);
    print(`  ${result.files} files (${formatBytes(result.fileBytes)}) into ${join(config.dataDir, 'files')}`);
    print(
      `  migrations: ${manifest.migrations.length} in the backup, ${result.migrationsApplied} applied now, 0 pending`,
    );
    for (const path of result.movedAside) print(`  the replaced data is kept in ${path}`);
  } finally {
    await backup.handle.close();
  }
}

function describeDatabase(kind: 'embedded' | 'postgres'): string {
  return kind === 'embedded' ? 'embedded database' : 'PostgreSQL database';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
