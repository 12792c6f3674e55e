import { PGlite } from '@electric-sql/pglite';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Integration tests run on an embedded PostgreSQL unless TEST_DATABASE_URL is set.
 * initdb in WASM takes seconds, so it runs once here and every test file starts
 * from a dump of the fresh cluster.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['TEST_DATABASE_URL']) return;
  const pgliteVersion = JSON.parse(
    readFileSync(join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8'),
  ).version;
  const path = join(tmpdir(), `marsad-pglite-template-${pgliteVersion}.tar`);
  if (!existsSync(path)) {
    const db = await PGlite.create({});
    const dump = await db.dumpDataDir('none');
    await db.close();
    writeFileSync(`${path}.tmp`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${path}.tmp`, path);
  }
  process.env['MARSAD_PGLITE_TEMPLATE'] = path;
}
