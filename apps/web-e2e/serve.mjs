// Started by playwright.config.ts (webServer): the BUILT server on a fresh embedded database with
// demo data, in a temporary DATA_DIR that is removed when Playwright stops it (SIGTERM).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!existsSync('dist/apps/api/main.js') || !existsSync('dist/apps/web/browser/index.html')) {
  console.error('Build first: NODE_ENV=production npm run build');
  process.exit(1);
}
const dataDir = mkdtempSync(join(tmpdir(), 'marsad-e2e-'));
const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
  env: {
    ...process.env,
    PORT: process.env.E2E_PORT ?? '3199',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    DATABASE_URL: '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SIGN_IN_RATE_LIMIT: '100',
    // Every browser test reads anonymously from 127.0.0.1: far above PUBLIC_READ_RATE_LIMIT's 600 a minute.
    PUBLIC_READ_RATE_LIMIT: '1000000',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const stop = (signal) => {
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGTERM'));
server.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 0 : 1));
});
