import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { BackupProblem } from './manifest';

/**
 * pg_dump, pg_restore and psql, run with DATABASE_URL's password in PGPASSWORD
 * rather than on the command line (where `ps` shows it to every local user).
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

export class PgToolError extends BackupProblem {}

function describeFailure(tool: string, code: number | null, signal: string | null, stderr: string): PgToolError {
  const detail = stderr.trim().split('\n').slice(-8).join('\n');
  return new PgToolError(
    `${tool} failed (${signal ? `signal ${signal}` : `exit code ${code}`})${detail ? `:\n${detail}` : ''}`,
  );
}

function started(tool: string, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new PgToolError(
              `${tool} was not found: install the PostgreSQL client tools (e.g. the postgresql-client package) of the server's major version or newer.`,
            )
          : error,
      ),
    );
  });
}

function finished(tool: string, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-16_000);
  });
  return new Promise((resolve, reject) => {
    child.once('close', (code, signal) =>
      code === 0 ? resolve() : reject(describeFailure(tool, code, signal, stderr)),
    );
  });
}

/** Runs a tool to completion; rejects with its stderr when it fails. */
export async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const done = finished(tool, child);
  await started(tool, child);
  await done;
}

/** Runs a tool and collects its standard output (pg_restore's SQL script). */
export async function toolOutput(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  (child.stdout as Readable).on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = finished(tool, child);
  await started(tool, child);
  await done;
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `pg_restore -f - DUMP | psql --single-transaction` between `sql.before` and
 * `sql.after`: the cleaning, the restore and the checks commit at once or not at all.
 */
export async function restoreInOneTransaction(
  dumpPath: string,
  databaseUrl: string,
  sql: { before: string; after: string },
): Promise<void> {
  const { dbname, env } = libpqConnection(databaseUrl);
  const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', '-', '-d', dbname], {
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const psqlDone = finished('psql', psql);
  await started('psql', psql);
  const restore = spawn('pg_restore', ['--no-owner', '--no-privileges', '-f', '-', dumpPath], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const restoreDone = finished('pg_restore', restore);
  try {
    await started('pg_restore', restore);
  } catch (error) {
    psql.kill();
    await psqlDone.catch(() => undefined);
    throw error;
  }
  const stdin = psql.stdin as NodeJS.WritableStream;
  stdin.on('error', () => undefined); // psql stopped early: its own exit status says why
  stdin.write(sql.before);
  // psql commits when its input ends: end it only once pg_restore has produced the whole script.
  (restore.stdout as Readable).pipe(stdin, { end: false });
  try {
    await restoreDone;
  } catch (error) {
    psql.kill('SIGTERM'); // the open transaction is rolled back with the connection
    await psqlDone.catch(() => undefined);
    throw error;
  }
  stdin.end(`\n${sql.after}`);
  await psqlDone;
}
