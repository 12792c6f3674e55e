import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp, prepareDatabase } from '../bootstrap';
import { loadConfig, type AppConfig } from '../config/app-config';
import { embeddedTarget, type DatabaseTarget } from '../database/data-source-options';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  config: AppConfig;
  database: DatabaseTarget;
  close(): Promise<void>;
}

/**
 * A fresh database for one test file: an embedded PGlite (default) or, with
 * TEST_DATABASE_URL, a new database on that server, dropped afterwards.
 */
export async function openTestDatabase(): Promise<DatabaseTarget> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const templatePath = process.env['MARSAD_PGLITE_TEMPLATE'];
    const template = templatePath ? new Blob([readFileSync(templatePath)]) : undefined;
    return embeddedTarget(await startEmbeddedPostgres(null, { template }));
  }
  const name = `marsad_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    poolSize: 4,
    async stop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The real application (same modules, pipes, filters, migrations and seeds) on a fresh database. */
export async function startTestApp(options: { demo?: boolean } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEMO_DATA: options.demo ? 'true' : 'false',
    WEB_DIST: join(dataDir, 'no-web'),
  });
  const database = await openTestDatabase();
  const app = await createApp(config, database);
  await prepareDatabase(app, config);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    config,
    database,
    async close() {
      await app.close();
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
