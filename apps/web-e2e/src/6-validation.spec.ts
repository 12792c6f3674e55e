// Reports from administrations, validated by ADD: the MEF officer reports on an activity MEF
// contributes to (Arabic, 360 px) with a PDF and a blocker and sees it pending; the coordinator
// returns it with a comment from the validation queue (French, desktop); the officer sees the
// comment, corrects and resubmits; the coordinator validates it and the public figures change.
import {
  api,
  BASE,
  expect,
  expectDirection,
  noSidewaysScroll,
  shot,
  SHOTS,
  signIn,
  SMALL_PHONE,
  test,
  WIDE,
} from './support';

test.describe.configure({ mode: 'serial' });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let target: any;
const NARRATIVE = 'تقدم أبلغت عنه وزارة الاقتصاد والمالية في الاختبار';
const COMMENT = 'Joindre le procès-verbal signé du comité de pilotage';

test.beforeAll(async () => {
  const plan = await api('/api/v1/plans/PANDO-2021');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const activities: any[] = plan.measures.flatMap((m: any) => m.activities);
  target = activities.find(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (a) =>
      a.leadInstitution?.code !== 'MEF' &&
      a.contributors.some((c: any) => c.code === 'MEF') &&
      a.status !== 'cancelled' &&
      a.progress <= 80,
  );
  expect(target, 'no activity MEF only contributes to in the demo plan').toBeTruthy();
});

test('the MEF officer submits a report with a PDF and a blocker, in Arabic at 360 px, and sees it pending', async ({
  open,
}) => {
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signIn(page, 'ar', 'rod@mef.gov.ma', `/ar/activities/${target.id}`);
  await expectDirection(page, 'ar');
  const form = page.locator('msd-progress-update-form form');
  await expect(form.locator('[data-report-author]')).toContainText('Nadia Alaoui');
  await form.locator('input[type="number"][formcontrolname="progress"]').fill(String(target.progress + 15));
  await form.locator('textarea').first().fill(NARRATIVE);
  await form.getByRole('button', { name: 'إضافة عائق' }).click();
  await form.locator('input[formcontrolname="text"]').fill('تأخر الاعتمادات');
  await form
    .locator('input[type="file"]')
    .setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await noSidewaysScroll(page);
  await form.locator('button[type="submit"]').click();
  await page.getByText(NARRATIVE).first().waitFor({ timeout: 15_000 });
  const entry = page.locator('.timeline__item', { hasText: NARRATIVE });
  await expect(entry.locator('msd-report-state-chip')).toContainText('في انتظار المصادقة');
  await expect(entry).toContainText('تأخر الاعتمادات');
  await expect(entry.locator('.timeline__evidence')).toContainText('rapport.pdf');
  // Public figures unchanged.
  const after = await api(`/api/v1/activities/${target.id}`);
  expect(after.progress, 'a submitted report changed the public figure').toBe(target.progress);
  expect(
    after.updates.some((u: { narrative: { ar?: string } }) => u.narrative.ar === NARRATIVE),
    'the submitted report is public',
  ).toBe(false);
  await noSidewaysScroll(page);
  await shot(page, 'report-submitted-ar-360.png', true);
  expect(pageErrors).toEqual([]);
});

test('the coordinator returns it with a comment from the validation queue (French, desktop)', async ({ open }) => {
  const { page } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/validation');
  await expect(page.locator('main h1')).toContainText('Rapports en attente de validation');
  const item = page.locator('.queue__item', { hasText: NARRATIVE });
  await expect(item).toContainText('MEF');
  await expect(item).toContainText('Nadia Alaoui');
  await expect(item.locator('.queue__evidence')).toContainText('rapport.pdf');
  await shot(page, 'validation-queue-fr-desktop.png', true);
  await item.getByRole('button', { name: 'Renvoyer avec un commentaire' }).click();
  // An empty comment is refused before anything is sent.
  await item.getByRole('button', { name: 'Renvoyer', exact: true }).click();
  await expect(item.locator('.msd-hint-error')).toBeVisible();
  await item.locator('textarea').fill(COMMENT);
  await item.getByRole('button', { name: 'Renvoyer', exact: true }).click();
  await expect(page.locator('.queue__item', { hasText: NARRATIVE })).toHaveCount(0, { timeout: 15_000 });
});

test('the officer sees the comment, corrects the report and submits it again', async ({ open }) => {
  const { page } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signIn(page, 'ar', 'rod@mef.gov.ma', `/ar/activities/${target.id}`);
  const entry = page.locator('.timeline__item', { hasText: NARRATIVE });
  await expect(entry.locator('.timeline__returned')).toContainText(COMMENT);
  await expect(entry.locator('msd-report-state-chip')).toContainText('أُرجع للتصحيح');
  await shot(page, 'report-returned-ar-360.png', true);
  await entry.locator('.timeline__revise').click();
  const form = page.locator('msd-progress-update-form form');
  await expect(form.locator('.msd-note')).toContainText(COMMENT);
  await form.locator('textarea').first().fill(`${NARRATIVE} (مصحح)`);
  await form.locator('button[type="submit"]').click();
  await expect(
    page.locator('.timeline__item', { hasText: `${NARRATIVE} (مصحح)` }).locator('msd-report-state-chip'),
  ).toContainText('في انتظار المصادقة', {
    timeout: 15_000,
  });
});

test('the validation queue in Arabic at 360 px: right to left, no sideways scrolling', async ({ open }) => {
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signIn(page, 'ar', 'coordination@add.gov.ma', '/ar/validation');
  await expectDirection(page, 'ar');
  const item = page.locator('.queue__item', { hasText: NARRATIVE });
  await expect(item.getByRole('button', { name: 'مصادقة', exact: true })).toBeVisible();
  await expect(item.locator('msd-status-chip')).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, 'validation-queue-ar-360.png', true);
  expect(pageErrors).toEqual([]);
});

test('the coordinator validates it and the public figures change', async ({ open }) => {
  const before = await api('/api/v1/plans/PANDO-2021');
  const { page } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/validation');
  const item = page.locator('.queue__item', { hasText: NARRATIVE });
  await item.getByRole('button', { name: 'Valider', exact: true }).click();
  const dialog = page.locator('mat-dialog-container');
  await dialog.waitFor({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Valider', exact: true }).click();
  await expect(page.locator('.queue__item', { hasText: NARRATIVE })).toHaveCount(0, { timeout: 15_000 });
  const after = await api(`/api/v1/activities/${target.id}`);
  expect(after.progress).toBe(target.progress + 15);
  expect(after.provenance.source).toBe('validated');
  const plan = await api('/api/v1/plans/PANDO-2021');
  expect(plan.progress, 'the public plan progress did not move').not.toBe(before.progress);
  // The public activity page says who validated the figure.
  await page.goto(`${BASE}/fr/activities/${target.id}`, { waitUntil: 'networkidle' });
  await expect(page.locator('msd-provenance')).toContainText('Validé');
  await shot(page, 'activity-validated-fr-desktop.png', true);
  // Its blocker now stands on the overview, with the others validated.
  await page.goto(`${BASE}/fr/`, { waitUntil: 'networkidle' });
  await expect(page.locator('[data-blockers]')).toContainText('Technique');
  await page.locator('[data-blockers] details summary').click();
  await expect(page.locator('[data-blockers]')).toContainText('تأخر الاعتمادات');
  await page.locator('[data-blockers]').screenshot({ path: `${SHOTS}/overview-blockers-fr-desktop.png` });
});

test('the overview in Arabic at 360 px: blockers and where the figures come from, right to left', async ({ open }) => {
  const { page } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await page.goto(`${BASE}/ar/`, { waitUntil: 'networkidle' });
  await expectDirection(page, 'ar');
  await expect(page.locator('[data-blockers]')).toContainText('تقني');
  await expect(page.locator('.overview__progress msd-provenance')).toBeVisible();
  await noSidewaysScroll(page);
  await page.locator('[data-blockers]').screenshot({ path: `${SHOTS}/overview-blockers-ar-360.png` });
});
