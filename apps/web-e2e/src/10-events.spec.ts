// The plan's events and their reach, as people use them: the coordinator records a training held last
// week, registers MEF's officers as participants and counts the students who came (French, desktop);
// the reach page changes; a visitor reads the reach and the event in Arabic at 360 px, counts only.
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

const TITLE = 'Formation des responsables à la publication sur data.gov.ma';
let eventPath = '';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('the coordinator records a training, registers officers and counts other participants (French, desktop)', async ({
  open,
}) => {
  const before = await api('/api/v1/reach');
  const { page, pageErrors } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/events');
  await page.locator('[data-new-event]').click();
  const form = page.locator('[data-event-form]');
  await form.locator('[data-event-type]').click();
  await page.locator('mat-option').filter({ hasText: 'Formation' }).first().click();
  await form.locator('mat-select[formcontrolname="status"]').click();
  await page.locator('mat-option').filter({ hasText: 'Tenu' }).click();
  await form.locator('input[formcontrolname="titleFr"]').fill(TITLE);
  await form.locator('input[formcontrolname="startsOn"]').fill(day(-7));
  await form.locator('input[formcontrolname="endsOn"]').fill(day(-6));
  await form.locator('[data-event-format]').click();
  await page.locator('mat-option').filter({ hasText: 'En présentiel' }).first().click();
  await shot(page, 'event-form-fr-desktop.png', true);
  await form.locator('[data-event-submit]').click();
  await page.waitForURL(/\/fr\/events\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  eventPath = new URL(page.url()).pathname;
  await expect(page.locator('main h1')).toContainText(TITLE);

  // MEF's officers in office, from the register.
  const picker = page.locator('[data-institution-picker="officers"]');
  await picker.fill('MEF');
  await page.locator('mat-option[data-option="MEF"]').click();
  const options = page.locator('[data-officer-option]:not([disabled])');
  await expect(options.first()).toBeVisible({ timeout: 15_000 });
  const ticked = await options.count();
  for (let i = 0; i < ticked; i++) await options.nth(i).check();
  await page.locator('[data-save-participants]').click();
  await expect(page.locator('[data-participant]')).toHaveCount(ticked, { timeout: 15_000 });
  // Students and researchers who came, counted.
  await page.locator('[data-counts][data-category="students_researchers"]').fill('25');
  await page.locator('[data-save-counts]').click();
  await expect(page.locator('[data-by-category]')).toContainText('25', { timeout: 15_000 });
  await shot(page, 'event-participants-fr-desktop.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  expect(pageErrors).toEqual([]);

  // The reach counts them: the training's participants, and officers trained (unless the demo's trainings already had them).
  const after = await api('/api/v1/reach');
  const trainings = (reach: { eventsByType: { type: string; participants: number }[] }) =>
    reach.eventsByType.find((row) => row.type === 'training')?.participants ?? 0;
  expect(trainings(after)).toBe(trainings(before) + ticked + 25);
  expect(after.trained.rod.trained + after.trained.gdd.trained).toBeGreaterThanOrEqual(
    before.trained.rod.trained + before.trained.gdd.trained,
  );
});

test('the coordinator imports the training’s sign-in sheet: 1 officer matched, 2 others counted (French, desktop)', async ({
  open,
}) => {
  expect(eventPath, 'the previous test recorded no event').not.toBe('');
  const before = await api('/api/v1/reach');
  const trainingsBefore = before.eventsByType.find((row: { type: string }) => row.type === 'training');
  const { page, pageErrors } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', eventPath);
  await page.locator('[data-sign-in-toggle]').click();
  const sheet = [
    'email,name,category',
    'rod@hcp.ma,Karim Tazi,',
    'etudiante@univ.example.ma,Nadia,Étudiants et chercheurs',
    'journaliste@presse.example.ma,Omar,Médias',
  ].join('\n');
  await page
    .locator('[data-sign-in-file]')
    .setInputFiles({ name: 'emargement.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet, 'utf8') });
  await page.locator('[data-sign-in-preview]').click();
  const preview = page.locator('[data-sign-in-preview-result]');
  await expect(preview.locator('[data-sign-in-count="matched"]')).toHaveText('1', { timeout: 15_000 });
  await expect(preview.locator('[data-sign-in-count="unmatched"]')).toHaveText('2');
  await expect(page.locator('[data-sign-in-matched]')).toContainText('Haut-Commissariat au Plan');
  await shot(page, 'sign-in-preview-fr-desktop.png', true);
  await page.locator('[data-sign-in-commit]').click();
  await expect(page.locator('[data-sign-in-done]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-by-category]')).toContainText('Médias');
  expect(pageErrors).toEqual([]);

  const after = await api('/api/v1/reach');
  const trainingsAfter = after.eventsByType.find((row: { type: string }) => row.type === 'training');
  expect(trainingsAfter.participants).toBe(trainingsBefore.participants + 3);
  await page.goto(`${BASE}/fr/reach`, { waitUntil: 'networkidle' });
  await expect(page.locator('main')).toContainText(String(trainingsAfter.participants));
});

test('a participant rates the training through a single-use link in Arabic at 360 px', async ({ open }) => {
  expect(eventPath, 'the first test recorded no event').not.toBe('');
  const coordinator = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(coordinator.page, 'fr', 'coordination@add.gov.ma', eventPath);
  await coordinator.page.locator('[data-feedback-links]').click();
  await coordinator.page.locator('[data-feedback-links-count]').fill('1');
  await coordinator.page.locator('[data-feedback-links-create]').click();
  const link = (await coordinator.page.locator('[data-feedback-link] code').first().innerText()).trim();
  expect(link).toMatch(/\/fr\/feedback\/[^/]+$/);

  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await page.goto(`${BASE}${new URL(link).pathname.replace(/^\/fr\//, '/ar/')}`, { waitUntil: 'networkidle' });
  await expectDirection(page, 'ar');
  await expect(page.locator('[data-feedback-form]')).toBeVisible();
  await page.locator('[data-feedback-rating="overall"] input[data-value="5"]').check();
  await page.locator('[data-feedback-rating="content"] input[data-value="4"]').check();
  await page.locator('[data-feedback-comment]').fill('تكوين مفيد جدا');
  await noSidewaysScroll(page);
  await shot(page, 'feedback-form-ar-phone.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  await page.locator('[data-feedback-submit]').click();
  await expect(page.locator('[data-feedback-thanks]')).toBeVisible({ timeout: 15_000 });
  await page.reload({ waitUntil: 'networkidle' });
  await expect(page.locator('[data-feedback-used]')).toBeVisible();
  expect(pageErrors).toEqual([]);

  const event = await api(`/api/v1/events/${eventPath.split('/').pop()}`);
  expect(event.satisfaction.responses).toBe(1);
  expect(event.satisfaction.overall).toBe(5);
});

test('a visitor reads the reach and the event in Arabic at 360 px: right to left, counts but no names', async ({
  open,
}) => {
  expect(eventPath, 'the previous test recorded no event').not.toBe('');
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await page.goto(`${BASE}/ar/reach`, { waitUntil: 'networkidle' });
  await expectDirection(page, 'ar');
  await expect(page.locator('[data-reach-share="rod"]')).toContainText('%');
  await expect(page.locator('[data-never-reached]')).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, 'reach-ar-phone.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);

  await page.goto(`${BASE}${eventPath.replace(/^\/fr\//, '/ar/')}`, { waitUntil: 'networkidle' });
  // 25 counted by hand and 1 from the sign-in sheet.
  await expect(page.locator('[data-by-category]')).toContainText('26');
  await expect(page.locator('[data-participants]')).toHaveCount(0);
  await noSidewaysScroll(page);
  await shot(page, 'event-public-ar-phone.png', true);
  expect(pageErrors).toEqual([]);
});
