// Reuses of the portal's data, as people use them: a visitor proposes one in Arabic on a 360 px phone
// (no account); it stays out of the showcase until ADD's coordinator publishes it (French, desktop);
// the visitor then finds it in the showcase, filtered by the type of reuser. The demo hackathon's
// page shows its challenges and ranking.
import {
  api,
  BASE,
  expect,
  expectDirection,
  noSidewaysScroll,
  shot,
  signIn,
  SMALL_PHONE,
  test,
  untranslated,
  WIDE,
} from './support';

test.describe.configure({ mode: 'serial' });

const TITLE = 'خريطة المدارس العمومية';

test('a visitor proposes a reuse in Arabic at 360 px; it waits for moderation', async ({ open }) => {
  const dataset = (await api('/api/v1/portal/datasets?pageSize=1')).items[0];
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await page.goto(`${BASE}/ar/reuses`, { waitUntil: 'networkidle' });
  await expectDirection(page, 'ar');
  await page.locator('[data-propose-reuse]').click();
  await page.waitForURL(/\/ar\/reuses\/propose$/);
  const form = page.locator('[data-reuse-form]');
  await form.locator('input[formcontrolname="titleAr"]').fill(TITLE);
  await form
    .locator('textarea[formcontrolname="descriptionAr"]')
    .fill('تطبيق يعرض المدارس العمومية على خريطة انطلاقا من المعطيات المفتوحة.');
  await form.locator('[data-reuse-type]').click();
  await page.locator('mat-option').nth(3).click(); // a student
  await form.locator('input[formcontrolname="url"]').fill('https://madrasa.example.ma');
  await form.locator('[data-dataset-picker]').fill(String(dataset.title).slice(0, 8));
  await page.locator(`mat-option[data-dataset-option="${dataset.ckanId}"]`).click();
  await expect(form.locator('[data-dataset-chip]')).toHaveCount(1);
  await noSidewaysScroll(page);
  await shot(page, 'reuse-propose-ar-phone.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  await form.locator('[data-reuse-submit]').click();
  await expect(page.locator('[data-reuse-success]')).toBeVisible({ timeout: 15_000 });
  expect(pageErrors).toEqual([]);

  const showcase = await api('/api/v1/reuses?pageSize=100');
  expect(showcase.items.map((r: { title: { ar?: string } }) => r.title.ar)).not.toContain(TITLE);
});

test('the coordinator publishes it (French, desktop)', async ({ open }) => {
  const { page, pageErrors } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/reuses');
  await page.locator('[data-moderation-tab="submitted"]').click();
  const card = page.locator('[data-reuse-card]').filter({ hasText: TITLE });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await shot(page, 'reuses-moderation-fr-desktop.png', true);
  await card.locator('[data-publish-reuse]').click();
  await page.locator('mat-dialog-actions button').last().click();
  await expect(page.locator('[data-reuse-card]').filter({ hasText: TITLE })).toHaveCount(0, { timeout: 15_000 });
  expect(pageErrors).toEqual([]);
});

test('the visitor finds it in the showcase, filtered by type of reuser (Arabic, 360 px)', async ({ open }) => {
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await page.goto(`${BASE}/ar/reuses?reuserType=student`, { waitUntil: 'networkidle' });
  await expectDirection(page, 'ar');
  const card = page.locator('[data-reuse-card]').filter({ hasText: TITLE });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-reuse-card][data-status]:not([data-status="published"])')).toHaveCount(0);
  await noSidewaysScroll(page);
  await shot(page, 'reuses-showcase-ar-phone.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  await card.locator('[data-reuse-title]').click();
  await page.waitForURL(/\/ar\/reuses\/[0-9a-f-]{36}$/);
  await expect(page.locator('main h1')).toContainText(TITLE);
  expect(await page.locator('main').innerText()).not.toMatch(/@/);
  expect(pageErrors).toEqual([]);
});

test('the demo hackathon shows its challenges and ranking; its winner is in the showcase (French, desktop)', async ({
  open,
}) => {
  const hackathon = (await api('/api/v1/events?type=hackathon')).items[0];
  const { page, pageErrors } = await open({ viewport: WIDE, locale: 'fr' });
  await page.goto(`${BASE}/fr/events/${hackathon.id}`, { waitUntil: 'networkidle' });
  await expect(page.locator('[data-hackathon-panel]')).toBeVisible();
  await expect(page.locator('[data-challenge]')).toHaveCount(2);
  await expect(page.locator('[data-team]').first().locator('[data-team-rank]')).toHaveAttribute('data-team-rank', '1');
  await shot(page, 'hackathon-fr-desktop.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  await page.goto(`${BASE}/fr/reuses`, { waitUntil: 'networkidle' });
  await expect(page.locator('[data-reuse-card]').filter({ hasText: 'Trajets Maroc' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
