// `npm start`: builds what is missing or stale (nothing at all when no input changed since the
// last build), then serves the web app and the API on one port (http://localhost:3000 by default).
import { spawn } from 'node:child_process';
import { ensureBuilt } from './build.mjs';

await ensureBuilt({ projects: ['api', 'web'], outputs: ['dist/apps/api/main.js', 'dist/apps/web/browser/index.html'] });

const server = spawn(process.execPath, ['dist/apps/api/main.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
