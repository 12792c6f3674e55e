// Issue #5 in the browser: the data inventory (measure 6) and the portal harvest page.
import {
  api,
  BASE,
  expect,
  noSidewaysScroll,
  phoneOrDesktop,
  shot,
  signIn,
  SMALL_PHONE,
  test,
  WIDE,
  type Locale,
  type Viewport,
} from './support';

test('inventory: the MEF officer adds an item (legal basis asked first for a restricted one) and confirms a suggested match', async ({
  open,
}) => {
  const { page, consoleErrors, pageErrors } = await open({ viewport: { width: 1366, height: 900 }, locale: 'fr' });
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
  expect(
    (await legalError.innerText()).includes('base légale'),
    `legal-basis message: ${await legalError.innerText()}`,
  ).toBe(true);
  await legalError.scrollIntoViewIfNeeded();
  await page.waitForTimeout(400); // the message fades in
  await shot(page, 'inventory-legal-basis-error-fr-desktop.png');
  await form
    .locator('textarea[formcontrolname="legalBasis"]')
    .fill('Loi 09-08 relative à la protection des données personnelles');
  await form.locator('button[type="submit"]').click();
  await page.locator('tr[data-reference="E2E-INV-1"]').waitFor({ timeout: 15_000 });
  expect(await page.locator('msd-inventory-form').count(), 'the form stayed open after saving').toBe(0);

  const suggested = page.locator('tr:has(.inv-match[data-match="suggested"])').first();
  await suggested.waitFor({ timeout: 15_000 });
  const reference = await suggested.getAttribute('data-reference');
  await suggested.locator('button.inv-match-action').click();
  const dialog = page.locator('mat-dialog-container');
  await dialog.locator('button.mdl__confirm').first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300); // let the dialog finish opening
  await shot(page, 'inventory-match-dialog-fr-desktop.png');
  await dialog.locator('button.mdl__confirm').first().click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  await page
    .locator(`tr[data-reference="${reference}"] .inv-match[data-match="confirmed"]`)
    .waitFor({ timeout: 15_000 });
  const errors = [...consoleErrors, ...pageErrors];
  expect(errors.length, `console errors: ${errors.join(' | ')}`).toBe(0);
});

test('inventory: an HCP officer sees the public items of MEF only, without edit controls', async ({ open }) => {
  const publicItems = await api('/api/v1/institutions/MEF/inventory?pageSize=20');
  const { page } = await open({ viewport: { width: 360, height: 780 }, locale: 'ar' });
  await signIn(page, 'ar', 'rod@hcp.ma', '/ar/institutions/MEF/inventory');
  await page.locator('table.inv-table tbody tr').first().waitFor({ timeout: 15_000 });
  const shown = await page
    .locator('table.inv-table tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const references = publicItems.items.map((i: any) => i.reference);
  expect(JSON.stringify(shown), `shown ${shown.join(' ')}; public ${references.join(' ')}`).toBe(
    JSON.stringify(references),
  );
  expect(shown.includes('E2E-INV-1'), 'a restricted, non-public item is shown to an outsider').toBe(false);
  expect(
    await page.locator('.inv-add, .inv-import, .inv-edit, .inv-remove, .inv-match-action, msd-inventory-form').count(),
    'edit controls shown to an outsider',
  ).toBe(0);
  expect(await page.locator('.inv-readonly').isVisible(), 'no line saying the inventory is read-only').toBe(true);
  await noSidewaysScroll(page);
});

const pages: [Locale, Viewport][] = [
  ['ar', SMALL_PHONE],
  ['ar', WIDE],
  ['fr', SMALL_PHONE],
  ['fr', WIDE],
];
for (const [locale, viewport] of pages) {
  const name = `${locale}-${phoneOrDesktop(viewport)}`;
  test(`inventory and portal pages ${name}: direction, no sideways scrolling, no console error`, async ({ open }) => {
    const { page, consoleErrors, pageErrors } = await open({ viewport, locale });
    await signIn(page, locale, 'coordination@add.gov.ma', `/${locale}/institutions/MEF/inventory`);
    await page.locator('table.inv-table tbody tr').first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.dir), 'wrong direction').toBe(
      locale === 'ar' ? 'rtl' : 'ltr',
    );
    await noSidewaysScroll(page);
    await shot(page, `inventory-${name}.png`, viewport.width > 600);
    await page.goto(`${BASE}/${locale}/portal`, { waitUntil: 'networkidle' });
    await page.locator('table.prt-runs tbody tr').first().waitFor({ timeout: 15_000 });
    await noSidewaysScroll(page);
    await shot(page, `portal-${name}.png`, viewport.width > 600);
    const text = await page.evaluate(() => document.body.innerText);
    expect(/\b(portal|inventory)\.[a-zA-Z_.]+\b/.test(text), 'untranslated key visible').toBe(false);
    const errors = [...consoleErrors, ...pageErrors];
    expect(errors.length, `console errors: ${errors.join(' | ')}`).toBe(0);
  });
}

test('portal: the coordinator starts an incremental harvest, sees it finish, and maps an organisation', async ({
  open,
}) => {
  const { page } = await open({ viewport: { width: 1366, height: 900 }, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/portal');
  await page.locator('table.prt-runs tbody tr').first().waitFor({ timeout: 15_000 });
  const runsBefore = await page.locator('table.prt-runs tbody tr').count();
  await page.locator('button.prt-harvest-incremental').click();
  await page.locator('.prt-live[data-status="succeeded"]').waitFor({ timeout: 90_000 });
  await page.locator('table.prt-runs tbody tr').nth(runsBefore).waitFor({ timeout: 15_000 });
  const firstRun = await page.locator('table.prt-runs tbody tr').first().innerText();
  expect(/Incrémentale|incrémentale/.test(firstRun) && firstRun.includes('Réussie'), `newest run: ${firstRun}`).toBe(
    true,
  );
  await shot(page, 'portal-harvest-done-fr-desktop.png');

  const card = page.locator('li.prt-org').first();
  const org = await card.getAttribute('data-org');
  await card.locator('msd-institution-picker input').fill('Agadir');
  const option = page.locator('mat-option:not(.mdc-list-item--disabled)').first();
  await option.waitFor({ timeout: 15_000 });
  await option.click();
  await card.locator('button.prt-map').click();
  await page.locator(`li.prt-org[data-org="${org}"]`).waitFor({ state: 'detached', timeout: 15_000 });
  await page
    .locator(`table.prt-mapped tr[data-org="${org}"]`)
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mapped = (await api('/api/v1/portal/organizations?mapped=true&pageSize=100')).items.find(
    (o: any) => o.name === org,
  );
  expect(mapped?.institution?.code, `${org} is not mapped: ${JSON.stringify(mapped)}`).toBeTruthy();
});
