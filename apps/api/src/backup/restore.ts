import { PGlite } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource, MigrationExecutor } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import {
  dataSourceOptions,
  embeddedTarget,
  type DatabaseKind,
  type DatabaseTarget,
} from '../database/data-source-options';
import { lockDataDir, startEmbeddedPostgres } from '../database/embedded-postgres';
import {
  countDifferences,
  knownMigrations,
  publicTables,
  quoteIdent,
  tableCounts,
  totalRows,
  type Query,
} from './inspect';
import {
  BackupProblem,
  FILES_PREFIX,
  InvalidBackupError,
  MANIFEST_ENTRY,
  parseManifest,
  type BackupManifest,
} from './manifest';
import { PgToolError, restoreInOneTransaction, toolOutput } from './pg-tools';
import { CorruptArchiveError, NotAnArchiveError, readArchive, type ReadEntry } from './archive';

export interface RestoreResult {
  manifest: BackupManifest;
  target: DatabaseKind;
  /** Rows per table in the restored database, after its migrations. */
  tables: Record<string, number>;
  files: number;
  fileBytes: number;
  /** Migrations this Marsad applied on top of the backup's (0 for a backup of the same version). */
  migrationsApplied: number;
  /** Where the replaced database and files were moved (embedded, --force). */
  movedAside: string[];
  seconds: number;
}

/** An opened, fully verified backup archive (restore reads it again through the same handle). */
export interface VerifiedBackup {
  file: string;
  manifest: BackupManifest;
  handle: FileHandle;
  /** Every entry, with its size and sha256 as read. */
  entries: Map<string, ReadEntry>;
}

const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/**
 * Opens an archive and checks all of it, in one pass, before anything is
 * changed: a tar whose headers are intact and that is not cut short, a manifest
 * this version reads, exactly the entries the manifest lists, each of the
 * recorded size and sha256, and only migrations this version knows. Throws
 * InvalidBackupError naming the problem.
 */
export async function openBackup(path: string): Promise<VerifiedBackup> {
  const file = resolve(path);
  const refuse = (reason: string) =>
    new InvalidBackupError(`${file} is not a usable Marsad backup: ${reason}. Nothing was changed.`);
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw refuse((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String(error));
  }
  try {
    const names = new Set<string>();
    let read: ReadEntry[];
    try {
      // The manifest comes last: every entry is hashed as it passes, and compared with it at the end.
      read = await readArchive(handle, ({ name, size }) => {
        if (names.has(name)) throw refuse(`it holds ${name} twice`);
        names.add(name);
        if (name !== MANIFEST_ENTRY) return 'hash';
        if (size > MAX_MANIFEST_BYTES) throw refuse('its manifest is implausibly large');
        return 'memory';
      });
    } catch (error) {
      if (!(error instanceof CorruptArchiveError)) throw error;
      throw refuse(error instanceof NotAnArchiveError ? 'it is not a backup archive' : error.message);
    }
    const entries = new Map(read.map((entry) => [entry.name, entry]));
    const manifestData = entries.get(MANIFEST_ENTRY)?.data;
    if (!manifestData) throw refuse(`it has no ${MANIFEST_ENTRY} (the archive is incomplete or not a backup)`);
    let manifest: BackupManifest;
    try {
      manifest = parseManifest(manifestData.toString('utf8'));
    } catch (error) {
      if (error instanceof InvalidBackupError) throw refuse(error.message);
      throw error;
    }
    const expected = expectedEntries(manifest);
    for (const name of entries.keys())
      if (name !== MANIFEST_ENTRY && !expected.has(name))
        throw refuse(`it holds ${name}, which its manifest does not list`);
    for (const [name, { sizeBytes, sha256 }] of expected) {
      const entry = entries.get(name);
      if (!entry) throw refuse(`${name} is missing`);
      if (entry.size !== sizeBytes) throw refuse(`${name} has ${entry.size} bytes instead of ${sizeBytes}`);
      if (entry.sha256 !== sha256) throw refuse(`${name} is damaged (its sha256 does not match)`);
    }
    const known = new Set(knownMigrations());
    const unknown = manifest.migrations.filter((name) => !known.has(name));
    if (unknown.length)
      throw refuse(
        `it was made by a newer Marsad (migrations ${unknown.join(', ')} are unknown here): upgrade Marsad first, then restore`,
      );
    return { file, manifest, handle, entries };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The entries a manifest lists besides itself, by name. */
function expectedEntries(manifest: BackupManifest): Map<string, { sizeBytes: number; sha256: string }> {
  return new Map<string, { sizeBytes: number; sha256: string }>([
    [manifest.database.entry, manifest.database],
    ...manifest.files.map((f) => [`${FILES_PREFIX}${f.key}`, f] as const),
  ]);
}

export class RestoreRefusedError extends BackupProblem {}
export class RestoreFailedError extends BackupProblem {}

/**
 * Restores a backup into DATABASE_URL's database, or else the embedded one in
 * DATA_DIR, and its files into DATA_DIR/files. Before it starts it refuses a
 * non-empty target unless `force`. After it, it checks every table's rows
 * against the backup and applies this version's migrations (none are pending).
 *
 * - PostgreSQL target: `pg_restore` of a pg_dump backup through `psql
 *   --single-transaction` (with --force, the public schema is dropped in the
 *   same transaction): all or nothing. An embedded backup is copied in table by
 *   table, also in one transaction.
 * - Embedded target: the cluster is rebuilt in DATA_DIR/.restore-* (PGlite's
 *   copy, or a fresh cluster loaded with pg_restore's script for a pg_dump
 *   backup), checked and migrated there, then renamed into place under
 *   DATA_DIR's lock; with --force the old `pg` and `files` are renamed to
 *   `*.before-restore-<time>`, never deleted.
 */
export async function restoreBackup(options: {
  backup: VerifiedBackup;
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>;
  force: boolean;
}): Promise<RestoreResult> {
  const started = performance.now();
  const result = options.config.databaseUrl
    ? await restoreIntoPostgres(options.backup, options.config.databaseUrl, options.config.dataDir, options.force)
    : await restoreIntoEmbedded(options.backup, options.config.dataDir, options.force);
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

type Restored = Omit<RestoreResult, 'seconds'>;

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

async function hasContent(path: string): Promise<boolean> {
  return existsSync(path) && (await readdir(path)).length > 0;
}

async function restoreIntoEmbedded(backup: VerifiedBackup, dataDir: string, force: boolean): Promise<Restored> {
  const release = lockDataDir(dataDir);
  try {
    const pgDir = join(dataDir, 'pg');
    const filesDir = join(dataDir, 'files');
    const occupied = [];
    for (const path of [pgDir, filesDir]) if (await hasContent(path)) occupied.push(path);
    if (occupied.length && !force)
      throw new RestoreRefusedError(
        `${dataDir} already holds ${occupied.map((path) => basename(path)).join(' and ')}: restore refuses to replace them. ` +
          'Add --force to restore anyway (they are renamed to *.before-restore-<time>, not deleted). Nothing was changed.',
      );
    const staging = await mkdtemp(join(dataDir, '.restore-'));
    try {
      const { database, ...files } = await extractBackup(backup, staging);
      const embedded =
        backup.manifest.database.kind === 'embedded'
          ? await startEmbeddedPostgres(staging, { template: new Blob([await readFile(database)]) })
          : await loadPgDumpIntoPglite(database, join(staging, 'pg')).then(() => startEmbeddedPostgres(staging));
      let checked: Awaited<ReturnType<typeof checkAndMigrate>>;
      try {
        checked = await checkAndMigrate(embeddedTarget(embedded), backup.manifest.tables);
      } finally {
        await embedded.stop();
      }
      const movedAside: string[] = [];
      const suffix = `.before-restore-${stamp()}`;
      for (const path of occupied) {
        await rename(path, `${path}${suffix}`);
        movedAside.push(`${path}${suffix}`);
      }
      await rm(pgDir, { recursive: true, force: true }); // an empty directory at most
      await rm(filesDir, { recursive: true, force: true });
      await rename(join(staging, 'pg'), pgDir);
      await rename(join(staging, 'files'), filesDir);
      return { manifest: backup.manifest, target: 'embedded', ...checked, ...files, movedAside };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    release();
  }
}

async function restoreIntoPostgres(
  backup: VerifiedBackup,
  databaseUrl: string,
  dataDir: string,
  force: boolean,
): Promise<Restored> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let existing: Record<string, number>;
  try {
    existing = await tableCounts(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
  const filesDir = join(dataDir, 'files');
  const tables = Object.keys(existing).length;
  const filesOccupied = await hasContent(filesDir);
  if ((tables || filesOccupied) && !force)
    throw new RestoreRefusedError(
      [
        tables ? `The database already has ${tables} tables (${totalRows(existing)} rows)` : '',
        filesOccupied ? `${filesDir} already holds files` : '',
      ]
        .filter(Boolean)
        .join(' and ') +
        ': restore refuses to replace them. Add --force to replace the database (its public schema is dropped) ' +
        'and move the files to files.before-restore-<time>. Nothing was changed.',
    );
  await mkdir(dataDir, { recursive: true });
  const staging = await mkdtemp(join(dataDir, '.restore-'));
  try {
    const { database, ...files } = await extractBackup(backup, staging);
    let expected = backup.manifest.tables;
    if (backup.manifest.database.kind === 'postgres') {
      await restoreInOneTransaction(database, databaseUrl, {
        before: force ? 'DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n' : '',
        after: checkCountsStatement(expected),
      }).catch((error: unknown) => {
        if (!(error instanceof PgToolError)) throw error;
        throw new RestoreFailedError(
          `The restore failed and was rolled back: the database is as it was. ${error.message}`,
        );
      });
    } else {
      expected = await copyEmbeddedIntoPostgres(backup, database, databaseUrl, force);
    }
    const target: DatabaseTarget = { kind: 'postgres', url: databaseUrl, poolSize: 1, stop: async () => undefined };
    const checked = await checkAndMigrate(target, expected);
    const movedAside: string[] = [];
    if (filesOccupied) {
      const aside = `${filesDir}.before-restore-${stamp()}`;
      await rename(filesDir, aside);
      movedAside.push(aside);
    }
    await rm(filesDir, { recursive: true, force: true });
    await rename(join(staging, 'files'), filesDir);
    return { manifest: backup.manifest, target: 'postgres', ...checked, ...files, movedAside };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** SQL failing (so the restore's transaction rolls back) unless every public table has the expected rows. */
function checkCountsStatement(expected: Record<string, number>): string {
  return `DO $marsad$
DECLARE
  expected pg_catalog.jsonb := $counts$${JSON.stringify(expected)}$counts$;
  found pg_catalog.jsonb := '{}';
  t pg_catalog.text;
  n pg_catalog.int8;
BEGIN
  FOR t IN SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace
            WHERE s.nspname = 'public' AND c.relkind = 'r' LOOP
    EXECUTE pg_catalog.format('SELECT count(*) FROM public.%I', t) INTO n;
    found := found || pg_catalog.jsonb_build_object(t, n);
  END LOOP;
  IF found <> expected THEN
    RAISE EXCEPTION 'the restored rows do not match the backup''s manifest: % instead of %', found, expected;
  END IF;
END
$marsad$;
`;
}

/**
 * The second pass over the verified archive: the database entry into
 * `staging/database`, the files under `staging/files`, every sha256 checked
 * again as it is written (the archive could have changed since openBackup).
 */
async function extractBackup(
  backup: VerifiedBackup,
  staging: string,
): Promise<{ database: string; files: number; fileBytes: number }> {
  const { manifest, entries } = backup;
  const database = join(staging, 'database');
  const root = join(staging, 'files');
  await mkdir(root, { recursive: true });
  const changed = (what: string) =>
    new RestoreFailedError(`${backup.file} changed while it was being restored (${what}); nothing was replaced.`);
  const seen = new Set<string>();
  let read: ReadEntry[];
  try {
    read = await readArchive(backup.handle, async ({ name }) => {
      if (!entries.has(name) || seen.has(name)) throw changed(`it now holds ${name}`);
      seen.add(name);
      if (name === MANIFEST_ENTRY) return 'hash';
      if (name === manifest.database.entry) return { file: database };
      const path = join(root, ...name.slice(FILES_PREFIX.length).split('/'));
      await mkdir(dirname(path), { recursive: true });
      return { file: path };
    });
  } catch (error) {
    if (error instanceof CorruptArchiveError) throw changed(error.message);
    throw error;
  }
  for (const entry of read)
    if (entry.sha256 !== entries.get(entry.name)?.sha256) throw changed(`${entry.name} is not what was verified`);
  if (read.length !== entries.size) throw changed('entries are missing');
  return {
    database,
    files: manifest.files.length,
    fileBytes: manifest.files.reduce((sum, file) => sum + file.sizeBytes, 0),
  };
}

/** Every table must hold the backup's rows; then this version's migrations run, leaving none pending. */
async function checkAndMigrate(
  target: DatabaseTarget,
  expected: Record<string, number>,
): Promise<{ tables: Record<string, number>; migrationsApplied: number }> {
  const dataSource = await new DataSource({ ...dataSourceOptions(target), logging: false }).initialize();
  try {
    const query: Query = (sql) => dataSource.query(sql);
    const differences = countDifferences(expected, await tableCounts(query));
    if (differences.length)
      throw new RestoreFailedError(`The restored database does not match the backup: ${differences.join('; ')}`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (await dataSource.showMigrations())
      throw new RestoreFailedError('Migrations are still pending after the restore.');
    return { tables: await tableCounts(query), migrationsApplied: applied.length };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A pg_dump backup into a PGlite cluster: pg_restore writes the dump as SQL,
 * whose COPY … FROM stdin blocks PGlite reads as blobs; all in one transaction.
 * (pg_dump itself cannot read PGlite, a newer major version, hence no way back.)
 */
async function loadPgDumpIntoPglite(dumpPath: string, pgDir: string): Promise<void> {
  const script = await toolOutput('pg_restore', ['--no-owner', '--no-privileges', '-f', '-', dumpPath], process.env);
  await rm(dumpPath, { force: true });
  const db = await PGlite.create({ dataDir: pgDir });
  try {
    await db.exec('BEGIN');
    let sql: string[] = [];
    const lines = script.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      // psql meta-commands (\restrict, \unrestrict) guard psql only.
      if (line.startsWith('\\')) continue;
      const copy = /^COPY (.+) FROM stdin;$/.exec(line);
      if (!copy) {
        sql.push(line);
        continue;
      }
      if (sql.length) await db.exec(sql.join('\n'));
      sql = [];
      const data: string[] = [];
      for (i++; i < lines.length && lines[i] !== '\\.'; i++) data.push(lines[i]);
      if (i >= lines.length) throw new RestoreFailedError(`pg_restore's script ends inside COPY ${copy[1]}`);
      await db.query(`COPY ${copy[1]} FROM '/dev/blob'`, [], {
        blob: new Blob([data.length ? `${data.join('\n')}\n` : '']),
      });
    }
    if (sql.length) await db.exec(sql.join('\n'));
    await db.exec('COMMIT');
  } finally {
    await db.close();
  }
}

/**
 * An embedded backup into PostgreSQL (pg_dump cannot read PGlite's newer major
 * version). Both sides are brought to this version's migrations, then every
 * table is copied with triggers and foreign keys paused (session_replication_role,
 * which needs a superuser), and the sequences are set; one transaction.
 * Returns the rows per table copied.
 */
async function copyEmbeddedIntoPostgres(
  backup: VerifiedBackup,
  dataDirDump: string,
  databaseUrl: string,
  force: boolean,
): Promise<Record<string, number>> {
  const source = await startEmbeddedPostgres(null, { template: new Blob([await readFile(dataDirDump)]) });
  const sourceData = new DataSource({ ...dataSourceOptions(embeddedTarget(source)), logging: false });
  const targetData = new DataSource({
    ...dataSourceOptions({ kind: 'postgres', url: databaseUrl, poolSize: 1, stop: async () => undefined }),
    logging: false,
  });
  try {
    await sourceData.initialize();
    const read: Query = (sql) => sourceData.query(sql);
    const differences = countDifferences(backup.manifest.tables, await tableCounts(read));
    if (differences.length)
      throw new RestoreFailedError(`The backup's database does not match its manifest: ${differences.join('; ')}`);
    await sourceData.runMigrations({ transaction: 'each' });
    const counts = await tableCounts(read);
    await targetData.initialize();
    const runner = targetData.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const write: Query = (sql) => runner.query(sql);
      if (force) await write('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
      const executor = new MigrationExecutor(targetData, runner);
      executor.transaction = 'none';
      await executor.executePendingMigrations();
      const tables = await publicTables(write);
      if (JSON.stringify(tables) !== JSON.stringify(Object.keys(counts)))
        throw new RestoreFailedError('The backup and this version of Marsad have different tables.');
      try {
        await write('SET LOCAL session_replication_role = replica');
      } catch (error) {
        throw new RestoreFailedError(
          `Copying an embedded backup into PostgreSQL needs a superuser connection (it pauses triggers and foreign keys): ${(error as Error).message}`,
        );
      }
      for (const table of tables) {
        const name = `public.${quoteIdent(table)}`;
        const columns = (
          await read<{ name: string }>(
            `SELECT attname AS name FROM pg_attribute WHERE attrelid = '${name}'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
          )
        )
          .map((column) => quoteIdent(column.name))
          .join(', ');
        await write(`DELETE FROM ${name}`);
        if (!counts[table]) continue;
        const [{ rows }] = await read<{ rows: string }>(`SELECT json_agg(t)::text AS rows FROM ${name} t`);
        await runner.query(
          `INSERT INTO ${name} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${name}, $1::json)`,
          [rows],
        );
      }
      const sequences = await read<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S'`,
      );
      for (const { name } of sequences) {
        const [state] = await read<{ last_value: string; is_called: boolean }>(
          `SELECT last_value, is_called FROM public.${quoteIdent(name)}`,
        );
        await runner.query(`SELECT setval($1, $2, $3)`, [
          `public.${quoteIdent(name)}`,
          state.last_value,
          state.is_called,
        ]);
      }
      const copied = countDifferences(counts, await tableCounts(write));
      if (copied.length) throw new RestoreFailedError(`The copy does not match the backup: ${copied.join('; ')}`);
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
    return counts;
  } finally {
    if (targetData.isInitialized) await targetData.destroy();
    if (sourceData.isInitialized) await sourceData.destroy();
    await source.stop();
  }
}
