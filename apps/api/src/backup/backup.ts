import { PGlite } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Client } from 'pg';
import { MARSAD_VERSION } from '../config/app-config';
import type { DatabaseTarget } from '../database/data-source-options';
import { appliedMigrations, tableCounts, type Query } from './inspect';
import {
  BACKUP_FORMAT,
  BackupProblem,
  BACKUP_FORMAT_VERSION,
  FILES_PREFIX,
  MANIFEST_ENTRY,
  STORAGE_KEY,
  type BackupFile,
  type BackupManifest,
} from './manifest';
import { libpqConnection, runTool } from './pg-tools';
import { ArchiveWriter } from './archive';

export class BackupError extends BackupProblem {}

export interface BackupResult {
  file: string;
  sizeBytes: number;
  seconds: number;
  manifest: BackupManifest;
  /** Files under DATA_DIR/files left out: not storage keys (an interrupted upload's `.partial`). */
  skipped: string[];
}

/**
 * Writes one archive (a tar, see archive.ts) holding the database, every uploaded
 * file and a manifest (`marsad-backup.json`, last) with their sizes, sha256,
 * the applied migrations and the rows per table.
 *
 * - PostgreSQL: `pg_dump -Fc` of a snapshot exported by a REPEATABLE READ
 *   transaction, in which the rows are also counted: the counts are exactly the
 *   dump's even while the API keeps writing.
 * - Embedded: PGlite's copy of its whole data directory, taken under its query
 *   lock (the CLI holds DATA_DIR's lock, so no server writes meanwhile). The copy
 *   is then opened in memory and counted there: it is proven readable, and the
 *   counts are the copy's own.
 *
 * The database comes first and the files after: a file is stored before the row
 * naming it commits, so every file the dump refers to is on disk by then (a file
 * uploaded since is an orphan, harmless). Written to PATH.partial, then renamed.
 */
export async function createBackup(options: {
  file: string;
  dataDir: string;
  database: DatabaseTarget;
  overwrite?: boolean;
}): Promise<BackupResult> {
  const started = performance.now();
  const file = resolve(options.file);
  if (existsSync(file) && !options.overwrite)
    throw new BackupError(`${file} already exists: choose another --file, or add --force to replace it.`);
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  const writer = await ArchiveWriter.create(partial).catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(`Cannot write ${partial}: ${error.message}`);
  });
  try {
    const inspected =
      options.database.kind === 'postgres'
        ? await dumpPostgres(options.database, writer, dirname(file))
        : await dumpEmbedded(options.database, writer);
    const { files, skipped } = await addFiles(writer, join(options.dataDir, 'files'));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      marsadVersion: MARSAD_VERSION,
      ...inspected,
      files,
    };
    await writer.addBuffer(MANIFEST_ENTRY, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    const sizeBytes = await writer.finish();
    await rename(partial, file);
    return { file, sizeBytes, seconds: (performance.now() - started) / 1000, manifest, skipped };
  } catch (error) {
    await writer.abort();
    await rm(partial, { force: true });
    throw error;
  }
}

type Inspected = Pick<BackupManifest, 'database' | 'migrations' | 'tables'>;

async function dumpPostgres(database: DatabaseTarget, writer: ArchiveWriter, workDir: string): Promise<Inspected> {
  const url = database.url as string;
  const client = new Client({ connectionString: url });
  await client.connect();
  const dumpPath = join(workDir, `.marsad-backup-${process.pid}-${Date.now()}.pgdump`);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = (await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot')).rows;
    const query: Query = async (sql) => (await client.query(sql)).rows;
    const tables = await tableCounts(query);
    const migrations = await appliedMigrations(query);
    const [{ server_version: serverVersion }] = await query<{ server_version: string }>('SHOW server_version');
    const { dbname, env } = libpqConnection(url);
    // The transaction stays open while pg_dump reads its snapshot.
    await runTool(
      'pg_dump',
      ['--format=custom', `--snapshot=${snapshot}`, '--file', dumpPath, '--dbname', dbname],
      env,
    );
    await client.query('COMMIT');
    const entry = 'database/pg_dump.custom';
    const { sizeBytes, sha256 } = await writer.addFile(entry, dumpPath);
    return {
      database: { kind: 'postgres', encoding: 'pg_dump', entry, serverVersion, sizeBytes, sha256 },
      migrations,
      tables,
    };
  } finally {
    await client.end().catch(() => undefined);
    await rm(dumpPath, { force: true });
  }
}

async function dumpEmbedded(database: DatabaseTarget, writer: ArchiveWriter): Promise<Inspected> {
  if (!database.dumpDataDir) throw new BackupError('This embedded database cannot be copied.');
  const dump = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
  const copy = await PGlite.create({ loadDataDir: new Blob([dump]) });
  try {
    const query: Query = async (sql) => (await copy.query(sql)).rows as never[];
    const tables = await tableCounts(query);
    const migrations = await appliedMigrations(query);
    const [{ version }] = await query<{ version: string }>('SELECT version()');
    const entry = 'database/pglite-datadir.tar.gz';
    const { sizeBytes, sha256 } = await writer.addBuffer(entry, dump);
    return {
      database: {
        kind: 'embedded',
        encoding: 'pglite-datadir',
        entry,
        serverVersion: version.replace(/ on .*$/, ''),
        sizeBytes,
        sha256,
      },
      migrations,
      tables,
    };
  } finally {
    await copy.close();
  }
}

async function addFiles(writer: ArchiveWriter, root: string): Promise<{ files: BackupFile[]; skipped: string[] }> {
  const files: BackupFile[] = [];
  const skipped: string[] = [];
  if (!existsSync(root)) return { files, skipped };
  const paths = (await readdir(root, { recursive: true })).map((path) => path.toString()).sort();
  for (const path of paths) {
    const full = join(root, path);
    if (!(await stat(full)).isFile()) continue;
    const key = relative(root, full).split(sep).join('/');
    if (!STORAGE_KEY.test(key)) {
      skipped.push(key);
      continue;
    }
    files.push({ key, ...(await writer.addFile(`${FILES_PREFIX}${key}`, full)) });
  }
  return { files, skipped };
}
