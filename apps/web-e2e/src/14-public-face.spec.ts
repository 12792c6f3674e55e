// The public face (issue #16), as a walk-through found it and as it is now: one check per rough edge,
// the tracker's own open data, a traffic light per administration, and a citizen's comment going
// through moderation to the activity's page.
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

test('Arabic says المعطيات, never البيانات', async ({ open }) => {
  const { page } = await open({ viewport: WIDE, locale: 'ar' });
  for (const path of ['/ar', '/ar/metrics', '/ar/metrics/methodology', '/ar/open-data']) {
    await page.goto(`${BASE}${path}`, { waitUntil: 'networkidle' });
    await page.locator('main h1').first().waitFor();
    expect(await page.locator('body').innerText(), path).not.toContain('بيانات');
  }
});

test('a date shows in the page’s language, not the browser’s', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', viewport: WIDE });
  const page = await context.newPage();
  await page.goto(`${BASE}/fr?dueBefore=2026-12-03`, { waitUntil: 'networkidle' });
  await expect(page.locator('.mat-datepicker-input').first()).toHaveValue('03/12/2026');
  await context.close();
});

test('percentages follow the locale; the chart shows each measure’s progress by name; print keeps the counts and a date', async ({
  open,
}) => {
  const { page } = await open({ viewport: WIDE, locale: 'fr' });
  await page.goto(`${BASE}/fr`, { waitUntil: 'networkidle' });
  await expect(page.locator('.overview__big')).toHaveText(/\d[\u202f\u00a0]%/);
  const rows = page.locator('[data-measure-progress-chart] tr[data-measure-progress]');
  await expect(rows).toHaveCount(13);
  const plan = await api('/api/v1/plans/PANDO-2021');
  await expect(rows.first()).toContainText(plan.measures[0].title.fr.slice(0, 20));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-print-date]')).toBeVisible();
  await expect(page.locator('[data-status-count]').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

test('a link preview reads each public page’s title and language without running the app', async () => {
  const plan = await api('/api/v1/plans/PANDO-2021');
  const measure = plan.measures[2];
  const html = await (await fetch(`${BASE}/ar/measures/${measure.id}`, { headers: { accept: 'text/html' } })).text();
  expect(html).toContain('<html lang="ar" dir="rtl">');
  expect(html).toContain(`<meta property="og:title" content="`);
  expect(html).toMatch(new RegExp(`<title>[^<]*${measure.number}[^<]*</title>`));
  expect(html).toContain(measure.title.ar.slice(0, 15));
  expect(html).toContain('<meta property="og:locale" content="ar_MA" />');
  expect(html).toContain(`hreflang="fr" href="`);
  const scorecard = await (await fetch(`${BASE}/fr/metrics/MEF`)).text();
  expect(scorecard).toMatch(/<title>Fiche de publication : [^<]+ · Marsad<\/title>/);
});

test('every chart says in words what it shows; the scorecard prints with a date', async ({ open }) => {
  const { page } = await open({ viewport: WIDE, locale: 'fr' });
  await page.goto(`${BASE}/fr/metrics/MEF`, { waitUntil: 'networkidle' });
  const charts = page.locator('msd-bar-chart, msd-line-chart');
  expect(await charts.count()).toBeGreaterThan(0);
  for (const chart of await charts.all()) {
    await expect(chart.locator('[data-chart-summary]')).toHaveText(/\d/);
  }
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-print-date]')).toBeVisible();
  await expect(page.locator('.met-links')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('a network failure is told in the page’s language only', async ({ open }) => {
  const { page } = await open({ viewport: WIDE, locale: 'fr' });
  await page.route('**/api/v1/metrics/national**', (route) => route.abort('internetdisconnected'));
  await page.goto(`${BASE}/fr/metrics`, { waitUntil: 'networkidle' });
  const alert = page.locator('main [role="alert"]').first();
  await expect(alert).toBeVisible();
  expect(await alert.innerText()).not.toMatch(/Http failure|Unknown Error/);
});

test('on a 360 px phone, rankings keep the score on screen with names isolated (Arabic)', async ({ open }) => {
  const { page } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await page.goto(`${BASE}/ar/metrics/rankings`, { waitUntil: 'networkidle' });
  await expectDirection(page, 'ar');
  const score = page.locator('[data-rank-score]').first();
  await expect(score).toBeVisible();
  const box = await score.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= SMALL_PHONE.width + 1, 'score inside the screen').toBe(true);
  expect(await page.locator('main table bdi').count(), 'names isolated in <bdi>').toBeGreaterThan(0);
  await noSidewaysScroll(page);
  await shot(page, 'rankings-ar-phone.png');
});

test('the registry shows ROD and GdD in office and a traffic light with its reasons', async ({ open }) => {
  const { page } = await open({ viewport: WIDE, locale: 'fr' });
  await page.goto(`${BASE}/fr/institutions`, { waitUntil: 'networkidle' });
  await expect(page.locator('[data-has-rod]').first()).toBeVisible();
  await expect(page.locator('[data-has-gdd]').first()).toBeVisible();
  await expect(page.locator('[data-traffic-light]').first()).toBeVisible();
  await page.goto(`${BASE}/fr/metrics/MEF`, { waitUntil: 'networkidle' });
  const light = page.locator('[data-scorecard-traffic-light] [data-traffic-light]').first();
  await expect(light).toHaveAttribute('data-traffic-light', /green|amber|red|grey/);
  expect((await light.innerText()).trim().length, 'the light has a word, not only a colour').toBeGreaterThan(0);
  await shot(page, 'scorecard-traffic-light-fr-desktop.png');
});

test('the demo plan has several lead administrations', async () => {
  const plan = await api('/api/v1/plans/PANDO-2021');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const leads = new Set(plan.measures.map((m: any) => m.leadInstitution?.code).filter(Boolean));
  expect(leads.size).toBeGreaterThanOrEqual(3);
});

test('working screens: the harvest schedule in words, inventory actions and the progress slider on a phone', async ({
  open,
}) => {
  const coordinator = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(coordinator.page, 'fr', 'coordination@add.gov.ma', '/fr/portal');
  const schedule = coordinator.page.locator('[data-harvest-schedule]').first();
  await expect(schedule).toBeVisible();
  expect(await schedule.innerText()).not.toMatch(/\*/);

  const { page } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signIn(page, 'ar', 'rod@mef.gov.ma', '/ar/institutions/MEF/inventory');
  const actions = page.locator('[data-inventory-actions]').first();
  await expect(actions).toBeVisible();
  const box = await actions.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= SMALL_PHONE.width + 1, 'actions inside the screen').toBe(true);

  const plan = await api('/api/v1/plans/PANDO-2021');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const activities: any[] = plan.measures.flatMap((m: any) => m.activities);
  const mine = activities.find(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (a) => a.contributors.some((c: any) => c.code === 'MEF') && a.status !== 'cancelled' && a.status !== 'done',
  );
  await page.goto(`${BASE}/ar/activities/${mine.id}`, { waitUntil: 'networkidle' });
  const number = page.locator('input[data-progress-input]');
  await number.fill('83');
  await number.blur();
  await expect(page.locator('input[data-progress-slider]')).toHaveValue('83');
});

test('the open-data page and the catalogue: every download answers with its media type', async ({ open }) => {
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await page.goto(`${BASE}/ar/open-data`, { waitUntil: 'networkidle' });
  await expect(page.locator('[data-open-data-dataset]').first()).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, 'open-data-ar-phone.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  expect(pageErrors).toEqual([]);

  const response = await fetch(`${BASE}/api/v1/catalog`);
  expect(response.headers.get('content-type')).toContain('application/ld+json');
  const catalog = JSON.stringify(await response.json());
  const urls = [...catalog.matchAll(/"dcat:downloadURL":\{?"?(?:@id"?:"?)?([^"}]+)/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(10);
  for (const url of urls.filter((u) => u.includes('format=csv')).slice(0, 3)) {
    const download = await fetch(url.replace(/^https?:\/\/[^/]+/, BASE));
    expect(download.status, url).toBe(200);
    expect(download.headers.get('content-type'), url).toContain('text/csv');
  }
});

test('a citizen comments an activity in Arabic at 360 px; it shows once a coordinator publishes it', async ({
  open,
}) => {
  const COMMENT = 'متى سيتم نشر المعطيات المتعلقة بهذا النشاط؟';
  const plan = await api('/api/v1/plans/PANDO-2021');
  const activity = plan.measures[1].activities[0];
  const citizen = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await citizen.page.goto(`${BASE}/ar/activities/${activity.id}`, { waitUntil: 'networkidle' });
  const form = citizen.page.locator('[data-comment-form]');
  await form.locator('[data-comment-body]').fill(COMMENT);
  await form.locator('[data-comment-submit]').click();
  await expect(citizen.page.locator('[data-comment-sent]')).toBeVisible({ timeout: 15_000 });
  await noSidewaysScroll(citizen.page);
  await shot(citizen.page, 'comment-sent-ar-phone.png', true);
  const before = await api(`/api/v1/activities/${activity.id}/comments`);
  expect(JSON.stringify(before)).not.toContain(COMMENT);

  const { page } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', '/fr/comments');
  const pending = page.locator('[data-comment]').filter({ hasText: COMMENT });
  await expect(pending).toBeVisible();
  await shot(page, 'comments-moderation-fr-desktop.png', true);
  await pending.locator('[data-comment-publish]').click();
  const confirm = page.locator('mat-dialog-actions button').last();
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await expect
    .poll(async () => JSON.stringify(await api(`/api/v1/activities/${activity.id}/comments`)))
    .toContain(COMMENT);

  await citizen.page.reload({ waitUntil: 'networkidle' });
  await expect(citizen.page.locator('[data-comment]').filter({ hasText: COMMENT })).toBeVisible();
});
