import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type request from 'supertest';
import { startTestApp, type Client, type TestApp } from '../../testing/test-app';

interface Operation {
  method: string;
  /** OpenAPI form: /api/v1/activities/{id} */
  path: string;
  query: string[];
  body: string[];
}

type Dto = new () => object;

/** The validated properties of a DTO class (class-validator's own metadata). */
function propertiesOf(dto: unknown): string[] {
  if (typeof dto !== 'function' || dto === Object) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto as Dto, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/** Query and body fields of each registered route, from its handler's parameter types. */
function routeFields(t: TestApp): Map<string, { query: string[]; body: string[] }> {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const fields = new Map<string, { query: string[]; body: string[] }>();
  for (const { instance, metatype } of discovery.getControllers()) {
    if (!instance || !metatype) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const version = Reflect.getMetadata('__version__', metatype);
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const path = Reflect.getMetadata(PATH_METADATA, instance[name]);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, instance[name]) as number];
      const base = typeof version === 'string' ? `/api/v${version}` : '/api';
      const full = `${base}/${[prefix, String(path)].filter((p) => p && p !== '/').join('/')}`
        .replace(/\/+/g, '/')
        .replace(/:(\w+)/g, '{$1}');
      const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {};
      const types: unknown[] = Reflect.getMetadata('design:paramtypes', prototype, name) ?? [];
      const of = (kind: RouteParamtypes) =>
        Object.entries(args)
          .filter(([key]) => Number(key.split(':')[0]) === kind)
          .flatMap(([, arg]) => propertiesOf(types[arg.index]));
      fields.set(`${method} ${full}`, { query: of(RouteParamtypes.QUERY), body: of(RouteParamtypes.BODY) });
    }
  }
  return fields;
}

/** Values that must never reach PostgreSQL as they are. */
const BAD_VALUES: unknown[] = [
  '\u0000',
  'a\u0000b',
  [],
  {},
  [[]],
  1e20,
  -1e20,
  1.5,
  { ar: '\u0000', fr: '\u0000' },
  ['\u0000'],
  true,
];
/** Valid bodies, so that one bad field at a time gets past the others' validation. */
const BASE_BODIES: Record<string, object> = {
  'POST /api/v1/institutions/{code}/inventory': {
    reference: 'WALK-1',
    title: { fr: 'Élément', ar: 'عنصر' },
    classification: 'open',
  },
  'POST /api/v1/institutions': { code: 'WALK-1', name: { fr: 'Marche', ar: 'مشي' }, type: 'ministry' },
  'POST /api/v1/activities/{id}/updates': {
    status: 'in_progress',
    progress: 10,
    reportedOn: '2026-01-01',
    narrative: { fr: 'ok' },
  },
  'POST /api/v1/institutions/{code}/officers': {
    role: 'GDD',
    fullName: { fr: 'Test' },
    email: 'walk@mef.test',
    appointedOn: '2026-01-01',
  },
  'POST /api/v1/users': { email: 'walk@test.ma', displayName: 'Walk', role: 'COMMITTEE' },
  'POST /api/v1/auth/sign-in': { email: 'nobody@test.ma', password: 'not the password' },
};

const BAD_QUERY = ['%00', 'a%00b', '99999999999999999999', '-99999999999999999999', '1e400', '2026-02-31'];

describe('Malformed input never makes the API answer 5xx (issue #9, finding 5: a walk over the OpenAPI document)', () => {
  let t: TestApp;
  let operations: Operation[];
  let coordinator: Client;
  let admin: Client;
  let real: Record<string, string>;
  const failures: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    coordinator = await t.as('COORDINATOR');
    admin = await t.as('ADMIN');
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const fields = routeFields(t);
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({
        method: method.toUpperCase(),
        path,
        ...(fields.get(`${method.toUpperCase()} ${path}`) ?? { query: [], body: [] }),
      })),
    );
    const one = async (sql: string) =>
      ((await t.dataSource.query(sql)) as { id: string }[])[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    real = {
      activities: await one('SELECT id FROM activities LIMIT 1'),
      measures: await one('SELECT id FROM measures LIMIT 1'),
      'progress-updates': await one('SELECT id FROM progress_updates LIMIT 1'),
      evidence: await one('SELECT id FROM evidence LIMIT 1'),
      users: await one(`SELECT id FROM users WHERE role = 'COMMITTEE' LIMIT 1`),
      officers: await one('SELECT id FROM officer_appointments LIMIT 1'),
      inventory: await one('SELECT id FROM inventory_items LIMIT 1'),
      runs: await one('SELECT id FROM harvest_runs LIMIT 1'),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The path with real identifiers, or with `bad` in the parameter at `badIndex`. */
  const fill = (path: string, bad?: { index: number; value: string }) => {
    let index = -1;
    return path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
      index += 1;
      if (bad && bad.index === index) return bad.value;
      if (name === 'code') return 'MEF';
      if (name === 'name') return 'demo-org';
      const resource = path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
      return real[resource] ?? '00000000-0000-4000-8000-000000000000';
    });
  };

  const send = async (
    client: Client,
    op: Operation,
    url: string,
    body?: string | object,
    type = 'application/json',
  ): Promise<void> => {
    if (op.path.endsWith('/auth/sign-out')) return; // would end the walking session
    const call = (client as unknown as Record<string, (url: string) => request.Test>)[op.method.toLowerCase()](url);
    if (body !== undefined) call.set('Content-Type', type).send(typeof body === 'string' ? body : JSON.stringify(body));
    const response = await call;
    const label = `${op.method} ${url.slice(0, 120)} ${body === undefined ? '' : (typeof body === 'string' ? body : JSON.stringify(body)).slice(-100)}`;
    if (response.status >= 500) failures.push(`${response.status} ${label}`);
    else if (/\(22[0-9A-Z]{3}\)/.test(String(response.body?.message ?? '')))
      failures.push(`database refused ${label}: ${response.body.message}`);
  };

  it('walks every route with NUL bytes, huge numbers, wrong types, deep nesting and prototype keys', async () => {
    expect(operations.length).toBeGreaterThan(50);
    for (const op of operations) {
      {
        // The coordinator may call nearly every route; accounts are the admin's.
        const client = op.path.startsWith('/api/v1/users') ? admin : coordinator;
        const params = (op.path.match(/\{\w+\}/g) ?? []).length;
        for (let index = 0; index < params; index += 1) {
          for (const value of ['%00', 'HCP%00', '99999999999999999999'])
            await send(client, op, fill(op.path, { index, value }));
        }
        for (const name of new Set([...op.query, 'page', 'pageSize'])) {
          for (const value of BAD_QUERY) await send(client, op, `${fill(op.path)}?${name}=${value}`);
          await send(client, op, `${fill(op.path)}?${name}=a&${name}=b`);
        }
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method)) continue;
        const url = fill(op.path);
        const base = BASE_BODIES[`${op.method} ${op.path}`] ?? (op.body.includes('version') ? { version: 1 } : {});
        for (const field of op.body)
          for (const value of BAD_VALUES) await send(client, op, url, { ...base, [field]: value });
        await send(client, op, url, '['.repeat(5000));
        await send(client, op, url, `{"a":${'['.repeat(5000)}`);
        await send(client, op, url, '{"__proto__":{"admin":true}}');
        await send(client, op, url, '{"constructor":{"prototype":{"x":1}}}');
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers the reported inputs with 400 naming the field', async () => {
    const activity = real['activities'];
    const cases: [request.Test, string][] = [
      [coordinator.get('/api/v1/institutions/HCP%00'), 'path'],
      [coordinator.get('/api/v1/plans/%00'), 'path'],
      [coordinator.get('/api/v1/coverage?region=%00'), 'region'],
      [coordinator.get('/api/v1/portal/datasets?format=%00'), 'format'],
      [
        coordinator
          .post(`/api/v1/activities/${activity}/updates`)
          .send({ status: 'in_progress', progress: 10, reportedOn: '2026-01-01', narrative: { fr: '\u0000' } }),
        'narrative.fr',
      ],
      [coordinator.get('/api/v1/institutions?page=99999999999999999999'), 'page'],
      [coordinator.get('/api/v1/audit-events?pageSize=99999999999999999999'), 'pageSize'],
      [
        coordinator
          .post('/api/v1/institutions/MEF/inventory')
          .send({ reference: 'X-1', title: [], classification: 'open' }),
        'title',
      ],
      [coordinator.post('/api/v1/institutions').send({ code: 'NEW-1', name: [], type: 'ministry' }), 'name'],
      [t.http.post('/api/v1/auth/sign-in').set('Content-Type', 'application/json').send('['.repeat(5000)), 'body'],
    ];
    const answers: string[] = [];
    for (const [call, field] of cases) {
      const response = await call.set('Accept-Language', 'en');
      const named = (response.body.fields ?? []).some((f: { field: string }) => f.field === field);
      answers.push(
        `${field}: ${response.status} ${response.body.code} ${named ? 'named' : JSON.stringify(response.body.fields)}`,
      );
    }
    expect(answers).toEqual(cases.map(([, field]) => `${field}: 400 VALIDATION_FAILED named`));
    const proto = await coordinator
      .patch(`/api/v1/activities/${activity}`)
      .set('Content-Type', 'application/json')
      .send('{"__proto__":{"x":1},"version":1}');
    expect([proto.status, proto.body.fields[0]]).toEqual([
      400,
      expect.objectContaining({ field: '__proto__', rule: 'whitelistValidation' }),
    ]);
  });
});
