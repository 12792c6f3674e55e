// WCAG 2.1 AA, checked by axe-core on every main page in Arabic and in French: no serious or critical
// violation. Public pages as a visitor; the working pages as the people who use them. Keyboard: the
// skip link is the first thing a keyboard reaches and takes focus to the main content.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, BASE, expect, type Locale, signIn, test, WIDE } from './support';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The serious and critical violations on the page, one line each (empty when none). */
async function axe(page: Page, label: string): Promise<string[]> {
  // Charts draw on a canvas after the data arrives; let the page settle first.
  await page.waitForLoadState('networkidle');
  await page
    .locator('msd-loading')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
  return serious;
}

async function publicPages(): Promise<string[]> {
  const plan = await api('/api/v1/plans/PANDO-2021');
  const measure = plan.measures[0];
  const activity = measure.activities[0];
  const ranking = await api('/api/v1/metrics/rankings?pageSize=1');
  const code = ranking.items?.[0]?.institution?.code ?? 'MEF';
  const editions = await api('/api/v1/award/editions');
  const events = await api('/api/v1/events?pageSize=1');
  return [
    '',
    `/measures/${measure.id}`,
    `/activities/${activity.id}`,
    '/metrics',
    '/metrics/rankings',
    '/metrics/methodology',
    `/metrics/${code}`,
    '/institutions',
    '/institutions/MEF',
    '/coverage',
    '/events',
    ...(events.items?.[0] ? [`/events/${events.items[0].id}`] : []),
    '/reach',
    '/reuses',
    '/reuses/propose',
    '/award',
    ...(editions[0] ? [`/award/${editions[0].id}`] : []),
    '/sign-in',
  ];
}

for (const locale of ['ar', 'fr'] as Locale[]) {
  test(`public pages have no serious accessibility violation (${locale})`, async ({ open }) => {
    test.setTimeout(300_000);
    const { page } = await open({ viewport: WIDE, locale });
    const found: string[] = [];
    for (const path of await publicPages()) {
      await page.goto(`${BASE}/${locale}${path}`, { waitUntil: 'networkidle' });
      await page.locator('main h1').first().waitFor({ timeout: 15_000 });
      found.push(...(await axe(page, `/${locale}${path}`)));
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  test(`working pages have no serious accessibility violation (${locale})`, async ({ open }) => {
    test.setTimeout(300_000);
    const { page } = await open({ viewport: WIDE, locale });
    await signIn(page, locale, 'coordination@add.gov.ma', `/${locale}/validation`);
    const found = await axe(page, `/${locale}/validation (coordinator)`);
    for (const path of [
      '/home',
      '/rounds',
      '/committee',
      '/committee/action-items',
      '/portal',
      '/institutions/MEF/inventory',
    ]) {
      await page.goto(`${BASE}/${locale}${path}`, { waitUntil: 'networkidle' });
      await page.locator('main h1').first().waitFor({ timeout: 15_000 });
      found.push(...(await axe(page, `/${locale}${path} (coordinator)`)));
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}

test('the skip link is the first stop of the keyboard and moves focus to the content', async ({ open }) => {
  const { page } = await open({ viewport: WIDE, locale: 'fr' });
  await page.goto(`${BASE}/fr/metrics`, { waitUntil: 'networkidle' });
  await page.keyboard.press('Tab');
  const first = page.locator(':focus');
  await expect(first).toHaveAttribute('href', /#main/);
  await expect(first).toBeVisible();
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
  expect(focused, 'focus lands in the main content').toBe(true);
});
