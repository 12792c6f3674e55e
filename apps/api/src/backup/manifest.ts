import type { DatabaseKind } from '../database/data-source-options';

/**
 * What a backup holds, stored as the archive's last entry (`marsad-backup.json`).
 * Restore checks the archive against it before it changes anything.
 */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  marsadVersion: string;
  database: {
    kind: DatabaseKind;
    /** `pglite-datadir`: PGlite's tar.gz of its data directory; `pg_dump`: pg_dump's custom format. */
    encoding: 'pglite-datadir' | 'pg_dump';
    entry: string;
    serverVersion: string;
    sizeBytes: number;
    sha256: string;
  };
  /** The applied migrations, oldest first. */
  migrations: string[];
  /** Rows per table of the public schema, when the dump was taken. */
  tables: Record<string, number>;
  files: BackupFile[];
}

export interface BackupFile {
  /** The storage key (path under DATA_DIR/files); its entry is `files/<key>`. */
  key: string;
  sizeBytes: number;
  sha256: string;
}

export const BACKUP_FORMAT = 'marsad-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'marsad-backup.json';
export const FILES_PREFIX = 'files/';

/** The storage keys StorageService writes (`evidence/2026-01/<uuid>`); nothing else is restored. */
export const STORAGE_KEY = /^[a-z0-9-]+(\/[A-Za-z0-9-]+)+$/;

/** A problem the operator can act on: the CLI prints its message alone. */
export class BackupProblem extends Error {}

export class InvalidBackupError extends BackupProblem {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isSha256 = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** Parses and checks a manifest; throws InvalidBackupError saying what is wrong. */
export function parseManifest(text: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidBackupError('its manifest is not valid JSON');
  }
  if (!isRecord(value) || value['format'] !== BACKUP_FORMAT) throw new InvalidBackupError('it has no Marsad manifest');
  if (value['formatVersion'] !== BACKUP_FORMAT_VERSION)
    throw new InvalidBackupError(
      `its format version ${String(value['formatVersion'])} is not one this Marsad reads (${BACKUP_FORMAT_VERSION}); use the Marsad version that made it`,
    );
  const problems: string[] = [];
  const database = value['database'];
  if (
    !isRecord(database) ||
    !(
      (database['kind'] === 'embedded' && database['encoding'] === 'pglite-datadir') ||
      (database['kind'] === 'postgres' && database['encoding'] === 'pg_dump')
    ) ||
    typeof database['entry'] !== 'string' ||
    !isCount(database['sizeBytes']) ||
    !isSha256(database['sha256'])
  )
    problems.push('database');
  if (typeof value['createdAt'] !== 'string' || Number.isNaN(Date.parse(value['createdAt'])))
    problems.push('createdAt');
  const migrations = value['migrations'];
  if (!Array.isArray(migrations) || !migrations.every((name) => typeof name === 'string')) problems.push('migrations');
  const tables = value['tables'];
  if (!isRecord(tables) || !Object.values(tables).every(isCount)) problems.push('tables');
  const files = value['files'];
  if (
    !Array.isArray(files) ||
    !files.every(
      (file) =>
        isRecord(file) &&
        typeof file['key'] === 'string' &&
        STORAGE_KEY.test(file['key']) &&
        isCount(file['sizeBytes']) &&
        isSha256(file['sha256']),
    )
  )
    problems.push('files');
  if (problems.length) throw new InvalidBackupError(`its manifest is damaged (${problems.join(', ')})`);
  return value as unknown as BackupManifest;
}
