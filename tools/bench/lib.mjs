// Shared helpers for the benchmarks: a server on a fresh PostgreSQL database, a signed-in
// client, and a bounded load loop that reports latency percentiles.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

export const PG_SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function ensureBuilt() {
  if (existsSync('dist/apps/api/main.js') && process.env.BENCH_REBUILD !== 'true') return;
  const build = spawnSync('npx', ['nx', 'build', 'api', '--output-style=static'], {
    stdio: 'inherit',
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  });
  if (build.status !== 0) process.exit(1);
}

/** A fresh database on the local PostgreSQL server; returns its URL and a drop function. */
export async function freshDatabase(name) {
  const admin = new pg.Client({ connectionString: PG_SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: PG_SERVER });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function startServer({ port, databaseUrl, env = {} }) {
  const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      SIGN_IN_RATE_LIMIT: '1000',
      WRITE_RATE_LIMIT: '100000',
      PUBLIC_READ_RATE_LIMIT: '10000000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok)
        return {
          base,
          pid: server.pid,
          /** The child process itself, for a test that kills it (tools/crash). */
          process: server,
          stop: () =>
            new Promise((r) => {
              server.once('exit', r);
              server.kill('SIGTERM');
            }),
        };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

/** Signs in through the API; returns fetch helpers carrying the cookie and CSRF token. */
export async function signIn(base, email, password) {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await response.json();
  return {
    cookie,
    get: (path) => fetch(`${base}${path}`, { headers: { cookie } }),
    post: (path, body, headers = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, ...headers }, body }),
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * `clients` concurrent loops, each issuing requests from `next()` back to back for `seconds`
 * (bounded: it stops by itself). `next` returns a URL, or `[url, init]` (headers, say). Returns
 * count, errors and latency percentiles in ms.
 */
export async function load({ clients, seconds, next }) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let i = 0;
      while (performance.now() < deadline) {
        const started = performance.now();
        const target = next(client, i++);
        const response = await (Array.isArray(target) ? fetch(target[0], target[1]) : fetch(target));
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (!response.ok) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / seconds),
    p50: +percentile(latencies, 50).toFixed(1),
    p95: +percentile(latencies, 95).toFixed(1),
    p99: +percentile(latencies, 99).toFixed(1),
  };
}
