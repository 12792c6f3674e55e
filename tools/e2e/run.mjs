// `npm run e2e`: the built product in headless Chromium, as a person would see it.
// Starts the server on a fresh embedded database with demo data, opens pages in Arabic and
// French at phone and desktop sizes, checks content and direction, signs in with the demo
// accounts to write (progress, a stale edit and its conflict dialog), checks what an officer
// of another institution sees and what the audit trail records, and saves screenshots under
// tmp/e2e-screens/ (look at them).
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

// Every demo account shares this password (demo mode only).
const DEMO_PASSWORD = 'Marsad-Demo-2026';

/** Signs in through the sign-in page, as a person would, and waits for the page it returns to. */
async function signIn(page, locale, email, returnUrl) {
  await page.goto(`${BASE}/${locale}/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`, { waitUntil: 'networkidle' });
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === returnUrl.split('?')[0], { timeout: 15_000 });
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `page scrolls sideways by ${overflow}px`);
}

async function startServer(dataDir) {
  if (!existsSync('dist/apps/api/main.js') || !existsSync('dist/apps/web/browser/index.html')) {
    throw new Error('Build first: npm run build');
  }
  const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', DATABASE_URL: '', NODE_ENV: 'production', LOG_LEVEL: 'warn', SIGN_IN_RATE_LIMIT: '100' },
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

        await check(`activity page ${locale} ${viewport.name}: details, and who may report when signed out`, async () => {
          await page.goto(`${BASE}/${locale}/activities/${activity.id}`, { waitUntil: 'networkidle' });
          await page.getByText(activity.title[locale], { exact: false }).filter({ visible: true }).first().waitFor({ timeout: 15_000 });
          assert((await page.locator('msd-progress-update-form, msd-activity-edit-form').count()) === 0, 'forms shown to a signed-out reader');
          assert(await page.locator('.activity-access a[href*="/sign-in"]').isVisible(), 'no sign-in hint where the update form would be');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 1, `page scrolls sideways by ${overflow}px`);
          await page.screenshot({ path: `${SHOTS}/activity-${locale}-${viewport.name}.png`, fullPage: true });
        });

        await check(`sign-in page ${locale} ${viewport.name}: fields for password managers, direction, no overflow`, async () => {
          await page.goto(`${BASE}/${locale}/sign-in`, { waitUntil: 'networkidle' });
          const email = page.locator('input[name="email"]');
          await email.waitFor({ timeout: 15_000 });
          assert((await email.getAttribute('autocomplete')) === 'username', 'email field lacks autocomplete=username');
          assert((await page.locator('input[name="password"]').getAttribute('autocomplete')) === 'current-password', 'password field lacks autocomplete=current-password');
          assert(await email.evaluate((el) => el === document.activeElement), 'the email field does not have the focus');
          const dir = await page.evaluate(() => document.documentElement.dir);
          assert(dir === (locale === 'ar' ? 'rtl' : 'ltr'), `html dir is ${dir}`);
          await noSidewaysScroll(page);
          await page.screenshot({ path: `${SHOTS}/sign-in-${locale}-${viewport.name}.png`, fullPage: true });
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

    const activities = plan.measures.flatMap((m) => m.activities);
    const target = activities.find((a) => a.status !== 'cancelled' && a.status !== 'completed' && a.progress < 90);

    await check('wrong credentials: the sign-in page says so and stays', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await page.goto(`${BASE}/fr/sign-in`, { waitUntil: 'networkidle' });
      await page.locator('input[name="email"]').fill('coordination@add.gov.ma');
      await page.locator('input[name="password"]').fill('not-the-password');
      await page.locator('form button[type="submit"]').click();
      const alert = page.locator('.msd-error[role="alert"]');
      await alert.waitFor({ timeout: 15_000 });
      assert((await alert.innerText()).trim().length > 0, 'empty error message');
      assert(new URL(page.url()).pathname === '/fr/sign-in', `left the sign-in page for ${page.url()}`);
      await page.screenshot({ path: `${SHOTS}/sign-in-error-fr-phone.png`, fullPage: true });
      await context.close();
    });

    await check('a progress update posted in the browser (signed in as the coordinator) moves the measure', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await signIn(page, 'fr', 'coordination@add.gov.ma', `/fr/activities/${target.id}`);
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

    await check('a stale edit: the second coordinator sees both due dates, re-applies theirs, and it is saved', async () => {
      const open = async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ar-MA' });
        const page = await context.newPage();
        await signIn(page, 'ar', 'coordination@add.gov.ma', `/ar/activities/${target.id}`);
        await page.locator('msd-activity-edit-form input[formcontrolname="dueDate"]').waitFor({ timeout: 15_000 });
        return { context, page };
      };
      const first = await open();
      const second = await open();
      const dueFirst = '2027-03-15';
      const dueSecond = '2027-09-20';
      const save = async (page, due) => {
        const form = page.locator('msd-activity-edit-form');
        await form.locator('input[formcontrolname="dueDate"]').fill(due);
        await form.locator('button[type="submit"]').click();
      };
      await save(first.page, dueFirst);
      await first.page.locator('simple-snack-bar, .mat-mdc-snack-bar-label').first().waitFor({ timeout: 15_000 });
      const afterFirst = await (await fetch(`${BASE}/api/v1/activities/${target.id}`)).json();
      assert(afterFirst.dueDate === dueFirst, `first save: due date is ${afterFirst.dueDate}`);

      await save(second.page, dueSecond);
      const dialog = second.page.locator('mat-dialog-container');
      await dialog.waitFor({ timeout: 15_000 });
      const dueRow = dialog.locator('tr.conflict-table__diff');
      assert((await dueRow.count()) >= 1, 'no differing row in the conflict dialog');
      const text = await dialog.innerText();
      assert(text.includes('15') && text.includes('20') && text.includes('2027'), `the dialog does not show both dates:\n${text}`);
      await second.page.waitForTimeout(500); // let the dialog finish opening
      await second.page.screenshot({ path: `${SHOTS}/conflict-dialog-ar.png` });
      // Actions: keep editing, reload theirs, re-apply mine.
      await dialog.locator('mat-dialog-actions button').nth(2).click();
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      await second.page.waitForLoadState('networkidle');
      const afterSecond = await (await fetch(`${BASE}/api/v1/activities/${target.id}`)).json();
      assert(afterSecond.dueDate === dueSecond, `after re-apply: due date is ${afterSecond.dueDate}`);
      assert(afterSecond.version > afterFirst.version, 'the version did not move');
      await first.context.close();
      await second.context.close();
    });

    await check('an HCP officer sees no update form on an activity HCP neither leads nor contributes to', async () => {
      const foreign = activities.find((a) => a.leadInstitution?.code !== 'HCP' && !(a.contributors ?? []).some((c) => c.code === 'HCP'));
      assert(foreign, 'no activity outside HCP in the demo plan');
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await signIn(page, 'fr', 'rod@hcp.ma', `/fr/activities/${foreign.id}`);
      assert((await page.locator('msd-progress-update-form').count()) === 0, 'the update form is shown');
      assert((await page.locator('msd-activity-edit-form').count()) === 0, 'the planning form is shown');
      assert(await page.locator('.activity-access').isVisible(), 'no line saying who can report');
      assert((await page.locator('.msd-nav__working-for').innerText()).length > 0, 'the navigation does not say whom the officer works for');
      await noSidewaysScroll(page);
      await page.screenshot({ path: `${SHOTS}/activity-officer-hcp-fr-phone.png`, fullPage: true });
      await context.close();
    });

    await check('the audit page, as the coordinator, lists the changes just made', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/audit');
      await page.locator('msd-audit-event-list li').first().waitFor({ timeout: 15_000 });
      const events = await page.locator('msd-audit-event-list li').allInnerTexts();
      const all = events.join('\n');
      assert(/Activité modifiée/.test(all), 'no activity change listed');
      assert(/Point d.avancement publié/.test(all), 'no progress update listed');
      assert(all.includes('Coordinateur ADD'), 'the coordinator is not named with their role');
      assert((await page.locator(`msd-audit-event-list a[href="/fr/activities/${target.id}"]`).count()) >= 1, 'no link to the activity');
      await page.screenshot({ path: `${SHOTS}/audit-fr-desktop.png`, fullPage: true });
      await context.close();
    });
    // Measures 3 and 5: the registry of administrations, the officers, coverage and the import.
    await check('registry: «الرباط» in Arabic finds the Rabat entries', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ar-MA' });
      const page = await context.newPage();
      await page.goto(`${BASE}/ar/institutions?q=${encodeURIComponent('الرباط')}`, { waitUntil: 'networkidle' });
      await page.locator('table.reg-table tbody tr').first().waitFor({ timeout: 15_000 });
      assert((await page.locator('html').getAttribute('dir')) === 'rtl' || (await page.locator('.msd-shell').getAttribute('dir')) === 'rtl', 'not right to left');
      const names = (await page.locator('table.reg-table tbody th').allInnerTexts()).join('\n');
      assert(names.includes('الرباط'), `no Rabat entry: ${names.slice(0, 200)}`);
      await noSidewaysScroll(page);
      await page.screenshot({ path: `${SHOTS}/registry-ar-desktop.png`, fullPage: false });
      await context.close();
    });

    await check('registry: `fes` in French finds Fès (typed, debounced, kept in the URL)', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await page.goto(`${BASE}/fr/institutions`, { waitUntil: 'networkidle' });
      await page.locator('input[name="q"]').fill('fes');
      await page.waitForURL((url) => url.searchParams.get('q') === 'fes', { timeout: 10_000 });
      await page.waitForLoadState('networkidle');
      const names = (await page.locator('table.reg-table tbody th').allInnerTexts()).join('\n');
      assert(/Fès/.test(names), `no Fès entry: ${names.slice(0, 200)}`);
      await noSidewaysScroll(page);
      await page.screenshot({ path: `${SHOTS}/registry-fr-phone.png`, fullPage: false });
      await context.close();
    });

    await check('MEF page: its officer (rod@mef.gov.ma) gets the appoint form', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await signIn(page, 'fr', 'rod@mef.gov.ma', '/fr/institutions/MEF');
      await page.locator('msd-appointment-form').first().waitFor({ timeout: 15_000 });
      await page.screenshot({ path: `${SHOTS}/institution-mef-officer-fr-desktop.png`, fullPage: true });
      await context.close();
    });

    await check('MEF page: an HCP officer (rod@hcp.ma) gets no appoint form', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar-MA' });
      const page = await context.newPage();
      await signIn(page, 'ar', 'rod@hcp.ma', '/ar/institutions/MEF');
      await page.locator('#officers-title').waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      assert((await page.locator('msd-appointment-form').count()) === 0, 'the appoint form is shown to another administration');
      await noSidewaysScroll(page);
      await page.screenshot({ path: `${SHOTS}/institution-mef-hcp-ar-phone.png`, fullPage: true });
      await context.close();
    });

    for (const locale of ['ar', 'fr']) {
      for (const viewport of VIEWPORTS) {
        await check(`coverage ${locale} ${viewport.name}: figures, charts with tables, vacancies`, async () => {
          const context = await browser.newContext({ viewport, locale: locale === 'ar' ? 'ar-MA' : 'fr-MA' });
          const page = await context.newPage();
          const errors = [];
          page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
          await page.goto(`${BASE}/${locale}/coverage`, { waitUntil: 'networkidle' });
          await page.locator('.cov-figure__value').first().waitFor({ timeout: 15_000 });
          assert((await page.locator('.cov-figure__value').count()) === 3, 'three headline figures expected');
          assert((await page.locator('msd-bar-chart canvas').count()) >= 2, 'charts missing');
          assert((await page.locator('table.cov-table').count()) >= 2, 'tables missing');
          assert((await page.locator('.cov-vacancies li').count()) > 0, 'no vacancies listed');
          await noSidewaysScroll(page);
          assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
          await page.screenshot({ path: `${SHOTS}/coverage-${locale}-${viewport.name}.png`, fullPage: true });
          await context.close();
        });
      }
    }

    await check('import preview: a bad row is listed and confirm stays disabled', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/officers/import');
      const template = await (await fetch(`${BASE}/api/v1/officers/import-template?format=csv`)).text();
      const header = template.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
      const csv = [header, 'MEF,GDD,active,Karim Bennani,كريم بناني,k.bennani@example.ma,,Chef de service,2026-02-01,,,non', 'HCP,ROD,active,Sans Email,بدون بريد,not-an-email,,,2026-02-01,,,non'].join('\n');
      await page.locator('input[type="file"]').setInputFiles({ name: 'officers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByRole('button', { name: 'Prévisualiser' }).click();
      await page.locator('table.imp-issues tbody tr').first().waitFor({ timeout: 15_000 });
      const rows = await page.locator('table.imp-issues tbody tr').allInnerTexts();
      assert(rows.some((r) => /^\s*3\b/.test(r) && r.includes('not-an-email')), `row 3 not listed: ${rows.join(' | ')}`);
      assert(await page.locator('button.imp-confirm').isDisabled(), 'confirm is enabled despite issues');
      await page.screenshot({ path: `${SHOTS}/import-preview-fr-desktop.png`, fullPage: true });
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
