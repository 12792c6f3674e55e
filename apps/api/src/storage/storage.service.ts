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
 * The one place files are kept. Today a directory under DATA_DIR; the interface
 * (put / open / remove by key) is what an object store would offer, so several
 * API instances can later share one bucket without touching callers.
 */
@Injectable()
export class StorageService {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = join(config.dataDir, 'files');
  }

  async put(prefix: string, bytes: Buffer): Promise<StoredFile> {
    const key = `${prefix}/${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a crash never leaves a half-written file under a live key.
    const partial = `${path}.partial`;
    await writeFile(partial, bytes, { mode: 0o640 });
    await rename(partial, path);
    return { key, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[a-z0-9-]+(\/[A-Za-z0-9-]+)+$/.test(key)) throw new Error(`Invalid storage key ${key}`);
    return join(this.root, key);
  }
}
