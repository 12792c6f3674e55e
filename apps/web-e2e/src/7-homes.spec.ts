// A home for each role, and reporting rounds: the coordinator opens a round from the workbench
// (French, desktop); the MEF officer lands on "my administration" (Arabic, 360 px), finds an
// activity MEF contributes to, reports with a PDF and a blocker, sees it pending and confirms its
// officers; the coordinator returns it from the workbench's queue, the officer reads the comment on
// its home, corrects it; the coordinator validates it and the public figure changes; the committee
// lands on its own view.
import type { Page } from '@playwright/test';
import {
  api,
  BASE,
  DEMO_PASSWORD,
  expect,
  expectDirection,
  noSidewaysScroll,
  shot,
  SMALL_PHONE,
  test,
  untranslated,
  WIDE,
  type Locale,
} from './support';

test.describe.configure({ mode: 'serial' });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let target: any;
const NARRATIVE = 'تقرير الدورة من الصفحة الرئيسية لوزارة الاقتصاد';
const COMMENT = 'Préciser le nombre de jeux de données publiés';

/** Signs in from the public overview: each role lands on its own home. */
async function signInFromOverview(page: Page, locale: Locale, email: string, home: string): Promise<void> {
  await page.goto(`${BASE}/${locale}/sign-in?returnUrl=${encodeURIComponent(`/${locale}`)}`, {
    waitUntil: 'networkidle',
  });
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === home, { timeout: 15_000 });
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

test.beforeAll(async () => {
  const plan = await api('/api/v1/plans/PANDO-2021');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const activities: any[] = plan.measures.flatMap((m: any) => m.activities);
  // An activity MEF only contributes to, not the one the validation checks use (the first such).
  const candidates = activities.filter(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (a) =>
      a.leadInstitution?.code !== 'MEF' &&
      a.contributors.some((c: any) => c.code === 'MEF') &&
      !['cancelled', 'completed'].includes(a.status) &&
      a.progress <= 80,
  );
  target = candidates[candidates.length - 1];
  expect(candidates.length, 'the demo plan needs two activities MEF contributes to').toBeGreaterThan(1);
});

test('the coordinator lands on the workbench and opens a reporting round (French, desktop)', async ({ open }) => {
  const { page, pageErrors } = await open({ viewport: WIDE, locale: 'fr' });
  await signInFromOverview(page, 'fr', 'coordination@add.gov.ma', '/fr/workbench');
  await expect(page.locator('main h1')).toContainText('Poste de coordination');
  await expect(page.locator('[data-bench-queue]')).toBeVisible();
  await expect(page.locator('[data-bench-round]')).toContainText('Aucun cycle n’est ouvert');
  await page.locator('[data-bench-round] a', { hasText: 'Ouvrir un cycle' }).click();
  await page.locator('[data-open-round]').click();
  const form = page.locator('[data-round-form]');
  await form.locator('input[formcontrolname="nameFr"]').fill('T4 2026');
  await form.locator('input[formcontrolname="nameAr"]').fill('الفصل الرابع 2026');
  await form.locator('button[type="submit"]').click();
  await page.waitForURL(/\/fr\/rounds\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(page.locator('main h1')).toContainText('T4 2026');
  await expect(page.locator('[data-round-administrations]')).toContainText('Ministère');
  await shot(page, 'round-opened-fr-desktop.png', true);
  // Back on the workbench: the round and who has not reported.
  await page.goto(`${BASE}/fr/workbench`, { waitUntil: 'networkidle' });
  await expect(page.locator('[data-bench-round]')).toContainText('T4 2026');
  await expect(page.locator('[data-not-reported]').first()).toBeVisible();
  await shot(page, 'workbench-fr-desktop.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  expect(pageErrors).toEqual([]);
});

test('the MEF officer lands on its home, reports on a contributed activity and sees it pending (Arabic, 360 px)', async ({
  open,
}) => {
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signInFromOverview(page, 'ar', 'rod@mef.gov.ma', '/ar/home/administration/MEF');
  await expectDirection(page, 'ar');
  const row = page.locator(`[data-activity="${target.code}"]`);
  await expect(row).toContainText('يساهم');
  await expect(page.locator('[data-home-round]')).toContainText('الفصل الرابع 2026');
  await expect(page.locator(`[data-obligation="${target.code}"]`)).toContainText('مستحق');
  await noSidewaysScroll(page);
  await shot(page, 'home-officer-ar-360.png', true);

  await row.locator('a', { hasText: 'تقديم تقرير عن التقدم' }).click();
  await page.waitForURL((url) => url.pathname === `/ar/activities/${target.id}`, { timeout: 15_000 });
  const form = page.locator('msd-progress-update-form form');
  await form.locator('input[type="number"][formcontrolname="progress"]').fill(String(target.progress + 10));
  await form.locator('textarea').first().fill(NARRATIVE);
  await form.getByRole('button', { name: 'إضافة عائق' }).click();
  await form.locator('input[formcontrolname="text"]').fill('نقص في الموارد البشرية المؤهلة');
  await form
    .locator('input[type="file"]')
    .setInputFiles({ name: 'bilan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await form.locator('button[type="submit"]').click();
  await page.getByText(NARRATIVE).first().waitFor({ timeout: 15_000 });

  await page.goto(`${BASE}/ar/home`, { waitUntil: 'networkidle' });
  await page.waitForURL((url) => url.pathname === '/ar/home/administration/MEF', { timeout: 15_000 });
  const own = page.locator(`[data-activity="${target.code}"] [data-own-report]`);
  await expect(own).toContainText('في انتظار المصادقة');
  await expect(own.locator('msd-provenance')).toBeVisible();
  await expect(page.locator(`[data-obligation="${target.code}"]`)).toContainText('في انتظار المصادقة');
  // The officer confirms its officers are current.
  await page.locator('[data-confirm="officers"]').click();
  await expect(page.locator('[data-obligation="officers"]')).toContainText('مؤكَّد', { timeout: 15_000 });
  const after = await api(`/api/v1/activities/${target.id}`);
  expect(after.progress, 'a submitted report changed the public figure').toBe(target.progress);
  await noSidewaysScroll(page);
  await shot(page, 'home-officer-pending-ar-360.png', true);
  expect(pageErrors).toEqual([]);
});

test('the coordinator returns it from the workbench; the officer reads the comment on its home', async ({ open }) => {
  const coordinator = await open({ viewport: WIDE, locale: 'fr' });
  await signInFromOverview(coordinator.page, 'fr', 'coordination@add.gov.ma', '/fr/workbench');
  await coordinator.page.locator('[data-bench-queue] a').click();
  const item = coordinator.page.locator('.queue__item', { hasText: NARRATIVE });
  await expect(item.locator('.queue__evidence')).toContainText('bilan.pdf');
  await item.getByRole('button', { name: 'Renvoyer avec un commentaire' }).click();
  await item.locator('textarea').fill(COMMENT);
  await item.getByRole('button', { name: 'Renvoyer', exact: true }).click();
  await expect(coordinator.page.locator('.queue__item', { hasText: NARRATIVE })).toHaveCount(0, { timeout: 15_000 });

  const officer = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signInFromOverview(officer.page, 'ar', 'rod@mef.gov.ma', '/ar/home/administration/MEF');
  const returned = officer.page.locator('[data-returned-reports]');
  await expect(returned).toContainText(COMMENT);
  await expect(officer.page.locator(`[data-obligation="${target.code}"]`)).toContainText('مُرجَع للتصحيح');
  await noSidewaysScroll(officer.page);
  await shot(officer.page, 'home-officer-returned-ar-360.png', true);
  // Correct and resubmit from the activity page the home links to.
  await returned.locator('a').first().click();
  await officer.page.waitForURL((url) => url.pathname === `/ar/activities/${target.id}`, { timeout: 15_000 });
  const entry = officer.page.locator('.timeline__item', { hasText: NARRATIVE });
  await entry.locator('.timeline__revise').click();
  const form = officer.page.locator('msd-progress-update-form form');
  await form.locator('textarea').first().fill(`${NARRATIVE} — 12 مجموعة معطيات`);
  await form.locator('button[type="submit"]').click();
  await expect(
    officer.page.locator('.timeline__item', { hasText: '12 مجموعة معطيات' }).locator('msd-report-state-chip'),
  ).toContainText('في انتظار المصادقة', { timeout: 15_000 });
});

test('the coordinator validates it from the workbench and the public overview changes', async ({ open }) => {
  const before = await api('/api/v1/plans/PANDO-2021');
  const { page } = await open({ viewport: WIDE, locale: 'fr' });
  await signInFromOverview(page, 'fr', 'coordination@add.gov.ma', '/fr/workbench');
  await page.locator('[data-bench-queue] a').click();
  const item = page.locator('.queue__item', { hasText: '12 مجموعة معطيات' });
  await item.getByRole('button', { name: 'Valider', exact: true }).click();
  const dialog = page.locator('mat-dialog-container');
  await dialog.waitFor({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Valider', exact: true }).click();
  await expect(page.locator('.queue__item', { hasText: '12 مجموعة معطيات' })).toHaveCount(0, { timeout: 15_000 });
  const after = await api(`/api/v1/activities/${target.id}`);
  expect(after.progress).toBe(target.progress + 10);
  const plan = await api('/api/v1/plans/PANDO-2021');
  expect(plan.progress, 'the public plan progress did not move').not.toBe(before.progress);
  // The round's page shows MEF's report validated.
  await page.goto(`${BASE}/fr/workbench`, { waitUntil: 'networkidle' });
  await page.locator('[data-bench-round] a').first().click();
  await page.locator('[data-filter="all"]').click();
  await expect(page.locator('[data-institution="MEF"]')).toBeVisible();
  await shot(page, 'round-detail-fr-desktop.png', true);
});

test('the committee lands on its view, validated figures only (Arabic, 360 px)', async ({ open }) => {
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await page.goto(`${BASE}/ar/sign-in?returnUrl=%2Far`, { waitUntil: 'networkidle' });
  await page.locator('input[name="email"]').fill('comite@hcp.ma');
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/ar/committee', { timeout: 15_000 });
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expectDirection(page, 'ar');
  await expect(page.locator('[data-committee-plan] msd-provenance')).toBeVisible();
  await expect(page.locator('[data-committee-blockers]')).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, 'home-committee-ar-360.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  expect(pageErrors).toEqual([]);
});
