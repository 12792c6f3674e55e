import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { isInstitutionScoped, type Locale, type Role } from '@marsad/contracts';
import { User } from '../auth/entities/user.entity';
import { hashPassword } from '../auth/passwords';
import { createApp, prepareDatabase } from '../bootstrap';
import { Institution } from '../institutions/entities/institution.entity';
import { loadConfig, type AppConfig } from '../config/app-config';
import { embeddedTarget, type DatabaseTarget } from '../database/data-source-options';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

export interface Client {
  get(url: string): request.Test;
  post(url: string): request.Test;
  patch(url: string): request.Test;
  put(url: string): request.Test;
  delete(url: string): request.Test;
  csrfToken: string;
  userId: string;
  email: string;
}

export interface AccountSpec {
  role: Role;
  institution?: string | null;
  email?: string;
  password?: string;
  active?: boolean;
  /** The account's language (French unless said). */
  locale?: Locale;
}

export interface TestApp {
  app: NestExpressApplication;
  /** Creates the account if needed and signs in through the API; writes carry the CSRF token. */
  as(spec: Role | AccountSpec): Promise<Client>;
  createAccount(spec: AccountSpec): Promise<User>;
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
  const admin = new PgClient({ connectionString: serverUrl });
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
      const client = new PgClient({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The real application (same modules, pipes, filters, migrations and seeds) on a fresh database. */
export const TEST_PASSWORD = 'Correct-horse-battery-9';

export async function startTestApp(options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEMO_DATA: options.demo ? 'true' : 'false',
    WEB_DIST: join(dataDir, 'no-web'),
    SIGN_IN_RATE_LIMIT: '1000',
    WRITE_RATE_LIMIT: '10000',
    PUBLIC_READ_RATE_LIMIT: '100000',
    ...options.env,
  });
  const database = await openTestDatabase();
  const app = await createApp(config, database);
  await prepareDatabase(app, config);
  await app.init();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  const createAccount = async (spec: AccountSpec): Promise<User> => {
    const email = (spec.email ?? `${spec.role.toLowerCase()}-${spec.institution ?? 'none'}@test.ma`).toLowerCase();
    const users = dataSource.getRepository(User);
    const existing = await users.findOneBy({ email });
    if (existing) return existing;
    const institution = spec.institution
      ? await dataSource.getRepository(Institution).findOneByOrFail({ code: spec.institution })
      : null;
    return users.save(
      users.create({
        email,
        displayName: `${spec.role} ${spec.institution ?? ''}`.trim(),
        role: spec.role,
        institutionId: institution?.id ?? null,
        preferredLocale: spec.locale ?? 'fr',
        active: spec.active ?? true,
        passwordHash: await hashPassword(spec.password ?? TEST_PASSWORD),
      }),
    );
  };
  const as = async (input: Role | AccountSpec): Promise<Client> => {
    const spec: AccountSpec =
      typeof input === 'string' ? { role: input, institution: isInstitutionScoped(input) ? 'MEF' : null } : input;
    const user = await createAccount(spec);
    const agent = request.agent(server);
    const signIn = await agent
      .post('/api/v1/auth/sign-in')
      .send({ email: user.email, password: spec.password ?? TEST_PASSWORD });
    if (signIn.status !== 200)
      throw new Error(`sign-in as ${user.email} failed: ${signIn.status} ${JSON.stringify(signIn.body)}`);
    const csrfToken: string = signIn.body.csrfToken;
    return {
      csrfToken,
      userId: user.id,
      email: user.email,
      get: (url) => agent.get(url),
      post: (url) => agent.post(url).set('X-CSRF-Token', csrfToken),
      patch: (url) => agent.patch(url).set('X-CSRF-Token', csrfToken),
      put: (url) => agent.put(url).set('X-CSRF-Token', csrfToken),
      delete: (url) => agent.delete(url).set('X-CSRF-Token', csrfToken),
    };
  };
  return {
    app,
    as,
    createAccount,
    http: request(server),
    dataSource,
    config,
    database,
    async close() {
      await app.close();
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
