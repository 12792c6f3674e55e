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

/** The smallest well-formed one-page PDF (offsets computed), to upload as an appointing act. */
function minimalPdf() {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `page scrolls sideways by ${overflow}px`);
}

async function startServer(dataDir) {
  if (!existsSync('dist/apps/api/main.js') || !existsSync('dist/apps/web/browser/index.html')) {
    throw new Error('Build first: npm run build');
  }
  // Another server on the port would answer the health check and be tested in place of this build.
  const busy = await fetch(`${BASE}/api/health`).then(() => true, () => false);
  if (busy) throw new Error(`port ${PORT} is in use: stop what listens there, or set E2E_PORT`);
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
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
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
      // The re-applied save may still be in flight when the dialog closes: wait for it, up to 15 s.
      let afterSecond;
      for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 250))) {
        afterSecond = await (await fetch(`${BASE}/api/v1/activities/${target.id}`)).json();
        if (afterSecond.dueDate === dueSecond) break;
      }
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

    // Issue #4 in the browser: a ROD appointed with its act, then ended; the administrations import; filtered exports.
    const vacant = (await (await fetch(`${BASE}/api/v1/institutions?type=province&hasRod=false&sort=code&pageSize=1`)).json()).items[0];

    await check(`a coordinator appoints a ROD with its act on ${vacant?.code}, which had none, and sees it in office`, async () => {
      assert(vacant, 'no province without a ROD in the demo data');
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await signIn(page, 'fr', 'coordination@add.gov.ma', `/fr/institutions/${vacant.code}`);
      assert((await page.locator('li.inst-officer[data-role="ROD"]').count()) === 0, 'the administration already shows a ROD');
      const form = page.locator('section.inst-appoint msd-appointment-form');
      await form.waitFor({ timeout: 15_000 });
      // Role (ROD) and status (in office) are the defaults.
      await form.locator('input[formcontrolname="ar"]').fill('سلمى العلوي');
      await form.locator('input[formcontrolname="fr"]').fill('Salma Alaoui');
      await form.locator('input[formcontrolname="email"]').fill('s.alaoui@e2e.marsad.ma');
      await form.locator('input[formcontrolname="position"]').fill('Cheffe de division');
      await form.locator('input[formcontrolname="actReference"]').fill('Décision n° 12/2026');
      await form.locator('button[type="submit"]').click();
      const card = page.locator('li.inst-officer[data-role="ROD"]').filter({ hasText: 'Salma Alaoui' });
      await card.waitFor({ timeout: 15_000 });
      assert((await card.locator('.inst-status').innerText()).trim() === 'En fonction', `status shown: ${await card.locator('.inst-status').innerText()}`);
      await card.locator('input[type="file"]').setInputFiles({ name: 'acte-nomination.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
      await card.locator('a[href$="/act"]').waitFor({ timeout: 15_000 });
      const officers = await (await page.request.get(`${BASE}/api/v1/institutions/${vacant.code}/officers`)).json();
      const rod = officers.find((a) => a.role === 'ROD' && a.status === 'active');
      assert(rod?.act?.hasDocument === true, `the act is not stored: ${JSON.stringify(rod?.act)}`);
      const act = await page.request.get(`${BASE}/api/v1/officers/${rod.id}/act`);
      assert(act.ok() && (await act.body()).subarray(0, 5).toString() === '%PDF-', `the act does not come back as the PDF (${act.status()})`);
      assert(errors.length === 0, errors.join('\n'));
      await page.evaluate(() => window.scrollTo(0, 0)); // the sticky toolbar would cover the card in a full-page shot
      await page.screenshot({ path: `${SHOTS}/institution-rod-appointed-fr-desktop.png`, fullPage: true });
      await context.close();
    });

    await check('the coordinator ends that appointment with a reason and finds it in the history, ended', async () => {
      assert(vacant, 'no province without a ROD in the demo data');
      const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'ar-MA' });
      const page = await context.newPage();
      await signIn(page, 'ar', 'coordination@add.gov.ma', `/ar/institutions/${vacant.code}`);
      const card = page.locator('li.inst-officer[data-role="ROD"]').filter({ hasText: 'سلمى العلوي' });
      await card.waitFor({ timeout: 15_000 });
      await card.locator('button.inst-danger').click();
      const dialog = page.locator('mat-dialog-container');
      await dialog.waitFor({ timeout: 15_000 });
      const submit = dialog.locator('mat-dialog-actions button[type="submit"]');
      assert(await submit.isDisabled(), 'ending is possible before confirming');
      await dialog.locator('textarea[formcontrolname="reason"]').fill('انتقال إلى إدارة أخرى');
      await dialog.locator('mat-checkbox input[type="checkbox"]').check();
      await page.waitForTimeout(300); // let the dialog finish opening
      await page.screenshot({ path: `${SHOTS}/end-appointment-dialog-ar-phone.png` });
      await submit.click();
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      const ended = page.locator('table.inst-history tbody tr').filter({ hasText: 'سلمى العلوي' });
      await ended.waitFor({ timeout: 15_000 });
      assert((await ended.innerText()).includes('انتقال إلى إدارة أخرى'), `no reason in the history row: ${await ended.innerText()}`);
      assert((await page.locator('li.inst-officer[data-role="ROD"]').filter({ hasText: 'سلمى العلوي' }).count()) === 0, 'still listed as in office');
      const officers = await (await page.request.get(`${BASE}/api/v1/institutions/${vacant.code}/officers`)).json();
      assert(officers.some((a) => a.role === 'ROD' && a.status === 'ended' && a.endReason === 'انتقال إلى إدارة أخرى'), 'the API does not hold it as ended');
      await noSidewaysScroll(page);
      await page.screenshot({ path: `${SHOTS}/institution-rod-ended-ar-phone.png`, fullPage: true });
      await context.close();
    });

    const institutionsHeader = (await (await fetch(`${BASE}/api/v1/institutions/import-template?format=csv`)).text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    for (const [locale, viewport] of [['ar', { width: 360, height: 780 }], ['fr', { width: 1366, height: 900 }]]) {
      const name = `${locale}-${viewport.width < 600 ? 'phone' : 'desktop'}`;
      const code = (n) => `E2E-${locale.toUpperCase()}-${n}`;
      const csv = (type) =>
        [institutionsHeader, `${code(1)},Office E2E un,مكتب الاختبار الأول,,public_institution,E2E1,,,,,oui`, `${code(2)},Office E2E deux,مكتب الاختبار الثاني,,${type},,${code(1)},,,,oui`].join('\n');
      await check(`administrations import ${name}: a bad row blocks confirm, the corrected file imports`, async () => {
        const context = await browser.newContext({ viewport, locale: locale === 'ar' ? 'ar-MA' : 'fr-MA' });
        const page = await context.newPage();
        const errors = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (error) => errors.push(String(error)));
        await signIn(page, locale, 'coordination@add.gov.ma', `/${locale}/institutions`);
        // The entry point on the registry list, beside the exports.
        await page.locator('a.reg-import').waitFor({ timeout: 15_000 });
        await noSidewaysScroll(page);
        await page.screenshot({ path: `${SHOTS}/registry-coordinator-${name}.png`, fullPage: false });
        await page.locator('a.reg-import').click();
        await page.waitForURL((url) => url.pathname === `/${locale}/institutions/import`, { timeout: 15_000 });
        await page.locator('input[type="file"]').waitFor({ state: 'attached', timeout: 15_000 }); // hidden behind a translated button
        assert((await page.locator('a[download]').first().getAttribute('href')).startsWith('/api/v1/institutions/import-template'), 'the template is not the administrations one');
        await noSidewaysScroll(page);
        await page.screenshot({ path: `${SHOTS}/institutions-import-start-${name}.png`, fullPage: true });

        await page.locator('input[type="file"]').setInputFiles({ name: 'administrations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('planet'), 'utf8') });
        await page.locator('.imp-card .msd-form__actions button').click();
        await page.locator('table.imp-issues tbody tr').first().waitFor({ timeout: 15_000 });
        const rows = await page.locator('table.imp-issues tbody tr').allInnerTexts();
        const rowNumbers = await page.locator('table.imp-issues tbody th').allInnerTexts(); // on phones: "Row 3"
        assert(rows.length === 1 && /(^|\s)3$/.test(rowNumbers[0].trim()) && rows[0].includes('planet'), `expected row 3 (planet) only: ${rows.join(' | ')}`);
        assert(await page.locator('button.imp-confirm').isDisabled(), 'confirm is enabled despite issues');
        await noSidewaysScroll(page);
        await page.screenshot({ path: `${SHOTS}/institutions-import-preview-${name}.png`, fullPage: true });
        assert((await fetch(`${BASE}/api/v1/institutions/${code(1)}`)).status === 404, 'the preview wrote something');

        await page.locator('.imp-card .msd-form__actions button').first().click(); // choose another file
        await page.locator('input[type="file"]').setInputFiles({ name: 'administrations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('public_enterprise'), 'utf8') });
        await page.locator('.imp-card .msd-form__actions button').click();
        await page.locator('.imp-counts').first().waitFor({ timeout: 15_000 });
        assert((await page.locator('table.imp-issues').count()) === 0, 'issues listed for the corrected file');
        const confirm = page.locator('button.imp-confirm');
        assert(await confirm.isEnabled(), 'confirm is disabled for a clean file');
        await confirm.click();
        const dialog = page.locator('mat-dialog-container');
        await dialog.waitFor({ timeout: 15_000 });
        await page.waitForTimeout(300); // let the dialog finish opening
        await page.screenshot({ path: `${SHOTS}/institutions-import-confirm-${name}.png` });
        await dialog.locator('mat-dialog-actions button').nth(1).click();
        await page.locator('section.imp-card[role="status"]').waitFor({ timeout: 15_000 });
        const created = await page.locator('section.imp-card[role="status"] .imp-counts dd').first().innerText();
        assert(created.trim() === '2', `created: ${created}`);
        const second = await (await fetch(`${BASE}/api/v1/institutions/${code(2)}`)).json();
        assert(second.parent?.code === code(1) && second.type === 'public_enterprise', `imported: ${JSON.stringify(second)}`);
        await noSidewaysScroll(page);
        assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
        await page.screenshot({ path: `${SHOTS}/institutions-import-done-${name}.png`, fullPage: true });
        await context.close();
      });
    }

    for (const [locale, viewport] of [['ar', { width: 360, height: 780 }], ['fr', { width: 1366, height: 900 }]]) {
      const name = `${locale}-${viewport.width < 600 ? 'phone' : 'desktop'}`;
      await check(`registry list ${name}: the export links carry the list's filters, and the file holds just those rows`, async () => {
        const context = await browser.newContext({ viewport, locale: locale === 'ar' ? 'ar-MA' : 'fr-MA' });
        const page = await context.newPage();
        await page.goto(`${BASE}/${locale}/institutions?q=fes&type=commune&hasRod=false&sort=name&page=1`, { waitUntil: 'networkidle' });
        await page.locator('table.reg-table tbody tr').first().waitFor({ timeout: 15_000 });
        const listed = (await (await fetch(`${BASE}/api/v1/institutions?q=fes&type=commune&hasRod=false&sort=name&pageSize=500`)).json()).items.map((i) => i.code);
        const [csvHref, xlsxHref] = await page.locator('a.reg-export__list').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        const csvUrl = new URL(csvHref, BASE);
        assert(csvUrl.pathname === '/api/v1/institutions/export', `exports ${csvUrl.pathname}`);
        const expected = { format: 'csv', q: 'fes', type: 'commune', hasRod: 'false', sort: 'name' };
        assert(JSON.stringify(Object.fromEntries(csvUrl.searchParams)) === JSON.stringify(expected), `export query: ${csvUrl.search}`);
        assert(new URL(xlsxHref, BASE).searchParams.get('format') === 'xlsx', `xlsx link: ${xlsxHref}`);
        const file = await (await fetch(csvUrl)).text();
        const codes = file.replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean).map((line) => line.split(',')[0].replace(/"/g, ''));
        assert(listed.length > 0 && JSON.stringify(codes) === JSON.stringify(listed), `exported ${codes.join(' ')}; listed ${listed.join(' ')}`);
        assert((await page.locator('a.reg-import').count()) === 0, 'the import is offered to a signed-out reader');
        await noSidewaysScroll(page);
        await page.screenshot({ path: `${SHOTS}/registry-filtered-${name}.png`, fullPage: false });
        await context.close();
      });
    }
    // Issue #5 in the browser: the public publication-metrics pages, on the demo harvest.
    const untranslated = (text) => /⟦|\b[a-z]+(\.[a-zA-Z_]+){2,}\b/.test(text.replace(/\b[\w-]+(\.[\w-]+)*\.(ma|eu|org)\b/g, ''));
    // Charts size themselves after the side navigation opens: wait until each fits its box (no chart wider than its card).
    const chartsFit = (page) =>
      page.waitForFunction(() => [...document.querySelectorAll('msd-bar-chart canvas, msd-line-chart canvas')].every((c) => c.getBoundingClientRect().width <= c.parentElement.getBoundingClientRect().width + 1), null, { timeout: 10_000 });
    let national = null;
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 1000))) {
      national = await (await fetch(`${BASE}/api/v1/metrics/national`)).json();
      if (national.figures) break;
    }
    for (const locale of ['ar', 'fr']) {
      for (const viewport of [{ name: 'phone', width: 360, height: 780 }, { name: 'desktop', width: 1366, height: 900 }]) {
        await check(`publication metrics ${locale} ${viewport.name}: national score, breakdown, charts with tables, direction, no overflow`, async () => {
          assert(national?.figures, 'no figures from the demo harvest');
          const context = await browser.newContext({ viewport, locale: locale === 'ar' ? 'ar-MA' : 'fr-MA' });
          const page = await context.newPage();
          const errors = [];
          page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
          page.on('pageerror', (error) => errors.push(String(error)));
          await page.goto(`${BASE}/${locale}/metrics`, { waitUntil: 'networkidle' });
          await page.locator('.sb-score__value').waitFor({ timeout: 15_000 });
          const dir = await page.evaluate(() => document.documentElement.dir);
          assert(dir === (locale === 'ar' ? 'rtl' : 'ltr'), `html dir is ${dir}`);
          const score = (await page.locator('.sb-score__value').innerText()).trim();
          assert(score === String(national.figures.score.value).replace('.', ','), `score shown ${score}, API ${national.figures.score.value}`);
          assert((await page.locator('.sb-table tbody tr').count()) === 4, 'breakdown rows missing');
          assert((await page.locator('msd-bar-chart canvas').count()) >= 3, 'bar charts missing');
          assert((await page.locator('msd-line-chart canvas').count()) === 1, 'history chart missing');
          assert((await page.locator('table.met-table').count()) >= 5, 'figure tables missing');
          assert((await page.locator('.met-rank-table a[href*="/metrics/"]').count()) >= 2, 'top/bottom lists do not link to scorecards');
          assert((await page.locator('a.msd-nav__link[href$="/metrics"]').count()) === 1, 'no navigation entry');
          assert(!untranslated(await page.evaluate(() => document.body.innerText)), 'untranslated key visible');
          await chartsFit(page);
          await noSidewaysScroll(page);
          assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
          await page.screenshot({ path: `${SHOTS}/metrics-national-${locale}-${viewport.name}.png`, fullPage: true });
          await context.close();
        });
      }
    }

    for (const [locale, viewport] of [['ar', { width: 1366, height: 900 }], ['fr', { width: 1366, height: 900 }], ['ar', { width: 360, height: 780 }]]) {
      const name = `${locale}-${viewport.width < 600 ? 'phone' : 'desktop'}`;
      await check(`scorecard HCP ${name}: score beside its breakdown, rank, trends, overdue datasets open the portal`, async () => {
        const api = await (await fetch(`${BASE}/api/v1/institutions/HCP/metrics`)).json();
        assert(api.figures && api.rank, 'HCP has no figures in the demo harvest');
        const context = await browser.newContext({ viewport, locale: locale === 'ar' ? 'ar-MA' : 'fr-MA' });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        await page.goto(`${BASE}/${locale}/metrics/HCP`, { waitUntil: 'networkidle' });
        await page.locator('.sb-score__value').waitFor({ timeout: 15_000 });
        assert((await page.locator('.sb-score__value').innerText()).trim() === String(api.figures.score.value).replace('.', ','), 'score differs from the API');
        assert(await page.locator('.sb-table').isVisible(), 'breakdown not visible');
        const points = await page.locator('.sb-table tbody tr td.sb-points').allInnerTexts();
        assert(points.length === 4 && points.every((p) => /\d/.test(p)), `points: ${points.join(' | ')}`);
        const rank = await page.locator('.sc-rank strong').innerText();
        assert(rank.includes(String(api.rank.of)), `rank shown: ${rank}`);
        assert((await page.locator('msd-line-chart canvas').count()) === 2, 'trend charts missing');
        assert((await page.locator('msd-bar-chart canvas').count()) === 4, 'formats, stars, completeness and freshness charts expected');
        if (api.overdue.length) {
          const link = page.locator('table.sc-overdue a').first();
          assert((await link.getAttribute('target')) === '_blank' && (await link.getAttribute('href')) === api.overdue[0].portalUrl, 'overdue dataset does not open the portal');
        }
        const dir = await page.evaluate(() => document.documentElement.dir);
        assert(dir === (locale === 'ar' ? 'rtl' : 'ltr'), `html dir is ${dir}`);
        assert(!untranslated(await page.evaluate(() => document.body.innerText)), 'untranslated key visible');
        await chartsFit(page);
        await noSidewaysScroll(page);
        assert(errors.length === 0, errors.join('\n'));
        await page.screenshot({ path: `${SHOTS}/metrics-scorecard-HCP-${name}.png`, fullPage: true });
        await context.close();
      });
    }

    await check('scorecard of an administration without a portal organisation explains why there are no figures; the administration page links to it', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await page.goto(`${BASE}/fr/institutions/HCP`, { waitUntil: 'networkidle' });
      await page.locator('a[href="/fr/metrics/HCP"]').waitFor({ timeout: 15_000 });
      await page.goto(`${BASE}/fr/metrics/MJCC-COM`, { waitUntil: 'networkidle' });
      await page.locator('msd-empty-state').waitFor({ timeout: 15_000 });
      assert((await page.locator('msd-score-breakdown').count()) === 0, 'a score is shown without figures');
      await context.close();
    });

    await check('rankings fr: shared ranks, filters in the URL, exports carrying them', async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await page.goto(`${BASE}/fr/metrics/rankings?type=region`, { waitUntil: 'networkidle' });
      await page.locator('table.rk-table tbody tr').first().waitFor({ timeout: 15_000 });
      const api = await (await fetch(`${BASE}/api/v1/metrics/rankings?type=region&pageSize=25`)).json();
      const ranks = (await page.locator('table.rk-table tbody td.met-rank').allInnerTexts()).map((t) => t.trim().split(/\s/)[0]);
      assert(JSON.stringify(ranks) === JSON.stringify(api.items.map((e) => `${e.rank}${e.tied ? '=' : ''}`)), `ranks ${ranks.join(' ')}`);
      const href = await page.locator('a.rk-export__link').first().getAttribute('href');
      assert(href === '/api/v1/metrics/rankings/export?format=csv&type=region', `export link ${href}`);
      const csv = await fetch(`${BASE}${href}`);
      assert(csv.ok, `export answers ${csv.status}`);
      await noSidewaysScroll(page);
      await page.screenshot({ path: `${SHOTS}/metrics-rankings-fr-phone.png`, fullPage: true });
      await context.close();
    });

    for (const locale of ['fr', 'ar']) {
      await check(`methodology ${locale}: tables rendered from the constants (monthly 30/45/60, annual 365/425/455, irregular n/a)`, async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: locale === 'ar' ? 'ar-MA' : 'fr-MA' });
        const page = await context.newPage();
        await page.goto(`${BASE}/${locale}/metrics/methodology`, { waitUntil: 'networkidle' });
        await page.locator('tr[data-frequency="monthly"]').waitFor({ timeout: 15_000 });
        const cells = async (f) => (await page.locator(`tr[data-frequency="${f}"] td`).allInnerTexts()).map((t) => t.trim());
        assert(JSON.stringify(await cells('monthly')) === '["30","45","60"]', `monthly: ${await cells('monthly')}`);
        assert(JSON.stringify(await cells('annual')) === '["365","425","455"]', `annual: ${await cells('annual')}`);
        assert((await cells('irregular')).length === 1, 'irregular is not "not applicable"');
        assert((await page.locator('.mt-weights tbody tr').count()) === 4, 'score weights missing');
        assert(!untranslated(await page.evaluate(() => document.body.innerText)), 'untranslated key visible');
        await noSidewaysScroll(page);
        await page.screenshot({ path: `${SHOTS}/metrics-methodology-${locale}-desktop.png`, fullPage: true });
        await context.close();
      });
    }

    // Issue #5 in the browser: the data inventory (measure 6) and the portal harvest page.
    await check('inventory: the MEF officer adds an item (legal basis asked first for a restricted one) and confirms a suggested match', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (error) => errors.push(String(error)));
      await signIn(page, 'fr', 'rod@mef.gov.ma', '/fr/institutions/MEF/inventory');
      await page.locator('table.inv-table tbody tr').first().waitFor({ timeout: 15_000 });
      await page.locator('button.inv-add').click();
      const form = page.locator('msd-inventory-form');
      await form.waitFor({ timeout: 15_000 });
      await form.locator('input[formcontrolname="reference"]').fill('E2E-INV-1');
      await form.locator('input[formcontrolname="ar"]').fill('سجل الاختبار');
      await form.locator('input[formcontrolname="fr"]').fill('Registre de test E2E');
      await form.locator('mat-select[formcontrolname="classification"]').click();
      await page.locator('mat-option').nth(1).click(); // open, restricted, not disclosable
      await form.locator('button[type="submit"]').click();
      const legalError = form.locator('.inv-form__legal-error');
      await legalError.waitFor({ timeout: 15_000 });
      assert((await legalError.innerText()).includes('base légale'), `legal-basis message: ${await legalError.innerText()}`);
      await legalError.scrollIntoViewIfNeeded();
      await page.waitForTimeout(400); // the message fades in
      await page.screenshot({ path: `${SHOTS}/inventory-legal-basis-error-fr-desktop.png` });
      await form.locator('textarea[formcontrolname="legalBasis"]').fill('Loi 09-08 relative à la protection des données personnelles');
      await form.locator('button[type="submit"]').click();
      await page.locator('tr[data-reference="E2E-INV-1"]').waitFor({ timeout: 15_000 });
      assert((await page.locator('msd-inventory-form').count()) === 0, 'the form stayed open after saving');

      const suggested = page.locator('tr:has(.inv-match[data-match="suggested"])').first();
      await suggested.waitFor({ timeout: 15_000 });
      const reference = await suggested.getAttribute('data-reference');
      await suggested.locator('button.inv-match-action').click();
      const dialog = page.locator('mat-dialog-container');
      await dialog.locator('button.mdl__confirm').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300); // let the dialog finish opening
      await page.screenshot({ path: `${SHOTS}/inventory-match-dialog-fr-desktop.png` });
      await dialog.locator('button.mdl__confirm').first().click();
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      await page.locator(`tr[data-reference="${reference}"] .inv-match[data-match="confirmed"]`).waitFor({ timeout: 15_000 });
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await context.close();
    });

    await check('inventory: an HCP officer sees the public items of MEF only, without edit controls', async () => {
      const publicItems = await (await fetch(`${BASE}/api/v1/institutions/MEF/inventory?pageSize=20`)).json();
      const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'ar-MA' });
      const page = await context.newPage();
      await signIn(page, 'ar', 'rod@hcp.ma', '/ar/institutions/MEF/inventory');
      await page.locator('table.inv-table tbody tr').first().waitFor({ timeout: 15_000 });
      const shown = await page.locator('table.inv-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')));
      assert(JSON.stringify(shown) === JSON.stringify(publicItems.items.map((i) => i.reference)), `shown ${shown.join(' ')}; public ${publicItems.items.map((i) => i.reference).join(' ')}`);
      assert(!shown.includes('E2E-INV-1'), 'a restricted, non-public item is shown to an outsider');
      assert((await page.locator('.inv-add, .inv-import, .inv-edit, .inv-remove, .inv-match-action, msd-inventory-form').count()) === 0, 'edit controls shown to an outsider');
      assert(await page.locator('.inv-readonly').isVisible(), 'no line saying the inventory is read-only');
      await noSidewaysScroll(page);
      await context.close();
    });

    for (const [locale, viewport] of [['ar', { width: 360, height: 780 }], ['ar', { width: 1366, height: 900 }], ['fr', { width: 360, height: 780 }], ['fr', { width: 1366, height: 900 }]]) {
      const name = `${locale}-${viewport.width < 600 ? 'phone' : 'desktop'}`;
      await check(`inventory and portal pages ${name}: direction, no sideways scrolling, no console error`, async () => {
        const context = await browser.newContext({ viewport, locale: locale === 'ar' ? 'ar-MA' : 'fr-MA' });
        const page = await context.newPage();
        const errors = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (error) => errors.push(String(error)));
        await signIn(page, locale, 'coordination@add.gov.ma', `/${locale}/institutions/MEF/inventory`);
        await page.locator('table.inv-table tbody tr').first().waitFor({ timeout: 15_000 });
        assert((await page.evaluate(() => document.documentElement.dir)) === (locale === 'ar' ? 'rtl' : 'ltr'), 'wrong direction');
        await noSidewaysScroll(page);
        await page.screenshot({ path: `${SHOTS}/inventory-${name}.png`, fullPage: viewport.width > 600 });
        await page.goto(`${BASE}/${locale}/portal`, { waitUntil: 'networkidle' });
        await page.locator('table.prt-runs tbody tr').first().waitFor({ timeout: 15_000 });
        await noSidewaysScroll(page);
        await page.screenshot({ path: `${SHOTS}/portal-${name}.png`, fullPage: viewport.width > 600 });
        const text = await page.evaluate(() => document.body.innerText);
        assert(!/\b(portal|inventory)\.[a-zA-Z_.]+\b/.test(text), 'untranslated key visible');
        assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
        await context.close();
      });
    }

    await check('portal: the coordinator starts an incremental harvest, sees it finish, and maps an organisation', async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/portal');
      await page.locator('table.prt-runs tbody tr').first().waitFor({ timeout: 15_000 });
      const runsBefore = (await page.locator('table.prt-runs tbody tr').count());
      await page.locator('button.prt-harvest-incremental').click();
      await page.locator('.prt-live[data-status="succeeded"]').waitFor({ timeout: 90_000 });
      await page.locator('table.prt-runs tbody tr').nth(runsBefore).waitFor({ timeout: 15_000 });
      const firstRun = await page.locator('table.prt-runs tbody tr').first().innerText();
      assert(/Incrémentale|incrémentale/.test(firstRun) && firstRun.includes('Réussie'), `newest run: ${firstRun}`);
      await page.screenshot({ path: `${SHOTS}/portal-harvest-done-fr-desktop.png` });

      const card = page.locator('li.prt-org').first();
      const org = await card.getAttribute('data-org');
      await card.locator('msd-institution-picker input').fill('Agadir');
      const option = page.locator('mat-option:not(.mdc-list-item--disabled)').first();
      await option.waitFor({ timeout: 15_000 });
      await option.click();
      await card.locator('button.prt-map').click();
      await page.locator(`li.prt-org[data-org="${org}"]`).waitFor({ state: 'detached', timeout: 15_000 });
      await page.locator(`table.prt-mapped tr[data-org="${org}"]`).waitFor({ timeout: 15_000 }).catch(() => undefined);
      const mapped = (await (await fetch(`${BASE}/api/v1/portal/organizations?mapped=true&pageSize=100`)).json()).items.find((o) => o.name === org);
      assert(mapped?.institution?.code, `${org} is not mapped: ${JSON.stringify(mapped)}`);
      await context.close();
    });
  } finally {
    // Also when Chromium did not start, and without waiting for a server that has already gone.
    await browser?.close();
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
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
