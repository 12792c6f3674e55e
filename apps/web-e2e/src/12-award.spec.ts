// The Imtiaz award's open-data category, as its people use it: ADD's coordinator opens an edition
// whose call closes in about a minute; the finance ministry's ROD applies in Arabic on a 360 px phone;
// once the deadline passes the automated values are frozen and the application is locked; a juror
// scores in French while the HCP's committee member, who declared a conflict with it, never sees the HCP's application;
// the coordinator closes scoring and publishes; the public page shows the ranking in both languages.
import {
  api,
  BASE,
  DEMO_PASSWORD,
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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async (method: Method, path: string, body?: unknown, expected = 200): Promise<any> => {
    const answer = await fetch(`${BASE}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    expect(answer.status, `${method} ${path}: ${answer.status} ${text}`).toBe(expected);
    return text ? JSON.parse(text) : null;
  };
}

/** A day on Morocco's calendar, `days` from now. */
const moroccoDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date(Date.now() + days * 86_400_000));

const waitUntil = async (instant: number) => {
  const left = instant - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
};

const NARRATIVE_AR = 'ننشر معطيات الميزانية كل فصل بصيغ مفتوحة، مع واجهة برمجية يستعملها الصحفيون والباحثون.';
const DEADLINE_IN = 75_000;

let editionId = '';
let deadline = 0;
let hcpApplicationId = '';
let mefApplicationId = '';

test.beforeAll(async () => {
  const coordinator = await client('coordination@add.gov.ma');
  const editions = await api('/api/v1/award/editions');
  const demo = editions.find((e: { phase: string }) => e.phase === 'open');
  expect(demo, 'the demo has an open edition').toBeTruthy();
  const taken = new Set(editions.map((e: { year: number }) => e.year));
  let year = Number(moroccoDay().slice(0, 4)) + 1;
  while (taken.has(year)) year++;
  // The demo open edition's jury: a university juror without conflicts, and the HCP's committee member (conflict declared).
  const jurors = (await coordinator('GET', `/api/v1/award/editions/${demo.id}`)).jurors;
  const pick = (name: string) => jurors.find((j: { displayName: string }) => j.displayName.includes(name));

  deadline = Date.now() + DEADLINE_IN;
  const edition = await coordinator(
    'POST',
    '/api/v1/award/editions',
    {
      year,
      title: {
        fr: `Imtiaz ${year} — essai dans le navigateur`,
        ar: `امتياز ${year} — تجربة في المتصفح`,
        en: `Imtiaz ${year} — browser trial`,
      },
      callOpensOn: moroccoDay(-1),
      applicationsCloseAt: new Date(deadline).toISOString(),
      scoringOpensOn: moroccoDay(0),
      scoringClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      resultsOn: moroccoDay(7),
      eligibleTypes: ['ministry', 'public_institution', 'independent_authority', 'other'],
      criteria: [
        {
          kind: 'automated',
          metric: 'publication_score',
          title: { fr: 'Score de publication', ar: 'نقطة النشر', en: 'Publication score' },
          weight: 30,
        },
        {
          kind: 'automated',
          metric: 'reuses',
          title: { fr: 'Réutilisations', ar: 'إعادة الاستخدام', en: 'Reuses' },
          weight: 20,
        },
        {
          kind: 'jury',
          title: { fr: 'Qualité du dossier', ar: 'جودة الملف', en: 'Quality of the application' },
          weight: 25,
        },
        { kind: 'jury', title: { fr: 'Impact', ar: 'الأثر', en: 'Impact' }, weight: 25 },
      ],
    },
    201,
  );
  editionId = edition.id;
  const universite = pick('Leila');
  const hcpMember = jurors.find((j: { conflicts: { code: string }[] }) => j.conflicts.some((c) => c.code === 'HCP'));
  expect(universite && hcpMember, 'the demo jury has its university juror and the HCP member').toBeTruthy();
  await coordinator('PUT', `/api/v1/award/editions/${editionId}/jurors`, {
    jurors: [{ userId: universite.userId }, { userId: hcpMember.userId, conflictCodes: ['HCP'] }],
  });
  // The HCP applies through the API; the MEF's ROD will apply in the browser.
  const hcp = await client('rod@hcp.ma');
  hcpApplicationId = (
    await hcp(
      'POST',
      `/api/v1/award/editions/${editionId}/applications`,
      { narrative: { fr: 'Le recensement ouvert commune par commune.' }, submit: true },
      201,
    )
  ).id;
});

test('the ROD applies in Arabic at 360 px before the deadline', async ({ open }) => {
  const { page, pageErrors } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signIn(page, 'ar', 'rod@mef.gov.ma', `/ar/award/${editionId}`);
  await expectDirection(page, 'ar');
  await expect(page.locator('[data-award-phase]').first()).toHaveAttribute('data-phase', 'open');
  await page.locator('[data-award-apply]').click();
  await page.waitForURL(new RegExp(`/ar/award/${editionId}/apply$`));
  await expect(page.locator('[data-award-countdown]')).toBeVisible();
  await page.locator('[data-award-narrative="ar"]').fill(NARRATIVE_AR);
  await page.locator('[data-award-link-add]').click();
  const link = page.locator('[data-award-link]').first();
  await link.locator('input[formcontrolname="title"]').fill('بوابة معطيات الميزانية');
  await link.locator('input[formcontrolname="url"]').fill('https://data.finances.gov.ma');
  await page.locator('[data-award-submit]').click();
  await expect(page.locator('[data-award-status] .award-kind--done')).toBeVisible({ timeout: 15_000 });
  // Evidence: a file attached at once, kept with the application.
  await page.locator('[data-award-file-input]').setInputFiles({
    name: 'تقرير المعطيات.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await expect(page.locator('[data-award-file]')).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('[data-award-file]')).toContainText('تقرير المعطيات.pdf');
  await noSidewaysScroll(page);
  await shot(page, 'award-apply-ar-phone.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  expect(pageErrors).toEqual([]);

  const mine = await (await client('rod@mef.gov.ma'))('GET', `/api/v1/award/editions/${editionId}/applications`);
  expect(mine).toHaveLength(1);
  expect(mine[0].narrative.ar).toBe(NARRATIVE_AR);
  expect(mine[0].submittedAt).toBeTruthy();
  expect(mine[0].files.map((f: { title: string }) => f.title)).toEqual(['تقرير المعطيات.pdf']);
  mefApplicationId = mine[0].id;
});

test('after the deadline the application is locked and a late one is refused', async ({ open }) => {
  test.setTimeout(DEADLINE_IN + 60_000);
  await waitUntil(deadline + 1_500);
  const rod = await client('rod@mef.gov.ma');
  const application = await rod('GET', `/api/v1/award/applications/${mefApplicationId}`);
  await rod(
    'PATCH',
    `/api/v1/award/applications/${mefApplicationId}`,
    { version: application.version, narrative: { ar: 'تعديل متأخر' } },
    409,
  );
  const anrt = await client('coordination@add.gov.ma');
  expect((await anrt('GET', `/api/v1/award/editions/${editionId}`)).frozenAt).toBeTruthy();

  const { page } = await open({ viewport: SMALL_PHONE, locale: 'ar' });
  await signIn(page, 'ar', 'rod@mef.gov.ma', `/ar/award/${editionId}/apply`);
  await expect(page.locator('[data-award-locked]')).toBeVisible();
  await expect(page.locator('[data-award-automated]')).toBeVisible();
  await expect(page.locator('[data-award-submit]')).toHaveCount(0);
  await shot(page, 'award-apply-locked-ar-phone.png', true);
});

test('a juror scores in French; the conflicted juror never sees the HCP application', async ({ open }) => {
  const hcpMember = await client('comite@hcp.ma');
  await hcpMember('GET', `/api/v1/award/applications/${hcpApplicationId}`, undefined, 403);
  const visible = await hcpMember('GET', `/api/v1/award/editions/${editionId}/applications`);
  expect(visible.map((a: { id: string }) => a.id)).toEqual([mefApplicationId]);

  const { page, pageErrors } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'jury.universite@demo.marsad.ma', `/fr/award/${editionId}/jury`);
  const items = page.locator('[data-award-jury-application]');
  await expect(items).toHaveCount(2);
  for (const [id, scores] of [
    [mefApplicationId, ['8', '7.5']],
    [hcpApplicationId, ['6', '9']],
  ] as const) {
    await page.locator(`[data-award-jury-application][data-application-id="${id}"] [data-award-jury-open]`).click();
    const form = page.locator(`[data-award-score-form][data-application-id="${id}"]`);
    if (id === mefApplicationId) await expect(page.locator('[data-award-jury-files] a')).toHaveCount(1);
    const inputs = form.locator('[data-award-score]');
    await expect(inputs).toHaveCount(2);
    await inputs.nth(0).fill(scores[0]);
    await inputs.nth(1).fill(scores[1]);
    await form.locator('textarea').first().fill('Dossier clair, données à jour.');
    await form.locator('[data-award-score-save]').click();
    await expect(
      page.locator(`[data-award-jury-application][data-application-id="${id}"] [data-award-scored]`),
    ).toHaveAttribute('data-scored', 'true', { timeout: 15_000 });
  }
  await expect(page.locator('[data-award-jury-progress]')).toContainText('2');
  await shot(page, 'award-jury-fr-desktop.png', true);
  expect(untranslated(await page.locator('main').innerText())).toBe(false);
  expect(pageErrors).toEqual([]);
});

test('the coordinator closes scoring and publishes; the results are hashed', async ({ open }) => {
  const coordinator = await client('coordination@add.gov.ma');
  const edition = await coordinator('GET', `/api/v1/award/editions/${editionId}`);
  const closesAt = Date.now() + 2_000;
  await coordinator('PATCH', `/api/v1/award/editions/${editionId}`, {
    version: edition.version,
    scoringClosesAt: new Date(closesAt).toISOString(),
  });
  await waitUntil(closesAt + 500);

  const { page, pageErrors } = await open({ viewport: WIDE, locale: 'fr' });
  await signIn(page, 'fr', 'coordination@add.gov.ma', `/fr/award/${editionId}`);
  await expect(page.locator('[data-award-phase]').first()).toHaveAttribute('data-phase', 'scored');
  await page.locator('[data-award-publish]').click();
  await page.locator('mat-dialog-actions button').last().click();
  await expect(page.locator('[data-award-hash]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-award-row]')).toHaveCount(2);
  expect(pageErrors).toEqual([]);
});

test('the public page shows the ranking in Arabic at 360 px and in French', async ({ open }) => {
  const results = await api(`/api/v1/award/editions/${editionId}/results`);
  expect(results.rows).toHaveLength(2);
  const first = results.rows[0];
  // One juror scored (the other was conflicted on the HCP and did not score the MEF): the jury values are theirs.
  const jury = results.criteria.filter((c: { kind: string }) => c.kind === 'jury').map((c: { id: string }) => c.id);
  const juryValues = (code: string) => {
    const row = results.rows.find((r: { institution: { code: string } }) => r.institution.code === code);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return jury.map((id: string) => row.criteria.find((c: any) => c.criterionId === id).value);
  };
  expect(juryValues('MEF')).toEqual([8, 7.5]);
  expect(juryValues('HCP')).toEqual([6, 9]);

  for (const [locale, viewport] of [
    ['ar', SMALL_PHONE],
    ['fr', WIDE],
  ] as const) {
    const { page, pageErrors } = await open({ viewport, locale });
    await page.goto(`${BASE}/${locale}/award/${editionId}`, { waitUntil: 'networkidle' });
    await expectDirection(page, locale);
    const rows = page.locator('[data-award-row]');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveAttribute('data-institution', first.institution.code);
    await expect(page.locator('[data-award-method]')).toBeVisible();
    await expect(page.locator('[data-award-hash]')).toContainText(results.hash.slice(0, 12));
    if (viewport.width < 600) await noSidewaysScroll(page);
    await shot(page, `award-results-${locale}-${viewport.width < 600 ? 'phone' : 'desktop'}.png`, true);
    expect(untranslated(await page.locator('main').innerText())).toBe(false);
    expect(pageErrors).toEqual([]);
  }
});
