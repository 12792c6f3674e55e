// Issue #5 in the browser: the public publication-metrics pages on the demo harvest: the national
// view, each administration's scorecard, the rankings and the methodology.
import type { Page } from '@playwright/test';
import {
  api,
  BASE,
  expect,
  expectDirection,
  noSidewaysScroll,
  phoneOrDesktop,
  shot,
  SMALL_PHONE,
  test,
  untranslated,
  WIDE,
  type Locale,
  type Viewport,
} from './support';

// Charts size themselves after the side navigation opens: wait until each fits its box (no chart wider than its card).
const chartsFit = (page: Page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll('msd-bar-chart canvas, msd-line-chart canvas')].every(
        (c) => c.getBoundingClientRect().width <= (c.parentElement as HTMLElement).getBoundingClientRect().width + 1,
      ),
    null,
    { timeout: 10_000 },
  );

test.describe('national view', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let national: any = null;
  test.beforeAll(async () => {
    // The demo harvest runs at start-up: wait for its figures, up to 90 s.
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 1000))) {
      national = await api('/api/v1/metrics/national');
      if (national.figures) break;
    }
  });

  for (const locale of ['ar', 'fr'] as Locale[]) {
    for (const viewport of [
      { name: 'phone', width: 360, height: 780 },
      { name: 'desktop', width: 1366, height: 900 },
    ]) {
      test(`publication metrics ${locale} ${viewport.name}: national score, breakdown, charts with tables, direction, no overflow`, async ({
        open,
      }) => {
        expect(national?.figures, 'no figures from the demo harvest').toBeTruthy();
        const { page, consoleErrors, pageErrors } = await open({ viewport, locale });
        await page.goto(`${BASE}/${locale}/metrics`, { waitUntil: 'networkidle' });
        await page.locator('.sb-score__value').waitFor({ timeout: 15_000 });
        await expectDirection(page, locale);
        const score = (await page.locator('.sb-score__value').innerText()).trim();
        expect(score, `score shown ${score}, API ${national.figures.score.value}`).toBe(
          String(national.figures.score.value).replace('.', ','),
        );
        expect(await page.locator('.sb-table tbody tr').count(), 'breakdown rows missing').toBe(4);
        expect(await page.locator('msd-bar-chart canvas').count(), 'bar charts missing').toBeGreaterThanOrEqual(3);
        expect(await page.locator('msd-line-chart canvas').count(), 'history chart missing').toBe(1);
        expect(await page.locator('table.met-table').count(), 'figure tables missing').toBeGreaterThanOrEqual(5);
        expect(
          await page.locator('.met-rank-table a[href*="/metrics/"]').count(),
          'top/bottom lists do not link to scorecards',
        ).toBeGreaterThanOrEqual(2);
        expect(await page.locator('a.msd-nav__link[href$="/metrics"]').count(), 'no navigation entry').toBe(1);
        expect(untranslated(await page.evaluate(() => document.body.innerText)), 'untranslated key visible').toBe(
          false,
        );
        await chartsFit(page);
        await noSidewaysScroll(page);
        const errors = [...consoleErrors, ...pageErrors];
        expect(errors.length, `console errors: ${errors.join(' | ')}`).toBe(0);
        await shot(page, `metrics-national-${locale}-${viewport.name}.png`, true);
      });
    }
  }
});

const scorecards: [Locale, Viewport][] = [
  ['ar', WIDE],
  ['fr', WIDE],
  ['ar', SMALL_PHONE],
];
for (const [locale, viewport] of scorecards) {
  const name = `${locale}-${phoneOrDesktop(viewport)}`;
  test(`scorecard HCP ${name}: score beside its breakdown, rank, trends, overdue datasets open the portal`, async ({
    open,
  }) => {
    const metrics = await api('/api/v1/institutions/HCP/metrics');
    expect(metrics.figures && metrics.rank, 'HCP has no figures in the demo harvest').toBeTruthy();
    const { page, pageErrors: errors } = await open({ viewport, locale });
    await page.goto(`${BASE}/${locale}/metrics/HCP`, { waitUntil: 'networkidle' });
    await page.locator('.sb-score__value').waitFor({ timeout: 15_000 });
    expect((await page.locator('.sb-score__value').innerText()).trim(), 'score differs from the API').toBe(
      String(metrics.figures.score.value).replace('.', ','),
    );
    expect(await page.locator('.sb-table').isVisible(), 'breakdown not visible').toBe(true);
    const points = await page.locator('.sb-table tbody tr td.sb-points').allInnerTexts();
    expect(points.length === 4 && points.every((p) => /\d/.test(p)), `points: ${points.join(' | ')}`).toBe(true);
    const rank = await page.locator('.sc-rank strong').innerText();
    expect(rank.includes(String(metrics.rank.of)), `rank shown: ${rank}`).toBe(true);
    expect(await page.locator('msd-line-chart canvas').count(), 'trend charts missing').toBe(2);
    expect(
      await page.locator('msd-bar-chart canvas').count(),
      'formats, stars, completeness and freshness charts expected',
    ).toBe(4);
    if (metrics.overdue.length) {
      const link = page.locator('table.sc-overdue a').first();
      expect(
        (await link.getAttribute('target')) === '_blank' &&
          (await link.getAttribute('href')) === metrics.overdue[0].portalUrl,
        'overdue dataset does not open the portal',
      ).toBe(true);
    }
    await expectDirection(page, locale);
    expect(untranslated(await page.evaluate(() => document.body.innerText)), 'untranslated key visible').toBe(false);
    await chartsFit(page);
    await noSidewaysScroll(page);
    expect(errors.length, errors.join('\n')).toBe(0);
    await shot(page, `metrics-scorecard-HCP-${name}.png`, true);
  });
}

test('scorecard of an administration without a portal organisation explains why there are no figures; the administration page links to it', async ({
  open,
}) => {
  const { page } = await open({ viewport: { width: 1366, height: 900 }, locale: 'fr' });
  await page.goto(`${BASE}/fr/institutions/HCP`, { waitUntil: 'networkidle' });
  await page.locator('a[href="/fr/metrics/HCP"]').waitFor({ timeout: 15_000 });
  await page.goto(`${BASE}/fr/metrics/MJCC-COM`, { waitUntil: 'networkidle' });
  await page.locator('msd-empty-state.met-empty').waitFor({ timeout: 15_000 });
  expect(await page.locator('msd-score-breakdown').count(), 'a score is shown without figures').toBe(0);
});

test('rankings fr: shared ranks, filters in the URL, exports carrying them', async ({ open }) => {
  const { page } = await open({ viewport: { width: 360, height: 780 }, locale: 'fr' });
  await page.goto(`${BASE}/fr/metrics/rankings?type=region`, { waitUntil: 'networkidle' });
  await page.locator('table.rk-table tbody tr').first().waitFor({ timeout: 15_000 });
  const rankings = await api('/api/v1/metrics/rankings?type=region&pageSize=25');
  const ranks = (await page.locator('table.rk-table tbody td.met-rank').allInnerTexts()).map(
    (t) => t.trim().split(/\s/)[0],
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(JSON.stringify(ranks), `ranks ${ranks.join(' ')}`).toBe(
    JSON.stringify(rankings.items.map((e: any) => `${e.rank}${e.tied ? '=' : ''}`)),
  );
  const href = await page.locator('a.rk-export__link').first().getAttribute('href');
  expect(href, `export link ${href}`).toBe('/api/v1/metrics/rankings/export?format=csv&type=region');
  const csv = await fetch(`${BASE}${href}`);
  expect(csv.ok, `export answers ${csv.status}`).toBe(true);
  await noSidewaysScroll(page);
  await shot(page, 'metrics-rankings-fr-phone.png', true);
});

for (const locale of ['fr', 'ar'] as Locale[]) {
  test(`methodology ${locale}: tables rendered from the constants (monthly 30/45/60, annual 365/425/455, irregular n/a)`, async ({
    open,
  }) => {
    const { page } = await open({ viewport: { width: 1366, height: 900 }, locale });
    await page.goto(`${BASE}/${locale}/metrics/methodology`, { waitUntil: 'networkidle' });
    await page.locator('tr[data-frequency="monthly"]').waitFor({ timeout: 15_000 });
    const cells = async (f: string) =>
      (await page.locator(`tr[data-frequency="${f}"] td`).allInnerTexts()).map((t) => t.trim());
    expect(await cells('monthly'), `monthly: ${await cells('monthly')}`).toEqual(['30', '45', '60']);
    expect(await cells('annual'), `annual: ${await cells('annual')}`).toEqual(['365', '425', '455']);
    expect((await cells('irregular')).length, 'irregular is not "not applicable"').toBe(1);
    expect(await page.locator('.mt-weights tbody tr').count(), 'score weights missing').toBe(4);
    expect(untranslated(await page.evaluate(() => document.body.innerText)), 'untranslated key visible').toBe(false);
    await noSidewaysScroll(page);
    await shot(page, `metrics-methodology-${locale}-desktop.png`, true);
  });
}
