// npm run fuzz — requests generated from the OpenAPI document with property-based generators
// (fast-check), as an anonymous visitor and as each role, against the built server on a fresh
// database of the local PostgreSQL (demo data loaded; dropped afterwards). Every response must be
// below 500, and every 4xx must be the standard error shape { statusCode, code, message, fields,
// requestId } with statusCode equal to the status. Path parameters come from the ids and codes the
// API itself returned, mixed with random and hostile strings; query parameters and bodies follow the
// document's schemas when it has them, and are random JSON otherwise.
//   FUZZ_REQUESTS (default 10000), FUZZ_SEED (default 2026), FUZZ_CONCURRENCY (default 8)
// Build first: NODE_ENV=production npm run build. Exit code 1 when any response breaks the rules.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ensureBuilt, freshDatabase, startServer } from '../bench/lib.mjs';

const PORT = 3194;
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 2026);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
const PASSWORD = 'Marsad-Demo-2026';
const ROLES = {
  anonymous: null,
  officer: 'rod@mef.gov.ma',
  dataManager: 'gdd@mef.gov.ma',
  committee: 'comite@hcp.ma',
  coordinator: 'coordination@add.gov.ma',
  admin: 'admin@marsad.ma',
};
/** Routes that end the fuzzer's own session or lock its account: left out, they would only blind the run. */
const SKIPPED = [/^\/api\/v1\/auth\/(sign-out|password)/];

const hostile = fc.constantFrom(
  '',
  ' ',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '💥',
  'مرصد',
  '٣',
  'a'.repeat(5000),
  '-1',
  '0',
  '99999999999999999999',
  '1e309',
  'NaN',
  'true',
  'null',
  '[]',
  '{}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  '2026-02-30',
  '=HYPERLINK("x")',
);
const anyString = fc.oneof(
  hostile,
  fc.string({ maxLength: 40 }),
  fc.uuid(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** A value for a JSON schema: usually of the declared type, sometimes not (the server must say 400). */
function arbitraryFor(schema, doc, depth = 0) {
  const resolved = schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop()] : schema;
  const wrong = fc.oneof(anyString, fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
  if (!resolved || depth > 3) return fc.jsonValue({ maxDepth: 2 });
  let typed;
  if (resolved.enum) typed = fc.constantFrom(...resolved.enum);
  else if (resolved.type === 'integer') typed = fc.oneof(fc.integer(), fc.integer({ min: -2, max: 200 }));
  else if (resolved.type === 'number') typed = fc.oneof(fc.double(), fc.integer({ min: 0, max: 100 }));
  else if (resolved.type === 'boolean') typed = fc.boolean();
  else if (resolved.type === 'array')
    typed = fc.array(arbitraryFor(resolved.items ?? {}, doc, depth + 1), { maxLength: 4 });
  else if (resolved.type === 'object' || resolved.properties) {
    const props = Object.entries(resolved.properties ?? {});
    typed = props.length
      ? fc.record(Object.fromEntries(props.map(([k, v]) => [k, arbitraryFor(v, doc, depth + 1)])), { requiredKeys: [] })
      : fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
  } else typed = anyString;
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: wrong });
}

function isErrorShape(body, status) {
  return (
    body &&
    typeof body === 'object' &&
    body.statusCode === status &&
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    body.message.length > 0 &&
    Array.isArray(body.fields) &&
    typeof body.requestId === 'string'
  );
}

async function signIn(base, email) {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status}`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await response.json();
  return { cookie, csrfToken };
}

ensureBuilt();
const db = await freshDatabase('marsad_fuzz');
let server;
let failures = [];
try {
  server = await startServer({
    port: PORT,
    databaseUrl: db.url,
    env: {
      DEMO_DATA: 'true',
      PUBLIC_COMMENT_RATE_LIMIT: '1000000',
      PUBLIC_FORM_RATE_LIMIT: '1000000',
      HARVEST_RATE_LIMIT: '1000',
    },
  });
  const base = server.base;
  const doc = await (await fetch(`${base}/api/docs-json`)).json();
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    ['get', 'post', 'put', 'patch', 'delete']
      .filter((method) => item[method])
      .filter(() => !SKIPPED.some((re) => re.test(path)))
      .map((method) => ({ path, method, op: item[method] })),
  );

  // Ids and codes the API hands out, so generated paths reach real rows too.
  const pool = { ids: new Set(), codes: new Set(['MEF', 'HCP', 'ADD', 'PANDO-2021']) };
  const harvest = (value, depth = 0) => {
    if (depth > 5 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.slice(0, 20).forEach((v) => harvest(v, depth + 1));
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v)) pool.ids.add(v);
      else if (key === 'code' && typeof v === 'string') pool.codes.add(v);
      else harvest(v, depth + 1);
    }
  };
  const sessions = {};
  for (const [role, email] of Object.entries(ROLES)) sessions[role] = email ? await signIn(base, email) : null;
  for (const { path } of operations.filter((o) => o.method === 'get' && !o.path.includes('{'))) {
    for (const role of ['anonymous', 'coordinator']) {
      const response = await fetch(`${base}${path}`, {
        headers: sessions[role] ? { cookie: sessions[role].cookie } : {},
      });
      if ((response.headers.get('content-type') ?? '').includes('json'))
        harvest(await response.json().catch(() => null));
    }
  }
  const ids = [...pool.ids];
  const codes = [...pool.codes];
  const pathValue = fc.oneof(
    { weight: 3, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...codes) },
    { weight: 2, arbitrary: anyString },
  );
  console.log(`${operations.length} operations, ${ids.length} ids and ${codes.length} codes from the API`);

  const request = fc.record({
    operation: fc.constantFrom(...operations),
    role: fc.constantFrom(...Object.keys(ROLES)),
    pathValues: fc.array(pathValue, { minLength: 4, maxLength: 4 }),
    language: fc.constantFrom('ar', 'fr', 'en', 'de', '*', ''),
    seed: fc.integer(),
  });
  const samples = fc.sample(request, { numRuns: TOTAL, seed: SEED });
  const stats = { requests: 0, byStatus: {}, byRole: {} };
  let next = 0;

  async function send(sample) {
    const { operation, role, pathValues, language, seed } = sample;
    let i = 0;
    const url = new URL(
      base +
        operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(String(pathValues[i++ % pathValues.length]))),
    );
    const params = (operation.op.parameters ?? []).filter((p) => p.in === 'query');
    const [values] = fc.sample(
      fc.record(Object.fromEntries(params.map((p) => [p.name, arbitraryFor(p.schema ?? {}, doc)])), {
        requiredKeys: [],
      }),
      { numRuns: 1, seed },
    );
    for (const [name, value] of Object.entries(values ?? {}))
      url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    const session = sessions[role];
    const headers = { ...(language ? { 'accept-language': language } : {}) };
    if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
    let body;
    if (operation.method !== 'get' && operation.method !== 'delete') {
      const content = operation.op.requestBody?.content ?? {};
      if (content['multipart/form-data']) {
        const form = new FormData();
        const [bytes] = fc.sample(fc.uint8Array({ maxLength: 2048 }), { numRuns: 1, seed });
        form.append('file', new Blob([bytes]), 'fuzz.csv');
        form.append('title', 'fuzz');
        body = form;
      } else {
        const schema = content['application/json']?.schema;
        const [value] = fc.sample(schema ? arbitraryFor(schema, doc) : fc.jsonValue({ maxDepth: 3 }), {
          numRuns: 1,
          seed,
        });
        body = JSON.stringify(value);
        headers['content-type'] = 'application/json';
      }
    }
    const response = await fetch(url, { method: operation.method.toUpperCase(), headers, body, redirect: 'manual' });
    const text = await response.text();
    stats.requests++;
    stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
    stats.byRole[role] = (stats.byRole[role] ?? 0) + 1;
    const where = `${operation.method.toUpperCase()} ${url.pathname}${url.search.slice(0, 120)} as ${role}`;
    const sent = typeof body === 'string' ? body.slice(0, 300) : body ? '(multipart)' : undefined;
    if (response.status >= 500) failures.push({ where, status: response.status, sent, body: text.slice(0, 300) });
    else if (response.status >= 400) {
      let parsed = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      if (!isErrorShape(parsed, response.status))
        failures.push({ where, status: response.status, sent, body: `not the error shape: ${text.slice(0, 200)}` });
    }
    // A signed-in role whose session ended (say, its account was changed) signs in again.
    if (response.status === 401 && session) sessions[role] = await signIn(base, ROLES[role]).catch(() => session);
  }

  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < samples.length) await send(samples[next++]);
    }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${stats.requests} requests in ${seconds} s; by status ${JSON.stringify(stats.byStatus)}`);
  console.log(`by role ${JSON.stringify(stats.byRole)}`);
  const unique = new Map();
  for (const f of failures) unique.set(`${f.status} ${f.where.split(' as ')[0].replace(/[0-9a-f-]{36}/g, ':id')}`, f);
  console.log(`${failures.length} responses broke the rules (${unique.size} distinct)`);
  for (const f of [...unique.values()].slice(0, 40))
    console.log(`  ${f.status} ${f.where}${f.sent ? `\n      sent ${f.sent}` : ''}\n      ${f.body}`);
  mkdirSync('tmp', { recursive: true });
  writeFileSync(
    'tmp/fuzz.json',
    JSON.stringify({ at: new Date().toISOString(), seed: SEED, seconds: Number(seconds), ...stats, failures }, null, 2),
  );
} finally {
  await server?.stop();
  await db.drop();
}
process.exit(failures.length ? 1 : 0);
