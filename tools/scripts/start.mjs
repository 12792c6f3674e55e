// `npm start`: builds what is missing or stale (Nx replays cached builds in seconds), then
// serves the web app and the API on one port (http://localhost:3000 by default).
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: process.env.NX_DAEMON ?? 'false' };
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'], {
  stdio: 'inherit',
  env,
});
if (build.status !== 0) {
  console.error('The build failed: see above.');
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['dist/apps/api/main.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
