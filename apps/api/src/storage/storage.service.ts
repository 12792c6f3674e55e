import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface StoredFile {
  key: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * The one place files are kept, by key (`evidence/2026-01/<uuid>`). Callers depend on
 * this contract only (put / open / remove), so an S3-compatible object store can replace
 * the directory below without touching them: bind another implementation in
 * StorageModule. Several API instances share it (docs/deployment.md).
 */
export abstract class StorageService {
  /** Keeps the bytes under a new key beginning with `prefix`; never half-written under a live key. */
  abstract put(prefix: string, bytes: Buffer): Promise<StoredFile>;
  /** The bytes stored under `key`, as a stream. */
  abstract open(key: string): Readable;
  /** Forgets `key` (no error if it is already gone). */
  abstract remove(key: string): Promise<void>;
}

/** Files in a directory under DATA_DIR: on one machine, or on a volume every instance mounts. */
@Injectable()
export class DirectoryStorage extends StorageService {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    this.root = join(config.dataDir, 'files');
  }

  override async put(prefix: string, bytes: Buffer): Promise<StoredFile> {
    const key = `${prefix}/${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a crash never leaves a half-written file under a live key.
    const partial = `${path}.partial`;
    await writeFile(partial, bytes, { mode: 0o640 });
    await rename(partial, path);
    return { key, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  override open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  override async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[a-z0-9-]+(\/[A-Za-z0-9-]+)+$/.test(key)) throw new Error(`Invalid storage key ${key}`);
    return join(this.root, key);
  }
}
