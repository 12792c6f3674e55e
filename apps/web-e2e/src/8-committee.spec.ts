// The steering committee, as its people use it: the coordinator opens the planned meeting (French,
// desktop), records attendance and a decision with an action item for MEF; the MEF officer finds the
// item on its home and moves it forward with a note (Arabic, 360 px); the coordinator prepares the next
// meeting from the proposed agenda; the committee member sees the MEF item rolled forward onto it,
// confirms their attendance and opens the meeting pack (French, phone).
import {
  BASE,
  expect,
  expectDirection,
  noSidewaysScroll,
  shot,
  signIn,
  SMALL_PHONE,
  PHONE,
  test,
  untranslated,
  WIDE,
} from './support';

test.describe.configure({ mode: 'serial' });

const DECISION = 'Publier le calendrier révisé du portail avant la fin de l’année';
const ITEM = 'Transmettre la liste des jeux de données prioritaires du ministère';
const NOTE = 'تم إعداد القائمة الأولية وهي قيد المراجعة';
let meetingUrl = '';
let reference = '';

test('the coordinator records attendance and a decision with an action item for MEF (French, desktop)', async ({
  open,
}) => {
  const { page, pageErrors } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/committee/meetings');
  const planned = page.locator('[data-meeting="3"]');
  await expect(planned).toBeVisible();
  await expect(page.locator('[data-meeting="1"]')).toBeVisible();
  await shot(page, 'committee-meetings-fr-desktop.png', true);
  await planned.locator('a').first().click();
  await page.waitForURL(/\/fr\/committee\/meetings\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  meetingUrl = new URL(page.url()).pathname;
  await expect(page.locator('main h1')).toContainText('3');
  // The agenda proposed the open action items: the overdue MEF inventory among them, flagged late.
  await expect(
    page
      .locator('[data-agenda-item]')
      .filter({ hasText: /Économie/ })
      .first(),
  ).toBeVisible();

  // Attendance: the first representative was present.
  const first = page.locator('[data-attendee]').first();
  await first.locator('select').selectOption('present');
  await page.locator('[data-save-attendance]').click();
  await expect(page.locator('[data-attendance]')).toContainText('1 présent(s)', { timeout: 15_000 });

  // A decision and its action item for MEF.
  await page.locator('[data-record-decision]').click();
  const form = page.locator('[data-decision-form]');
  await form.locator('[data-decision-fr]').fill(DECISION);
  await form.locator('[data-add-item]').click();
  const item = form.locator('[data-new-item="0"]');
  await item.locator('[data-item-fr]').fill(ITEM);
  await item.locator('[data-institution-picker]').fill('MEF');
  await page.locator('mat-option[data-option="MEF"]').click();
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await item.locator('[data-item-due]').fill(due);
  await form.locator('[data-decision-submit]').click();
  const decision = page.locator('[data-decision]').filter({ hasText: DECISION });
  await expect(decision).toBeVisible({ timeout: 15_000 });
  const card = decision.locator('[data-decision-item]').filter({ hasText: ITEM });
  reference = (await card.getAttribute('data-decision-item')) ?? '';
  expect(reference).toMatch(/^R3-D\d+-A1$/);
  await shot(page, 'committee-meeting-decision-fr-desktop.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  expect(pageErrors).toEqual([]);
});

test('the MEF officer finds the item on its home and moves it forward (Arabic, 360 px)', async ({ open }) => {
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signIn(page, 'ar', 'rod@mef.gov.ma', '/ar/home/administration/MEF');
  await expectDirection(page, 'ar');
  const own = page.locator(`[data-own-item="${reference}"]`);
  await expect(own).toBeVisible();
  // The overdue item of the demo is flagged, never softened.
  await expect(page.locator('[data-home-own-items] .late').first()).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, 'committee-home-officer-ar-360.png', true);
  await own.locator('a').click();
  await page.waitForURL((url) => url.pathname === '/ar/committee/action-items', { timeout: 15_000 });
  const card = page.locator(`[data-action-item="${reference}"]`);
  await card.locator('[data-note]').fill(NOTE);
  await card.locator('[data-move="start"]').click();
  await expect(card).toContainText(NOTE, { timeout: 15_000 });
  await expect(card.locator('msd-committee-chip').first()).toContainText('في طور الإنجاز');
  // Another administration's items are not there.
  await expect(page.locator('[data-action-item]').filter({ hasText: 'المندوبية السامية للتخطيط' })).toHaveCount(0);
  await noSidewaysScroll(page);
  await shot(page, 'committee-action-items-ar-360.png', true);
  expect(pageErrors).toEqual([]);
});

test('the next meeting rolls the item forward; the committee member sees it and opens the pack (French, phone)', async ({
  open,
}) => {
  const coordinator = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(coordinator.page, 'fr', 'coordination@add.gov.ma', '/fr/committee/meetings');
  await coordinator.page.locator('[data-prepare-meeting]').click();
  const form = coordinator.page.locator('[data-meeting-form]');
  const when = new Date(Date.now() + 50 * 86_400_000).toISOString().slice(0, 10);
  await form.locator('[data-starts-at]').fill(`${when}T10:00`);
  await form.locator('[data-place]').fill('ADD, Rabat');
  await expect(form.locator('[data-proposal-summary]')).toBeVisible();
  await form.locator('[data-meeting-submit]').click();
  await coordinator.page.waitForURL(/\/fr\/committee\/meetings\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  expect(new URL(coordinator.page.url()).pathname).not.toBe(meetingUrl);
  const nextUrl = new URL(coordinator.page.url()).pathname;

  const { page, pageErrors } = await open({ viewport: PHONE, locale: 'fr' });
  await signIn(page, 'fr', 'comite@hcp.ma', '/fr/committee');
  await page.goto(`${BASE}${nextUrl}`, { waitUntil: 'networkidle' });
  const followUp = page.locator('[data-agenda-item]').filter({ hasText: reference });
  await expect(followUp).toBeVisible({ timeout: 15_000 });
  await expect(followUp).toContainText('Ministère');
  // The member confirms their own attendance.
  await page.locator('[data-confirm-own="present"]').click();
  await expect(page.locator('[data-own-attendance]')).toContainText('Présent', { timeout: 15_000 });
  await noSidewaysScroll(page);
  await shot(page, 'committee-next-meeting-fr-phone.png', true);
  // The pack, printable, in Arabic: the committee's name and the plan's figure.
  const href = await page.locator('[data-pack="html"]').getAttribute('href');
  const pack = await page.request.get(`${BASE}${href?.replace('lang=fr', 'lang=ar')}`);
  expect(pack.status()).toBe(200);
  expect(await pack.text()).toContain('لجنة القيادة');
  expect(pageErrors).toEqual([]);
});
