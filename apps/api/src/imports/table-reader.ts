import { HttpStatus } from '@nestjs/common';
import { TABLE_FILE_LIMITS, type TableFileLimits, type TableFileRule } from '@marsad/contracts';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppException } from '../common/errors/app-exception';
import { TABLE_PARSE_WORKER } from './table-parse.worker';

/** A sheet's rows as text, with their 1-based row number (the header is row 1). */
export type RawRow = { row: number; cells: string[] };

type WorkerAnswer = { rows: RawRow[] } | { limit: TableFileRule; args: unknown[] } | { unreadable: true };

/** Spreadsheets read at once; more wait their turn, and beyond the queue the caller is asked to retry. */
const PARALLEL = 2;
const QUEUE = 8;
let running = 0;
const waiting: (() => void)[] = [];

/** Packages the worker loads, resolved from the running program (the bundle or jest) or the working directory. */
let packagePaths: { exceljs: string; yauzl: string } | undefined;
function paths(): { exceljs: string; yauzl: string } {
  if (!packagePaths) {
    const from = createRequire(process.argv[1] ? join(process.argv[1]) : join(process.cwd(), 'package.json'));
    const resolve = (name: string) => {
      try {
        return from.resolve(name);
      } catch {
        return createRequire(join(process.cwd(), 'package.json')).resolve(name);
      }
    };
    packagePaths = { exceljs: resolve('exceljs'), yauzl: resolve('yauzl') };
  }
  return packagePaths;
}

export function refusal(rule: TableFileRule, args: unknown[]): AppException {
  const status =
    rule === 'parseTime' || rule === 'parseMemory' ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.PAYLOAD_TOO_LARGE;
  return new AppException(status, 'FILE_LIMIT_EXCEEDED', {}, [{ field: 'file', rule, args }]);
}

const unreadable = () => AppException.validation([{ field: 'file', rule: 'readableTable' }]);

async function turn(): Promise<void> {
  if (running < PARALLEL) {
    running += 1;
    return;
  }
  if (waiting.length >= QUEUE)
    throw new AppException(HttpStatus.TOO_MANY_REQUESTS, 'TOO_MANY_REQUESTS', { retryAfter: 5 });
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

/** A thread that has loaded its packages and waits for one file. */
function spawn(memoryMb: number): Worker {
  return new Worker(TABLE_PARSE_WORKER, {
    eval: true,
    workerData: { paths: paths() },
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
}

/**
 * Loading ExcelJS takes a thread about a second, so one thread is kept loaded
 * and waiting (and unreferenced: it never keeps the process alive). Each
 * thread reads one file and is ended, so no file's memory outlives it.
 */
let warm: Worker | null = null;
function takeWorker(limits: TableFileLimits): Worker {
  if (limits !== TABLE_FILE_LIMITS) return spawn(limits.maxParseMemoryMb);
  const worker = warm ?? spawn(limits.maxParseMemoryMb);
  const next = spawn(limits.maxParseMemoryMb);
  next.unref();
  next.once('exit', () => warm === next && (warm = null)); // a thread that died waiting is not handed out
  next.on('error', () => undefined);
  warm = next;
  worker.ref();
  worker.removeAllListeners('exit');
  worker.removeAllListeners('error');
  return worker;
}

/** Ends the waiting thread (at shutdown, and in tests). */
export async function stopTableReader(): Promise<void> {
  const worker = warm;
  warm = null;
  await worker?.terminate();
}

/**
 * Reads the first sheet of an XLSX file or a UTF-8 CSV file in a worker thread,
 * within TABLE_FILE_LIMITS: what it unpacks to, parts, rows, columns, cell and
 * line length, time and memory. The event loop stays free for other requests
 * while a file is read, and a file that breaks a limit is stopped and answered
 * with 413 (size) or 422 (time, memory) naming the limit.
 */
export async function readRawTable(bytes: Buffer, limits: TableFileLimits = TABLE_FILE_LIMITS): Promise<RawRow[]> {
  const kind = bytes.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
  await turn();
  try {
    const copy = new Uint8Array(bytes); // the worker owns its copy (multer's buffer may share memory)
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      const worker = takeWorker(limits);
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        outcome();
      };
      const timer = setTimeout(
        () => settle(() => reject(refusal('parseTime', [limits.maxParseMs / 1000]))),
        limits.maxParseMs,
      );
      worker.once('message', (message: WorkerAnswer) => settle(() => resolve(message)));
      worker.once('error', (error: Error & { code?: string }) =>
        settle(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? refusal('parseMemory', [limits.maxParseMemoryMb])
              : unreadable(),
          ),
        ),
      );
      worker.once('exit', () => settle(() => reject(unreadable())));
      worker.postMessage({ bytes: copy, kind, limits }, [copy.buffer]);
    });
    if ('rows' in answer) return answer.rows;
    if ('limit' in answer) throw refusal(answer.limit, answer.args);
    throw unreadable();
  } finally {
    release();
  }
}
