// Measures 3 and 5: the registry of administrations, the officers (appointed with their act, then
// ended), coverage, the officers and administrations imports, and the filtered exports.
import {
  api,
  BASE,
  expect,
  minimalPdf,
  noSidewaysScroll,
  phoneOrDesktop,
  shot,
  signIn,
  SMALL_PHONE,
  test,
  VIEWPORTS,
  WIDE,
  type Locale,
  type Viewport,
} from './support';

test('registry: «الرباط» in Arabic finds the Rabat entries', async ({ open }) => {
  const { page } = await open({ viewport: { width: 1366, height: 900 }, locale: 'ar' });
  await page.goto(`${BASE}/ar/institutions?q=${encodeURIComponent('الرباط')}`, { waitUntil: 'networkidle' });
  await page.locator('table.reg-table tbody tr').first().waitFor({ timeout: 15_000 });
  expect(
    (await page.locator('html').getAttribute('dir')) === 'rtl' ||
      (await page.locator('.msd-shell').getAttribute('dir')) === 'rtl',
    'not right to left',
  ).toBe(true);
  const names = (await page.locator('table.reg-table tbody th').allInnerTexts()).join('\n');
  expect(names.includes('الرباط'), `no Rabat entry: ${names.slice(0, 200)}`).toBe(true);
  await noSidewaysScroll(page);
  await shot(page, 'registry-ar-desktop.png');
});

test('registry: `fes` in French finds Fès (typed, debounced, kept in the URL)', async ({ open }) => {
  const { page } = await open({ viewport: { width: 390, height: 844 }, locale: 'fr' });
  await page.goto(`${BASE}/fr/institutions`, { waitUntil: 'networkidle' });
  await page.locator('input[name="q"]').fill('fes');
  await page.waitForURL((url) => url.searchParams.get('q') === 'fes', { timeout: 10_000 });
  await page.waitForLoadState('networkidle');
  const names = (await page.locator('table.reg-table tbody th').allInnerTexts()).join('\n');
  expect(/Fès/.test(names), `no Fès entry: ${names.slice(0, 200)}`).toBe(true);
  await noSidewaysScroll(page);
  await shot(page, 'registry-fr-phone.png');
});

test('MEF page: its officer (rod@mef.gov.ma) gets the appoint form', async ({ open }) => {
  const { page } = await open({ viewport: { width: 1366, height: 900 }, locale: 'fr' });
  await signIn(page, 'fr', 'rod@mef.gov.ma', '/fr/institutions/MEF');
  await page.locator('msd-appointment-form').first().waitFor({ timeout: 15_000 });
  await shot(page, 'institution-mef-officer-fr-desktop.png', true);
});

test('MEF page: an HCP officer (rod@hcp.ma) gets no appoint form', async ({ open }) => {
  const { page } = await open({ viewport: { width: 390, height: 844 }, locale: 'ar' });
  await signIn(page, 'ar', 'rod@hcp.ma', '/ar/institutions/MEF');
  await page.locator('#officers-title').waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  expect(
    await page.locator('msd-appointment-form').count(),
    'the appoint form is shown to another administration',
  ).toBe(0);
  await noSidewaysScroll(page);
  await shot(page, 'institution-mef-hcp-ar-phone.png', true);
});

for (const locale of ['ar', 'fr'] as Locale[]) {
  for (const viewport of VIEWPORTS) {
    test(`coverage ${locale} ${viewport.name}: figures, charts with tables, vacancies`, async ({ open }) => {
      const { page, consoleErrors: errors } = await open({ viewport, locale });
      await page.goto(`${BASE}/${locale}/coverage`, { waitUntil: 'networkidle' });
      await page.locator('.cov-figure__value').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('.cov-figure__value').count(), 'three headline figures expected').toBe(3);
      expect(await page.locator('msd-bar-chart canvas').count(), 'charts missing').toBeGreaterThanOrEqual(2);
      expect(await page.locator('table.cov-table').count(), 'tables missing').toBeGreaterThanOrEqual(2);
      expect(await page.locator('.cov-vacancies li').count(), 'no vacancies listed').toBeGreaterThan(0);
      await noSidewaysScroll(page);
      expect(errors.length, `console errors: ${errors.join(' | ')}`).toBe(0);
      await shot(page, `coverage-${locale}-${viewport.name}.png`, true);
    });
  }
}

test('import preview: a bad row is listed and confirm stays disabled', async ({ open }) => {
  const { page } = await open({ viewport: { width: 1366, height: 900 }, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/officers/import');
  const template = await (await fetch(`${BASE}/api/v1/officers/import-template?format=csv`)).text();
  const header = template.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  const csv = [
    header,
    'MEF,GDD,active,Karim Bennani,كريم بناني,k.bennani@example.ma,,Chef de service,2026-02-01,,,non',
    'HCP,ROD,active,Sans Email,بدون بريد,not-an-email,,,2026-02-01,,,non',
  ].join('\n');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'officers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Prévisualiser' }).click();
  await page.locator('table.imp-issues tbody tr').first().waitFor({ timeout: 15_000 });
  const rows = await page.locator('table.imp-issues tbody tr').allInnerTexts();
  expect(
    rows.some((r) => /^\s*3\b/.test(r) && r.includes('not-an-email')),
    `row 3 not listed: ${rows.join(' | ')}`,
  ).toBe(true);
  expect(await page.locator('button.imp-confirm').isDisabled(), 'confirm is enabled despite issues').toBe(true);
  await shot(page, 'import-preview-fr-desktop.png', true);
});

// Issue #4 in the browser: a ROD appointed with its act, then ended; the administrations import; filtered exports.
test.describe('a ROD appointed with its act, then ended', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let vacant: any;
  test.beforeAll(async () => {
    vacant = (await api('/api/v1/institutions?type=province&hasRod=false&sort=code&pageSize=1')).items[0];
  });

  test('a coordinator appoints a ROD with its act on a province which had none, and sees it in office', async ({
    open,
  }) => {
    expect(vacant, 'no province without a ROD in the demo data').toBeTruthy();
    test.info().annotations.push({ type: 'province', description: vacant.code });
    const { page, pageErrors: errors } = await open({ viewport: { width: 1366, height: 900 }, locale: 'fr' });
    await signIn(page, 'fr', 'coordination@add.gov.ma', `/fr/institutions/${vacant.code}`);
    expect(
      await page.locator('li.inst-officer[data-role="ROD"]').count(),
      'the administration already shows a ROD',
    ).toBe(0);
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
    expect(
      (await card.locator('.inst-status').innerText()).trim(),
      `status shown: ${await card.locator('.inst-status').innerText()}`,
    ).toBe('En fonction');
    await card
      .locator('input[type="file"]')
      .setInputFiles({ name: 'acte-nomination.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await card.locator('a[href$="/act"]').waitFor({ timeout: 15_000 });
    const officers = await (await page.request.get(`${BASE}/api/v1/institutions/${vacant.code}/officers`)).json();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rod = officers.find((a: any) => a.role === 'ROD' && a.status === 'active');
    expect(rod?.act?.hasDocument, `the act is not stored: ${JSON.stringify(rod?.act)}`).toBe(true);
    const act = await page.request.get(`${BASE}/api/v1/officers/${rod.id}/act`);
    expect(
      act.ok() && (await act.body()).subarray(0, 5).toString() === '%PDF-',
      `the act does not come back as the PDF (${act.status()})`,
    ).toBe(true);
    expect(errors.length, errors.join('\n')).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky toolbar would cover the card in a full-page shot
    await shot(page, 'institution-rod-appointed-fr-desktop.png', true);
  });

  test('the coordinator ends that appointment with a reason and finds it in the history, ended', async ({ open }) => {
    expect(vacant, 'no province without a ROD in the demo data').toBeTruthy();
    const { page } = await open({ viewport: { width: 360, height: 780 }, locale: 'ar' });
    await signIn(page, 'ar', 'coordination@add.gov.ma', `/ar/institutions/${vacant.code}`);
    const card = page.locator('li.inst-officer[data-role="ROD"]').filter({ hasText: 'سلمى العلوي' });
    await card.waitFor({ timeout: 15_000 });
    await card.locator('button.inst-danger').click();
    const dialog = page.locator('mat-dialog-container');
    await dialog.waitFor({ timeout: 15_000 });
    const submit = dialog.locator('mat-dialog-actions button[type="submit"]');
    expect(await submit.isDisabled(), 'ending is possible before confirming').toBe(true);
    await dialog.locator('textarea[formcontrolname="reason"]').fill('انتقال إلى إدارة أخرى');
    await dialog.locator('mat-checkbox input[type="checkbox"]').check();
    await page.waitForTimeout(300); // let the dialog finish opening
    await shot(page, 'end-appointment-dialog-ar-phone.png');
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/officers\/[^/]+\/end$/.test(r.url()),
      {
        timeout: 30_000,
      },
    );
    await submit.click();
    const response = await answer;
    expect(response.ok(), `ending answered ${response.status()}: ${await response.text()}`).toBe(true);
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    const ended = page.locator('table.inst-history tbody tr').filter({ hasText: 'سلمى العلوي' });
    await ended.waitFor({ timeout: 15_000 });
    expect(
      (await ended.innerText()).includes('انتقال إلى إدارة أخرى'),
      `no reason in the history row: ${await ended.innerText()}`,
    ).toBe(true);
    expect(
      await page.locator('li.inst-officer[data-role="ROD"]').filter({ hasText: 'سلمى العلوي' }).count(),
      'still listed as in office',
    ).toBe(0);
    const officers = await (await page.request.get(`${BASE}/api/v1/institutions/${vacant.code}/officers`)).json();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(
      officers.some((a: any) => a.role === 'ROD' && a.status === 'ended' && a.endReason === 'انتقال إلى إدارة أخرى'),
      'the API does not hold it as ended',
    ).toBe(true);
    await noSidewaysScroll(page);
    await shot(page, 'institution-rod-ended-ar-phone.png', true);
  });
});

const imports: [Locale, Viewport][] = [
  ['ar', SMALL_PHONE],
  ['fr', WIDE],
];

for (const [locale, viewport] of imports) {
  const name = `${locale}-${phoneOrDesktop(viewport)}`;
  const code = (n: number) => `E2E-${locale.toUpperCase()}-${n}`;
  test(`administrations import ${name}: a bad row blocks confirm, the corrected file imports`, async ({ open }) => {
    const institutionsHeader = (await (await fetch(`${BASE}/api/v1/institutions/import-template?format=csv`)).text())
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0];
    const csv = (type: string) =>
      [
        institutionsHeader,
        `${code(1)},Office E2E un,مكتب الاختبار الأول,,public_institution,E2E1,,,,,oui`,
        `${code(2)},Office E2E deux,مكتب الاختبار الثاني,,${type},,${code(1)},,,,oui`,
      ].join('\n');
    const { page, consoleErrors, pageErrors } = await open({ viewport, locale });
    await signIn(page, locale, 'coordination@add.gov.ma', `/${locale}/institutions`);
    // The entry point on the registry list, beside the exports.
    await page.locator('a.reg-import').waitFor({ timeout: 15_000 });
    await noSidewaysScroll(page);
    await shot(page, `registry-coordinator-${name}.png`);
    await page.locator('a.reg-import').click();
    await page.waitForURL((url) => url.pathname === `/${locale}/institutions/import`, { timeout: 15_000 });
    await page.locator('input[type="file"]').waitFor({ state: 'attached', timeout: 15_000 }); // hidden behind a translated button
    expect(
      (await page.locator('a[download]').first().getAttribute('href'))?.startsWith(
        '/api/v1/institutions/import-template',
      ),
      'the template is not the administrations one',
    ).toBe(true);
    await noSidewaysScroll(page);
    await shot(page, `institutions-import-start-${name}.png`, true);

    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'administrations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('planet'), 'utf8') });
    await page.locator('.imp-card .msd-form__actions button').click();
    await page.locator('table.imp-issues tbody tr').first().waitFor({ timeout: 15_000 });
    const rows = await page.locator('table.imp-issues tbody tr').allInnerTexts();
    const rowNumbers = await page.locator('table.imp-issues tbody th').allInnerTexts(); // on phones: "Row 3"
    expect(
      rows.length === 1 && /(^|\s)3$/.test(rowNumbers[0].trim()) && rows[0].includes('planet'),
      `expected row 3 (planet) only: ${rows.join(' | ')}`,
    ).toBe(true);
    expect(await page.locator('button.imp-confirm').isDisabled(), 'confirm is enabled despite issues').toBe(true);
    await noSidewaysScroll(page);
    await shot(page, `institutions-import-preview-${name}.png`, true);
    expect((await fetch(`${BASE}/api/v1/institutions/${code(1)}`)).status, 'the preview wrote something').toBe(404);

    await page.locator('.imp-card .msd-form__actions button').first().click(); // choose another file
    await page.locator('input[type="file"]').setInputFiles({
      name: 'administrations.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv('public_enterprise'), 'utf8'),
    });
    await page.locator('.imp-card .msd-form__actions button').click();
    await page.locator('.imp-counts').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('table.imp-issues').count(), 'issues listed for the corrected file').toBe(0);
    const confirm = page.locator('button.imp-confirm');
    expect(await confirm.isEnabled(), 'confirm is disabled for a clean file').toBe(true);
    await confirm.click();
    const dialog = page.locator('mat-dialog-container');
    await dialog.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300); // let the dialog finish opening
    await shot(page, `institutions-import-confirm-${name}.png`);
    await dialog.locator('mat-dialog-actions button').nth(1).click();
    await page.locator('section.imp-card[role="status"]').waitFor({ timeout: 15_000 });
    const created = await page.locator('section.imp-card[role="status"] .imp-counts dd').first().innerText();
    expect(created.trim(), `created: ${created}`).toBe('2');
    const second = await api(`/api/v1/institutions/${code(2)}`);
    expect(
      second.parent?.code === code(1) && second.type === 'public_enterprise',
      `imported: ${JSON.stringify(second)}`,
    ).toBe(true);
    await noSidewaysScroll(page);
    const errors = [...consoleErrors, ...pageErrors];
    expect(errors.length, `console errors: ${errors.join(' | ')}`).toBe(0);
    await shot(page, `institutions-import-done-${name}.png`, true);
  });
}

for (const [locale, viewport] of imports) {
  const name = `${locale}-${phoneOrDesktop(viewport)}`;
  test(`registry list ${name}: the export links carry the list's filters, and the file holds just those rows`, async ({
    open,
  }) => {
    const { page } = await open({ viewport, locale });
    await page.goto(`${BASE}/${locale}/institutions?q=fes&type=commune&hasRod=false&sort=name&page=1`, {
      waitUntil: 'networkidle',
    });
    await page.locator('table.reg-table tbody tr').first().waitFor({ timeout: 15_000 });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const listed = (await api('/api/v1/institutions?q=fes&type=commune&hasRod=false&sort=name&pageSize=500')).items.map(
      (i: any) => i.code,
    );
    const [csvHref, xlsxHref] = await page
      .locator('a.reg-export__list')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const csvUrl = new URL(csvHref, BASE);
    expect(csvUrl.pathname, `exports ${csvUrl.pathname}`).toBe('/api/v1/institutions/export');
    const expected = { format: 'csv', q: 'fes', type: 'commune', hasRod: 'false', sort: 'name' };
    expect(JSON.stringify(Object.fromEntries(csvUrl.searchParams)), `export query: ${csvUrl.search}`).toBe(
      JSON.stringify(expected),
    );
    expect(new URL(xlsxHref, BASE).searchParams.get('format'), `xlsx link: ${xlsxHref}`).toBe('xlsx');
    const file = await (await fetch(csvUrl)).text();
    const codes = file
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[0].replace(/"/g, ''));
    expect(
      listed.length > 0 && JSON.stringify(codes) === JSON.stringify(listed),
      `exported ${codes.join(' ')}; listed ${listed.join(' ')}`,
    ).toBe(true);
    expect(await page.locator('a.reg-import').count(), 'the import is offered to a signed-out reader').toBe(0);
    await noSidewaysScroll(page);
    await shot(page, `registry-filtered-${name}.png`);
  });
}
