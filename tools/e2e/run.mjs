// `npm run e2e`: the built product in headless Chromium, as a person would see it.
// Starts the server on a fresh embedded database with demo data, opens pages in Arabic and
// French at phone and desktop sizes, checks content and direction, and saves screenshots
// under tmp/e2e-screens/ (look at them).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PORT = Number(process.env.E2E_PORT ?? 3199);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = 'tmp/e2e-screens';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 768 },
];

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  ✗ ${name}\n      ${String(error?.message ?? error).split('\n').join('\n      ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function startServer(dataDir) {
  if (!existsSync('dist/apps/api/main.js') || !existsSync('dist/apps/web/browser/index.html')) {
    throw new Error('Build first: npm run build');
  }
  const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', DATABASE_URL: '', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${BASE}/api/health`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill('SIGTERM');
  throw new Error('server did not become healthy within 90 s');
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-e2e-'));
  const server = await startServer(dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const plan = await (await fetch(`${BASE}/api/v1/plans/PANDO-2021`)).json();
    const measure = plan.measures.find((m) => m.activities.length >= 3) ?? plan.measures[0];
    const activity = measure.activities[0];

    for (const locale of ['ar', 'fr']) {
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: locale === 'ar' ? 'ar-MA' : 'fr-MA' });
        const page = await context.newPage();
        const errors = [];
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        page.on('pageerror', (error) => errors.push(String(error)));

        await check(`overview ${locale} ${viewport.name}: 13 measures, direction, no overflow`, async () => {
          await page.goto(`${BASE}/${locale}`, { waitUntil: 'networkidle' });
          await page.getByText(plan.measures[12].title[locale], { exact: false }).filter({ visible: true }).first().waitFor({ timeout: 15_000 });
          const html = await page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
          assert(html.dir === (locale === 'ar' ? 'rtl' : 'ltr'), `html dir is ${html.dir}`);
          assert(html.lang === locale, `html lang is ${html.lang}`);
          const text = await page.evaluate(() => document.body.innerText);
          const missing = plan.measures.filter((m) => !text.includes(m.title[locale]));
          assert(missing.length === 0, `measures not shown: ${missing.map((m) => m.number).join(', ')}`);
          assert(!/⟦|\b[a-z]+(\.[a-zA-Z_]+){2,}\b/.test(text.replace(/www\.data\.gov\.ma|data\.gov\.ma/g, '')), 'untranslated key visible');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 1, `page scrolls sideways by ${overflow}px`);
          assert(await page.locator('canvas').count() >= 1, 'no chart drawn');
          await page.screenshot({ path: `${SHOTS}/overview-${locale}-${viewport.name}.png`, fullPage: viewport.name === 'desktop' });
        });

        await check(`measure page ${locale} ${viewport.name}: activities and timeline`, async () => {
          await page.goto(`${BASE}/${locale}/measures/${measure.id}`, { waitUntil: 'networkidle' });
          await page.getByText(activity.title[locale], { exact: false }).filter({ visible: true }).first().waitFor({ timeout: 15_000 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 1, `page scrolls sideways by ${overflow}px`);
          await page.screenshot({ path: `${SHOTS}/measure-${locale}-${viewport.name}.png`, fullPage: true });
        });

        await check(`activity page ${locale} ${viewport.name}: details and update form`, async () => {
          await page.goto(`${BASE}/${locale}/activities/${activity.id}`, { waitUntil: 'networkidle' });
          await page.getByText(activity.title[locale], { exact: false }).filter({ visible: true }).first().waitFor({ timeout: 15_000 });
          assert((await page.locator('form').count()) >= 1, 'no form on the activity page');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 1, `page scrolls sideways by ${overflow}px`);
          await page.screenshot({ path: `${SHOTS}/activity-${locale}-${viewport.name}.png`, fullPage: true });
        });

        await check(`no console errors ${locale} ${viewport.name}`, async () => {
          assert(errors.length === 0, errors.join('\n'));
        });
        await context.close();
      }
    }

    await check('a link without a language goes to the browser language', async () => {
      const context = await browser.newContext({ locale: 'ar-MA' });
      const page = await context.newPage();
      await page.goto(`${BASE}/`, { waitUntil: 'networkidle' });
      assert(new URL(page.url()).pathname.startsWith('/ar'), `went to ${page.url()}`);
      await context.close();
    });

    await check('a progress update posted in the browser moves the measure', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      const target = plan.measures.flatMap((m) => m.activities).find((a) => a.status !== 'cancelled' && a.status !== 'completed' && a.progress < 90);
      await page.goto(`${BASE}/fr/activities/${target.id}`, { waitUntil: 'networkidle' });
      const form = page.locator('form').filter({ has: page.locator('textarea') }).first();
      await form.locator('input[formcontrolname="authorName"]').fill('Test E2E');
      const progressInput = form.locator('input[type="number"][formcontrolname="progress"]');
      await progressInput.fill(String(target.progress + 10));
      await form.locator('textarea').first().fill('Point d’étape saisi par le test de bout en bout');
      await form.locator('button[type="submit"]').click();
      await page.getByText('Point d’étape saisi par le test de bout en bout').first().waitFor({ timeout: 15_000 });
      const after = await (await fetch(`${BASE}/api/v1/activities/${target.id}`)).json();
      assert(after.progress === target.progress + 10, `progress is ${after.progress}, expected ${target.progress + 10}`);
      await page.screenshot({ path: `${SHOTS}/activity-after-update-fr.png`, fullPage: true });
      await context.close();
    });
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\nScreenshots: ${SHOTS}/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
