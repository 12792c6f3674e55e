import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

// `npm run e2e`: the built product in headless Chromium (Debian's, no browser download), one spec
// file per feature, run in order against one server (the specs share its database: workers: 1).
// `npm run e2e -- metrics` runs one file; `npm run e2e -- -g "registry"` the tests whose title matches.
const ROOT = join(__dirname, '..', '..');
const PORT = Number(process.env['E2E_PORT'] ?? 3199);

export default defineConfig({
  testDir: './src',
  outputDir: join(ROOT, 'tmp/e2e-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: join(ROOT, 'tmp/e2e-report') }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The built server (build first: NODE_ENV=production npm run build), fresh embedded database, demo data.
    command: 'node apps/web-e2e/serve.mjs',
    cwd: ROOT,
    env: { E2E_PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/api/health`,
    // Another server on the port would be tested in place of this build: refuse it.
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
