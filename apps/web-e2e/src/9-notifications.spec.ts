// Notifications, as people meet them: the coordinator returns the MEF officer's report; the officer
// (Arabic, 360 px) sees the bell's count, opens the message and lands on the returned report with its
// comment; the inbox and the e-mail preferences (French, desktop); the administrator's outbox, where
// e-mails wait while no SMTP server is configured (French, phone).
import {
  api,
  BASE,
  DEMO_PASSWORD,
  expect,
  expectDirection,
  noSidewaysScroll,
  PHONE,
  shot,
  signIn,
  SMALL_PHONE,
  test,
  untranslated,
  WIDE,
} from './support';

test.describe.configure({ mode: 'serial' });

const COMMENT = 'يرجى إرفاق محضر الاجتماع الموقع قبل إعادة الإرسال';

/** A signed-in API client outside the browser (cookie and CSRF token), for setting the scene. */
async function client(email: string) {
  const response = await fetch(`${BASE}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.ok, `sign-in as ${email}: ${response.status}`).toBe(true);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = await response.json();
  return async (path: string, body: unknown) => {
    const answer = await fetch(`${BASE}${path}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.ok, `${path}: ${answer.status} ${await answer.clone().text()}`).toBe(true);
    return answer.json();
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let target: any;

test.beforeAll(async () => {
  const plan = await api('/api/v1/plans/PANDO-2021');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const activities: any[] = plan.measures.flatMap((m: any) => m.activities);
  target = activities.find(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (a) => a.contributors.some((c: any) => c.code === 'MEF') && a.status !== 'cancelled' && a.progress <= 80,
  );
  expect(target, 'no activity MEF contributes to in the demo plan').toBeTruthy();
  const officer = await client('rod@mef.gov.ma');
  const report = await officer(`/api/v1/activities/${target.id}/updates`, {
    status: 'in_progress',
    progress: Math.min(90, target.progress + 5),
    narrative: { ar: 'تقرير للاختبار: الإشعارات' },
  });
  const coordinator = await client('coordination@add.gov.ma');
  await coordinator(`/api/v1/progress-updates/${report.id}/return`, { comment: COMMENT });
});

test('the officer sees the bell’s count, opens the message and lands on the returned report (Arabic, 360 px)', async ({
  open,
}) => {
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signIn(page, 'ar', 'rod@mef.gov.ma', '/ar/home/administration/MEF');
  await expectDirection(page, 'ar');
  const bell = page.locator('button.msd-bell');
  await expect(bell).toBeVisible();
  await expect(bell).toContainText(/[1-9]/, { timeout: 15_000 });
  await bell.click();
  const message = page
    .locator('.msd-bell-item')
    .filter({ hasText: `أُرجع تقريركم حول ${target.code}` })
    .first();
  await expect(message).toBeVisible();
  await shot(page, 'bell-menu-ar-phone.png');
  await message.click();
  await page.waitForURL(new RegExp(`/ar/activities/${target.id}$`), { timeout: 15_000 });
  await expect(page.locator('.timeline__item .timeline__returned').filter({ hasText: COMMENT })).toBeVisible({
    timeout: 15_000,
  });
  await noSidewaysScroll(page);
  await shot(page, 'bell-landed-on-report-ar-phone.png');
  expect(pageErrors).toEqual([]);
});

test('the inbox lists the messages, read and unread; the preferences say how e-mails come (French, desktop)', async ({
  open,
}) => {
  const { page, pageErrors } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'rod@mef.gov.ma', '/fr/notifications');
  const rows = page.locator('.msd-notification');
  await expect(rows.filter({ hasText: `Votre rapport sur ${target.code} a été renvoyé` }).first()).toBeVisible();
  await expect(rows.first()).toContainText(COMMENT);
  await shot(page, 'inbox-fr-desktop.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  await page.goto(`${BASE}/fr/notifications/preferences`, { waitUntil: 'networkidle' });
  await expect(page.locator('main')).toContainText('Compte et sécurité');
  await shot(page, 'notification-preferences-fr-desktop.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  expect(pageErrors).toEqual([]);
});

test('the administrator sees e-mails waiting in the outbox while no SMTP server is configured (French, phone)', async ({
  open,
}) => {
  const { page, pageErrors } = await open({ viewport: PHONE, locale: 'fr' });
  await signIn(page, 'fr', 'admin@marsad.ma', '/fr/admin/outbox');
  await expect(page.locator('main')).toContainText('SMTP_URL');
  await expect(page.locator('main table tbody tr').first()).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, 'outbox-fr-phone.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  expect(pageErrors).toEqual([]);
});
