// npm run test:replicas — two API processes on one PostgreSQL behind a round-robin proxy,
// started at the same moment, sharing one storage directory (issue #17, "Two instances").
// Checks, each timed where it matters:
//   sessions work on both; a sign-out on one is refused on the other within a second;
//   a harvest started on one is seen running on the other, which refuses a second (409);
//   a file uploaded through one is served by the other, byte for byte;
//   the sign-in rate limit and the account lockout count across both;
//   a change on one shows on the other's cached public answers within a second.
// Usage: node tools/replicas/two-instances.mjs [postgres server URL]. Exit 1 on any failure.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, freshDatabase, startServer } from '../bench/lib.mjs';

const PORTS = [3311, 3312];
const PROXY_PORT = 3310;
const PASSWORD = 'Marsad-Demo-2026';
const SIGN_IN_LIMIT = 8;

ensureBuilt();
const db = await freshDatabase('marsad_replicas');
const dataDir = mkdtempSync(join(tmpdir(), 'marsad-replicas-'));

const fixture = fork('tools/bench/fixture-process.ts', [], {
  execArgv: ['-r', 'ts-node/register/transpile-only'],
  env: {
    ...process.env,
    TS_NODE_PROJECT: 'libs/testing/ckan-fixture-server/tsconfig.lib.json',
    FIXTURE_DATASETS: '30000',
    FIXTURE_ORGANIZATIONS: '300',
  },
});
const portal = await new Promise((resolve) => fixture.on('message', (m) => m.type === 'ready' && resolve(m)));

const env = {
  DEMO_DATA: 'true',
  PORTAL_URL: portal.url,
  HARVEST_RATE_LIMIT: '1000',
  DATA_DIR: dataDir,
  TRUST_PROXY: 'loopback',
  SIGN_IN_RATE_LIMIT: String(SIGN_IN_LIMIT),
  LOG_LEVEL: 'error',
};
const started = performance.now();
// Both at once: the start-up lock makes them migrate and seed in turn.
const instances = await Promise.all(PORTS.map((port) => startServer({ port, databaseUrl: db.url, env })));
const startSeconds = ((performance.now() - started) / 1000).toFixed(1);
const [A, B] = instances.map((i) => i.base);

// The proxy: round robin, says which instance answered.
let turn = 0;
const proxy = createServer((req, res) => {
  const port = PORTS[turn++ % PORTS.length];
  const upstream = httpRequest(
    {
      host: '127.0.0.1',
      port,
      path: req.url,
      method: req.method,
      headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress, 'x-forwarded-proto': 'http' },
    },
    (answer) => {
      res.writeHead(answer.statusCode, { ...answer.headers, 'x-upstream': String(port) });
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(PROXY_PORT, '127.0.0.1', resolve));
const P = `http://127.0.0.1:${PROXY_PORT}`;

const results = [];
async function check(name, body) {
  const t0 = performance.now();
  try {
    const detail = await body();
    results.push({ name, ok: true, detail: detail ?? '', ms: Math.round(performance.now() - t0) });
  } catch (error) {
    results.push({ name, ok: false, detail: error.message, ms: Math.round(performance.now() - t0) });
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function signIn(base, email, password = PASSWORD, ip) {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ip ? { 'x-forwarded-for': ip } : {}) },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) return { status: response.status, code: (await response.json()).code };
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await response.json();
  return { status: 200, headers: { cookie, 'x-csrf-token': csrfToken } };
}
/** Polls `probe` until it is true; returns the milliseconds it took (or throws past `limitMs`). */
async function within(limitMs, probe) {
  const t0 = performance.now();
  for (;;) {
    if (await probe()) return Math.round(performance.now() - t0);
    if (performance.now() - t0 > limitMs) throw new Error(`not seen within ${limitMs} ms`);
    await sleep(25);
  }
}

try {
  const coordinator = await signIn(P, 'coordination@add.gov.ma');
  expect(coordinator.status === 200, `coordinator sign-in ${coordinator.status}`);

  await check('a session opened through the proxy works on both instances', async () => {
    const seen = new Set();
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${P}/api/v1/auth/session`, { headers: coordinator.headers });
      const body = await response.json();
      expect(response.status === 200 && body.user?.email === 'coordination@add.gov.ma', `session ${response.status}`);
      seen.add(response.headers.get('x-upstream'));
    }
    expect(seen.size === 2, `answered by ${[...seen]}`);
    return '6 of 6 signed in, answered by both';
  });

  await check('a sign-out on A is refused on B within a second', async () => {
    const session = await signIn(A, 'rod@hcp.ma');
    expect(session.status === 200, `sign-in ${session.status}`);
    const before = await fetch(`${B}/api/v1/auth/session`, { headers: session.headers }).then((r) => r.json());
    expect(before.user, 'B did not know the session');
    const out = await fetch(`${A}/api/v1/auth/sign-out`, { method: 'POST', headers: session.headers });
    expect(out.status === 204, `sign-out ${out.status}`);
    const ms = await within(1000, async () => {
      const now = await fetch(`${B}/api/v1/auth/session`, { headers: session.headers }).then((r) => r.json());
      return !now.user;
    });
    return `refused on B after ${ms} ms`;
  });

  await check('a harvest started on A is seen running on B, which refuses a second one (409)', async () => {
    const startedRun = await fetch(`${A}/api/v1/portal/runs`, {
      method: 'POST',
      headers: { ...coordinator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'full' }),
    });
    expect(startedRun.status === 202, `start on A ${startedRun.status}`);
    const run = await startedRun.json();
    const onB = await fetch(`${B}/api/v1/portal/runs/${run.id}`, { headers: coordinator.headers }).then((r) =>
      r.json(),
    );
    expect(onB.status === 'running', `B sees ${onB.status}`);
    const second = await fetch(`${B}/api/v1/portal/runs`, {
      method: 'POST',
      headers: { ...coordinator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'full' }),
    });
    expect(second.status === 409, `second start on B ${second.status}`);
    let finished;
    await within(180_000, async () => {
      finished = await fetch(`${B}/api/v1/portal/runs/${run.id}`, { headers: coordinator.headers }).then((r) =>
        r.json(),
      );
      return finished.status !== 'running';
    });
    expect(finished.status === 'succeeded', `run ${finished.status}`);
    const runs = await fetch(`${P}/api/v1/portal/runs?pageSize=10`, { headers: coordinator.headers }).then((r) =>
      r.json(),
    );
    const manual = runs.items.filter((r) => r.startedAt >= run.startedAt);
    expect(manual.length === 1, `${manual.length} runs started`);
    return `running on B, 409 on B, one run: ${finished.seen} datasets`;
  });

  await check('a file uploaded through A is served by B, byte for byte', async () => {
    const [activity] = await fetch(`${A}/api/v1/activities`).then((r) => r.json());
    const update = await fetch(`${A}/api/v1/activities/${activity.id}/updates`, {
      method: 'POST',
      headers: { ...coordinator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'in_progress', progress: 40, narrative: { fr: 'Rapport des deux instances.' } }),
    });
    expect(update.status === 201, `report ${update.status} ${await update.clone().text()}`);
    const { id } = await update.json();
    const pdf = Buffer.from(`%PDF-1.4\n% two instances ${Date.now()}\n%%EOF\n`);
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'rapport.pdf');
    form.append('title', 'Rapport');
    const upload = await fetch(`${A}/api/v1/progress-updates/${id}/evidence`, {
      method: 'POST',
      headers: coordinator.headers,
      body: form,
    });
    expect(upload.status === 201, `upload ${upload.status} ${await upload.clone().text()}`);
    const evidence = await upload.json();
    const download = await fetch(`${B}/api/v1/evidence/${evidence.id}/file`, { headers: coordinator.headers });
    expect(download.status === 200, `download on B ${download.status}`);
    const bytes = Buffer.from(await download.arrayBuffer());
    const sha = (b) => createHash('sha256').update(b).digest('hex');
    expect(sha(bytes) === sha(pdf), 'different bytes');
    return `${bytes.length} bytes, same SHA-256`;
  });

  await check(`the sign-in limit (${SIGN_IN_LIMIT} a minute per client) counts across both`, async () => {
    const statuses = [];
    for (let i = 0; i <= SIGN_IN_LIMIT; i++)
      statuses.push((await signIn(i % 2 ? B : A, `nobody${i}@example.ma`, 'wrong-password-1', '203.0.113.7')).status);
    expect(
      statuses.slice(0, SIGN_IN_LIMIT).every((s) => s === 401) && statuses[SIGN_IN_LIMIT] === 429,
      `statuses ${statuses.join(',')}`,
    );
    return `attempt ${SIGN_IN_LIMIT + 1} refused with 429 (alternating A/B)`;
  });

  await check('the account lockout counts failures on both', async () => {
    const statuses = [];
    // A different client address each time: the lockout is per account, not per address.
    for (let i = 0; i < 5; i++)
      statuses.push((await signIn(i % 2 ? B : A, 'rod@mef.gov.ma', 'wrong-password-1', `198.51.100.${i}`)).status);
    const right = await signIn(A, 'rod@mef.gov.ma', PASSWORD, '198.51.100.99');
    const rightOnB = await signIn(B, 'rod@mef.gov.ma', PASSWORD, '198.51.100.98');
    expect(
      statuses.slice(0, 4).every((s) => s === 401) && [right, rightOnB].every((r) => r.code === 'ACCOUNT_LOCKED'),
      `failures ${statuses}, then ${right.code}/${rightOnB.code}`,
    );
    return `the right password refused on A and B (ACCOUNT_LOCKED) after 5 failures spread over both`;
  });

  await check("a change on A shows in B's cached public answers within a second", async () => {
    const code = 'HCP';
    const read = (base) => fetch(`${base}/api/v1/institutions/${code}`).then((r) => r.json());
    await read(B); // warm B's cache
    const current = await read(A);
    const name = { ...current.name, fr: `${current.name.fr.replace(/ \(\d+\)$/, '')} (${Date.now() % 1000})` };
    const patch = await fetch(`${A}/api/v1/institutions/${code}`, {
      method: 'PATCH',
      headers: { ...coordinator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ version: current.version, name }),
    });
    expect(patch.status === 200, `patch on A ${patch.status} ${await patch.clone().text()}`);
    const ms = await within(1000, async () => (await read(B)).name.fr === name.fr);
    const listed = await fetch(`${B}/api/v1/institutions?q=${encodeURIComponent(name.fr)}`).then((r) => r.json());
    return `seen on B after ${ms} ms${listed.items ? `; B's list finds it: ${listed.items.length > 0}` : ''}`;
  });
} finally {
  proxy.close();
  await Promise.all(instances.map((i) => i.stop()));
  fixture.send({ type: 'stop' });
  await db.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nTwo instances on one PostgreSQL, started together in ${startSeconds} s (migrations and seeds in turn):`);
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}: ${r.detail} (${r.ms} ms)`);
const failed = results.filter((r) => !r.ok).length;
console.log(failed ? `\n${failed} of ${results.length} checks failed.` : `\nAll ${results.length} checks passed.`);
process.exit(failed ? 1 : 0);
