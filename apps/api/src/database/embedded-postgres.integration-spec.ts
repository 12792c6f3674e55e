import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataDirLockedError, startEmbeddedPostgres } from './embedded-postgres';

const connect = async (socketDir: string) => {
  const client = new Client({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres' });
  await client.connect();
  return client;
};

describe('Embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across a restart and refuses a second process on the same directory', async () => {
    const first = await startEmbeddedPostgres(dataDir);
    const client = await connect(first.socketDir);
    await client.query('CREATE TABLE kept (value text)');
    await client.query("INSERT INTO kept VALUES ('still here')");
    await client.end();

    // Another live process holds the lock: simulate it with our parent's pid.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, 'pg.lock'), String(process.ppid));
    await expect(startEmbeddedPostgres(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    writeFileSync(join(dataDir, 'pg.lock'), String(process.pid));
    await first.stop();

    const second = await startEmbeddedPostgres(dataDir);
    const again = await connect(second.socketDir);
    const rows = await again.query('SELECT value FROM kept');
    expect(rows.rows).toEqual([{ value: 'still here' }]);
    await again.end();
    await second.stop();
  });
});
