import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An in-process PostgreSQL (PGlite) served over the Postgres wire protocol on a
 * unix socket, so the ordinary `pg` driver, TypeORM config and migrations serve
 * it exactly as they serve a real server.
 *
 * - One process per data directory: PGlite does not lock its files, so a pid
 *   lock file refuses a second instance.
 * - pglite-socket serialises transactions across connections; the pool must be
 *   small (1) and the socket must accept a few more connections than the pool.
 */
export interface EmbeddedPostgres {
  /** Directory holding the socket: use it as `host` with port 5432. */
  socketDir: string;
  port: number;
  /** A consistent copy of the whole cluster (PGlite's tar.gz of its data directory), for backups. */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {}

const SOCKET_PORT = 5432;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function acquireLock(lockFile: string): void {
  try {
    const holder = Number(readFileSync(lockFile, 'utf8').trim());
    if (holder && holder !== process.pid && processAlive(holder)) {
      throw new DataDirLockedError(
        `The embedded database in ${lockFile.replace(/\.lock$/, '')} is in use by process ${holder}. ` +
          'Stop that process first, or set DATABASE_URL to use a PostgreSQL server.',
      );
    }
  } catch (error) {
    if (error instanceof DataDirLockedError) throw error;
    // No lock file, or an unreadable one: take it.
  }
  writeFileSync(lockFile, String(process.pid));
}

/**
 * Takes the data directory's lock without starting PostgreSQL (a backup restore swaps the
 * cluster under it); throws DataDirLockedError while a server uses it. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'pg.lock');
  acquireLock(lockFile);
  return () => rmSync(lockFile, { force: true });
}

/**
 * Starts PGlite. `dataDir` null means in memory (tests); otherwise the cluster
 * lives in `<dataDir>/pg` and survives restarts.
 */
export async function startEmbeddedPostgres(
  dataDir: string | null,
  options: { maxConnections?: number; template?: Blob } = {},
): Promise<EmbeddedPostgres> {
  const maxConnections = options.maxConnections ?? 3;
  let lockFile: string | null = null;
  let pgDir: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    pgDir = join(dataDir, 'pg');
    lockFile = join(dataDir, 'pg.lock');
    acquireLock(lockFile);
  }
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short
  // private (0700) directory rather than under DATA_DIR. A fresh directory per
  // start also means no stale socket file survives a kill -9.
  const socketDir = mkdtempSync(join(tmpdir(), 'marsad-pg-'));
  // A template (a dump of an initialised cluster) skips initdb: tests start in about a second.
  const db = await PGlite.create({
    ...(pgDir ? { dataDir: pgDir } : {}),
    ...(options.template ? { loadDataDir: options.template } : {}),
  });
  const server = new PGLiteSocketServer({
    db,
    path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    maxConnections,
  });
  await server.start();

  let stopped = false;
  return {
    socketDir,
    port: SOCKET_PORT,
    async dumpDataDir() {
      // PGlite dumps under its query lock, so no statement runs halfway through the copy.
      await db.exec('CHECKPOINT');
      return db.dumpDataDir('gzip');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
      if (lockFile) rmSync(lockFile, { force: true });
    },
  };
}
