import { createHash } from 'node:crypto';
import type { WriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, pack, type Pack } from 'tar-stream';

/**
 * Backup archives: a standard POSIX tar (ustar; any `tar tvf` lists it), written
 * and read as streams by tar-stream. Every entry's bytes are hashed (sha256) as
 * they pass, in chunks of up to 1 MiB: nothing large is held in memory, except
 * an entry the caller asks for as a buffer.
 */

const BLOCK = 512;
const CHUNK = 1024 * 1024;

/** The archive is damaged or truncated. */
export class CorruptArchiveError extends Error {}

/** The file is not a tar archive at all (its very first header is not one). */
export class NotAnArchiveError extends CorruptArchiveError {}

export interface EntryDigest {
  sizeBytes: number;
  sha256: string;
}

/** A file's bytes from its start, in chunks of up to 1 MiB, read through the handle (left open). */
async function* readChunks(handle: FileHandle): AsyncGenerator<Buffer> {
  for (let position = 0; ;) {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield bytesRead === CHUNK ? buffer : Buffer.from(buffer.subarray(0, bytesRead));
  }
}

/** Hashes and counts the bytes flowing through `pass`. */
function digester(): { pass: (chunks: AsyncIterable<unknown>) => AsyncGenerator<Buffer>; digest: () => EntryDigest } {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  return {
    async *pass(chunks) {
      for await (const chunk of chunks as AsyncIterable<Buffer>) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        yield chunk;
      }
    },
    digest: () => ({ sizeBytes, sha256: hash.digest('hex') }),
  };
}

export class ArchiveWriter {
  private readonly pack: Pack = pack();
  private readonly written: Promise<void>;

  private constructor(private readonly output: WriteStream) {
    this.written = pipeline(this.pack, output);
    this.written.catch(() => undefined); // awaited by finish(), abort() or the entry that failed
  }

  /** A new archive at `path` (which must not exist). */
  static async create(path: string): Promise<ArchiveWriter> {
    const handle = await open(path, 'wx', 0o600);
    return new ArchiveWriter(handle.createWriteStream({ highWaterMark: CHUNK, flush: true }));
  }

  addBuffer(name: string, data: Buffer): Promise<EntryDigest> {
    return this.add(name, data.length, Readable.from([data]), name);
  }

  /** Copies a file in, hashing what it copies; fails if the file changes size meanwhile. */
  async addFile(name: string, path: string): Promise<EntryDigest> {
    const source = await open(path, 'r');
    try {
      const { size } = await source.stat();
      return await this.add(name, size, readChunks(source), path);
    } finally {
      await source.close();
    }
  }

  /** Writes the end-of-archive blocks and flushes the file to disk; returns the archive's size. */
  async finish(): Promise<number> {
    this.pack.finalize();
    await this.written;
    return this.output.bytesWritten;
  }

  /** Stops writing and closes the file (the caller removes it). */
  async abort(): Promise<void> {
    this.pack.destroy();
    await this.written.catch(() => undefined);
  }

  private async add(name: string, size: number, chunks: AsyncIterable<Buffer>, what: string): Promise<EntryDigest> {
    const { pass, digest } = digester();
    async function* exactlySize(): AsyncGenerator<Buffer> {
      let copied = 0;
      for await (const chunk of pass(chunks)) {
        copied += chunk.length;
        if (copied > size) break;
        yield chunk;
      }
      if (copied !== size) throw new Error(`${what} changed while it was being copied`);
    }
    try {
      await pipeline(exactlySize(), this.pack.entry({ name, size }));
      return digest();
    } catch (error) {
      // When the archive itself could not be written (a full disk), say that rather than how the entry stopped.
      const failure = this.pack.destroying
        ? await this.written.then(
            () => null,
            (cause: unknown) => cause,
          )
        : null;
      throw failure ?? error;
    }
  }
}

export interface ArchiveEntry {
  name: string;
  size: number;
  /** Where the entry's bytes start in the archive. */
  offset: number;
}

export interface ReadEntry extends ArchiveEntry {
  sha256: string;
  /** The bytes, for an entry read into `'memory'`. */
  data?: Buffer;
}

/** What readArchive does with an entry's bytes: only hash them, keep them in memory, or write them to a new file. */
export type EntryTarget = 'hash' | 'memory' | { file: string };

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/**
 * Reads a whole archive once, from its start: every entry must be a regular
 * file, and its bytes go where `target` says (asked as the entry starts; it
 * may throw to stop reading), hashed as they pass. A damaged, truncated or
 * foreign archive is refused with a CorruptArchiveError (NotAnArchiveError for
 * a file that is no tar at all); other errors pass through as they are. Given
 * a handle, it reads from the file's start and leaves the handle open.
 */
export async function readArchive(
  archive: string | FileHandle,
  target: (entry: ArchiveEntry) => EntryTarget | Promise<EntryTarget>,
): Promise<ReadEntry[]> {
  const handle = typeof archive === 'string' ? await open(archive, 'r') : archive;
  const extractor = extract();
  const entries: ReadEntry[] = [];
  let next = 0; // where the next header starts
  let inside: string | null = null;
  try {
    const { size: fileSize } = await handle.stat();
    try {
      const feeding = pipeline(readChunks(handle), extractor);
      feeding.catch(() => undefined); // its failure also ends the loop below
      // No await between the two: the loop's iterator must listen before the first entry comes.
      for await (const entry of extractor) {
        const { name, size, type } = entry.header;
        if (type !== 'file' && type !== 'contiguous-file')
          throw new CorruptArchiveError(`the archive holds ${name}, which is not a regular file`);
        inside = name;
        const offset = entry.offset + BLOCK;
        const into = await target({ name, size, offset });
        const { pass, digest } = digester();
        const parts: Buffer[] = [];
        if (into === 'hash' || into === 'memory')
          await pipeline(entry, pass, async (chunks) => {
            for await (const chunk of chunks) if (into === 'memory') parts.push(chunk);
          });
        else await pipeline(entry, pass, (await open(into.file, 'wx', 0o640)).createWriteStream({ flush: true }));
        const { sizeBytes, sha256 } = digest();
        if (sizeBytes !== size) throw new CorruptArchiveError(`the archive is truncated (inside ${name})`);
        entries.push({ name, size, offset, sha256, ...(into === 'memory' ? { data: Buffer.concat(parts) } : {}) });
        inside = null;
        next = offset + size + padding(size);
      }
      await feeding;
    } catch (error) {
      throw archiveError(error, { next, inside, fileSize });
    }
    if (fileSize === 0) throw new NotAnArchiveError('the file is empty');
    // A tar ends with two zero blocks: without them, it was cut short at an entry's end.
    if (fileSize < next + 2 * BLOCK)
      throw new CorruptArchiveError(`the archive is truncated (it ends at byte ${fileSize}, without its end blocks)`);
    return entries;
  } finally {
    extractor.destroy();
    if (typeof archive === 'string') await handle.close();
  }
}

/** tar-stream's errors, said as a CorruptArchiveError (`next`: where the header being read starts); others as they are. */
function archiveError(error: unknown, at: { next: number; inside: string | null; fileSize: number }): unknown {
  const message = error instanceof Error ? error.message : '';
  if (error instanceof CorruptArchiveError) return error;
  const header = (what: string) =>
    at.next === 0
      ? new NotAnArchiveError(`the file is not a tar archive (${what} at byte 0)`)
      : new CorruptArchiveError(`the archive is damaged (${what} at byte ${at.next})`);
  if (message.startsWith('Invalid tar header. Maybe')) return header('bad header checksum');
  if (message === 'Invalid tar header: unknown format.') return header('a header of unknown format');
  if (message === 'Invalid header' || message === 'Header exceeds max size' || message.startsWith('Invalid tar header'))
    return header('a bad header');
  if (message === 'Unexpected end of data')
    return !at.inside && at.next === 0
      ? new NotAnArchiveError(`the file is not a tar archive (it is ${at.fileSize} bytes, less than one header)`)
      : new CorruptArchiveError(
          `the archive is truncated (it ends at byte ${at.fileSize}, inside ${at.inside ?? 'a header'})`,
        );
  return error;
}
