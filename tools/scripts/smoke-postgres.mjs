// CI smoke test: the built server against a real PostgreSQL (DATABASE_URL), started twice:
// the same migrations apply, the plan is loaded once, and data written survives a restart.
import { spawn } from 'node:child_process';

const url = process.argv[2];
const PORT = 3198;
const BASE = `http://127.0.0.1:${PORT}`;

async function start() {
  const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not healthy in 60 s');
}
const stop = (server) =>
  new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });
let server;
// A failure stops the server too, so no process is left holding the port after a red run.
const fail = (message) => {
  console.error(`smoke: ${message}`);
  server?.kill('SIGKILL');
  process.exit(1);
};

server = await start();
const health = await (await fetch(`${BASE}/api/health`)).json();
if (health.database !== 'postgres') fail(`health says ${health.database}`);
const plan = await (await fetch(`${BASE}/api/v1/plans/PANDO-2021`)).json();
const activities = plan.measures.flatMap((m) => m.activities);
if (plan.measures.length !== 13 || activities.length !== 26)
  fail(`plan has ${plan.measures.length} measures, ${activities.length} activities`);
const target = activities[0];
// Writes need a session: sign in as the demo coordinator and echo the CSRF token.
const signIn = await fetch(`${BASE}/api/v1/auth/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'coordination@add.gov.ma', password: 'Marsad-Demo-2026' }),
});
if (signIn.status !== 200) fail(`sign-in answered ${signIn.status}`);
const cookie = signIn.headers.get('set-cookie').split(';')[0];
const { csrfToken } = await signIn.json();
const post = await fetch(`${BASE}/api/v1/activities/${target.id}/updates`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
  body: JSON.stringify({ status: 'in_progress', progress: 42, narrative: { en: 'smoke' } }),
});
if (post.status !== 201) fail(`update answered ${post.status}`);
// Demo mode harvested its generated portal at start: the metrics are there.
const national = await (await fetch(`${BASE}/api/v1/metrics/national`)).json();
if (!national.figures || national.figures.datasets < 1000)
  fail(`national metrics: ${JSON.stringify(national.figures?.datasets)}`);
await stop(server);

server = await start();
const after = await (await fetch(`${BASE}/api/v1/activities/${target.id}`)).json();
await stop(server);
if (after.progress !== 42) fail(`after a restart the progress is ${after.progress}`);

// The operator command fails loudly when the portal cannot be reached (for cron and monitoring).
const harvest = spawn(process.execPath, ['dist/apps/api/cli.js', 'portal:harvest'], {
  env: {
    ...process.env,
    DATABASE_URL: url,
    PORTAL_URL: 'http://127.0.0.1:9/api/3/action',
    HARVEST_RETRIES: '1',
    HARVEST_TIMEOUT_MS: '1000',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let printed = '';
harvest.stdout.on('data', (chunk) => (printed += chunk));
const code = await new Promise((resolve) => harvest.on('exit', resolve));
if (code !== 1 || !/FAILED/.test(printed)) fail(`portal:harvest against a dead portal exited ${code}:\n${printed}`);
console.log('2 passed, 0 failed');
