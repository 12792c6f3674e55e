// Signed in: wrong credentials, a progress update posted in the browser, a stale edit and its
// conflict dialog, what an officer of another institution sees, and what the audit trail records.
import type { Page } from '@playwright/test';
import { api, BASE, expect, noSidewaysScroll, shot, signIn, test } from './support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let activities: any[];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let target: any;

test.beforeAll(async () => {
  const plan = await api('/api/v1/plans/PANDO-2021');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  activities = plan.measures.flatMap((m: any) => m.activities);
  target = activities.find((a) => a.status !== 'cancelled' && a.status !== 'completed' && a.progress < 90);
});

test('wrong credentials: the sign-in page says so and stays', async ({ open }) => {
  const { page } = await open({ viewport: { width: 390, height: 844 }, locale: 'fr' });
  await page.goto(`${BASE}/fr/sign-in`, { waitUntil: 'networkidle' });
  await page.locator('input[name="email"]').fill('coordination@add.gov.ma');
  await page.locator('input[name="password"]').fill('not-the-password');
  await page.locator('form button[type="submit"]').click();
  const alert = page.locator('.msd-error[role="alert"]');
  await alert.waitFor({ timeout: 15_000 });
  expect((await alert.innerText()).trim().length, 'empty error message').toBeGreaterThan(0);
  expect(new URL(page.url()).pathname, `left the sign-in page for ${page.url()}`).toBe('/fr/sign-in');
  await shot(page, 'sign-in-error-fr-phone.png', true);
});

test('a progress update posted in the browser (signed in as the coordinator) moves the measure', async ({ open }) => {
  const { page } = await open({ viewport: { width: 1366, height: 900 }, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', `/fr/activities/${target.id}`);
  const form = page
    .locator('form')
    .filter({ has: page.locator('textarea') })
    .first();
  const progressInput = form.locator('input[type="number"][formcontrolname="progress"]');
  await progressInput.fill(String(target.progress + 10));
  await form.locator('textarea').first().fill('Point d’étape saisi par le test de bout en bout');
  await form.locator('button[type="submit"]').click();
  await page.getByText('Point d’étape saisi par le test de bout en bout').first().waitFor({ timeout: 15_000 });
  const after = await api(`/api/v1/activities/${target.id}`);
  expect(after.progress, `progress is ${after.progress}, expected ${target.progress + 10}`).toBe(target.progress + 10);
  await shot(page, 'activity-after-update-fr.png', true);
});

test('a stale edit: the second coordinator sees both due dates, re-applies theirs, and it is saved', async ({
  open,
}) => {
  const openActivity = async () => {
    const { page } = await open({ viewport: { width: 1366, height: 900 }, locale: 'ar' });
    await signIn(page, 'ar', 'coordination@add.gov.ma', `/ar/activities/${target.id}`);
    await page.locator('msd-activity-edit-form input[formcontrolname="dueDate"]').waitFor({ timeout: 15_000 });
    return page;
  };
  const first = await openActivity();
  const second = await openActivity();
  const dueFirst = '2027-03-15';
  const dueSecond = '2027-09-20';
  const save = async (page: Page, due: string) => {
    const form = page.locator('msd-activity-edit-form');
    await form.locator('input[formcontrolname="dueDate"]').fill(due);
    await form.locator('button[type="submit"]').click();
  };
  await save(first, dueFirst);
  await first.locator('simple-snack-bar, .mat-mdc-snack-bar-label').first().waitFor({ timeout: 15_000 });
  const afterFirst = await api(`/api/v1/activities/${target.id}`);
  expect(afterFirst.dueDate, `first save: due date is ${afterFirst.dueDate}`).toBe(dueFirst);

  await save(second, dueSecond);
  const dialog = second.locator('mat-dialog-container');
  await dialog.waitFor({ timeout: 15_000 });
  const dueRow = dialog.locator('tr.conflict-table__diff');
  expect(await dueRow.count(), 'no differing row in the conflict dialog').toBeGreaterThanOrEqual(1);
  const text = await dialog.innerText();
  expect(
    text.includes('15') && text.includes('20') && text.includes('2027'),
    `the dialog does not show both dates:\n${text}`,
  ).toBe(true);
  await second.waitForTimeout(500); // let the dialog finish opening
  await shot(second, 'conflict-dialog-ar.png');
  // Actions: keep editing, reload theirs, re-apply mine.
  await dialog.locator('mat-dialog-actions button').nth(2).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  // The re-applied save may still be in flight when the dialog closes: wait for it, up to 15 s.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let afterSecond: any;
  for (
    const until = Date.now() + 15_000;
    Date.now() < until;
    await new Promise((resolve) => setTimeout(resolve, 250))
  ) {
    afterSecond = await api(`/api/v1/activities/${target.id}`);
    if (afterSecond.dueDate === dueSecond) break;
  }
  expect(afterSecond.dueDate, `after re-apply: due date is ${afterSecond.dueDate}`).toBe(dueSecond);
  expect(afterSecond.version, 'the version did not move').toBeGreaterThan(afterFirst.version);
});

test('an HCP officer sees no update form on an activity HCP neither leads nor contributes to', async ({ open }) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const foreign = activities.find(
    (a) => a.leadInstitution?.code !== 'HCP' && !(a.contributors ?? []).some((c: any) => c.code === 'HCP'),
  );
  expect(foreign, 'no activity outside HCP in the demo plan').toBeTruthy();
  const { page } = await open({ viewport: { width: 390, height: 844 }, locale: 'fr' });
  await signIn(page, 'fr', 'rod@hcp.ma', `/fr/activities/${foreign.id}`);
  expect(await page.locator('msd-progress-update-form').count(), 'the update form is shown').toBe(0);
  expect(await page.locator('msd-activity-edit-form').count(), 'the planning form is shown').toBe(0);
  expect(await page.locator('.activity-access').isVisible(), 'no line saying who can report').toBe(true);
  expect(
    (await page.locator('.msd-nav__working-for').innerText()).length,
    'the navigation does not say whom the officer works for',
  ).toBeGreaterThan(0);
  await noSidewaysScroll(page);
  await shot(page, 'activity-officer-hcp-fr-phone.png', true);
});

test('the audit page, as the coordinator, lists the changes just made', async ({ open }) => {
  const { page } = await open({ viewport: { width: 1366, height: 900 }, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/audit');
  await page.locator('msd-audit-event-list li').first().waitFor({ timeout: 15_000 });
  const events = await page.locator('msd-audit-event-list li').allInnerTexts();
  const all = events.join('\n');
  expect(/Activité modifiée/.test(all), 'no activity change listed').toBe(true);
  expect(/Point d.avancement publié/.test(all), 'no progress update listed').toBe(true);
  expect(all.includes('Coordinateur ADD'), 'the coordinator is not named with their role').toBe(true);
  expect(
    await page.locator(`msd-audit-event-list a[href="/fr/activities/${target.id}"]`).count(),
    'no link to the activity',
  ).toBeGreaterThanOrEqual(1);
  await shot(page, 'audit-fr-desktop.png', true);
});
