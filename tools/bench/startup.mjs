// npm run bench:startup — `npm start` on an existing embedded database, already built: the time from
// the command to a healthy /api/health (target ≤ 5 s). A first start (fresh data directory, demo
// data) prepares the database and is not counted; then RUNS starts are timed, each stopped with
// SIGTERM once healthy. Writes tmp/bench-startup.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 3195;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 5_000;
const dataDir = mkdtempSync(join(tmpdir(), 'marsad-bench-startup-'));

async function start() {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const ms = Math.round(performance.now() - started);
  await new Promise((resolve) => {
    child.once('exit', resolve);
    process.kill(-child.pid, 'SIGTERM');
  });
  return ms;
}

try {
  const first = await start();
  console.log(`first start (build check, migrations, demo data): ${first} ms — not counted`);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(await start());
    console.log(`start ${i + 1}: ${times[i]} ms`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`median ${median} ms, worst ${sorted[sorted.length - 1]} ms (target ≤ ${TARGET_MS} ms)`);
  mkdirSync('tmp', { recursive: true });
  writeFileSync(
    'tmp/bench-startup.json',
    JSON.stringify(
      { at: new Date().toISOString(), firstMs: first, runsMs: times, medianMs: median, targetMs: TARGET_MS },
      null,
      2,
    ),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
