// The plan, read by anyone: overview, measure, activity and sign-in pages in Arabic and French at
// phone and desktop widths (content, direction, no sideways scrolling, no console errors).
import type { BrowserContext, Page } from '@playwright/test';
import { api, BASE, expect, expectDirection, noSidewaysScroll, shot, test, VIEWPORTS, type Locale } from './support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let plan: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let measure: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let activity: any;

test.beforeAll(async () => {
  plan = await api('/api/v1/plans/PANDO-2021');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  measure = plan.measures.find((m: any) => m.activities.length >= 3) ?? plan.measures[0];
  activity = measure.activities[0];
});

for (const locale of ['ar', 'fr'] as Locale[]) {
  for (const viewport of VIEWPORTS) {
    test.describe(`${locale} ${viewport.name}`, () => {
      // One page for the five checks, as a reader going from page to page; its errors are checked last.
      let context: BrowserContext;
      let page: Page;
      const errors: string[] = [];
      test.beforeAll(async ({ browser }) => {
        context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          locale: locale === 'ar' ? 'ar-MA' : 'fr-MA',
        });
        page = await context.newPage();
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        page.on('pageerror', (error) => errors.push(String(error)));
      });
      test.afterAll(async () => {
        await context?.close();
      });

      test(`overview ${locale} ${viewport.name}: 13 measures, direction, no overflow`, async () => {
        await page.goto(`${BASE}/${locale}`, { waitUntil: 'networkidle' });
        await page
          .getByText(plan.measures[12].title[locale], { exact: false })
          .filter({ visible: true })
          .first()
          .waitFor({ timeout: 15_000 });
        const html = await page.evaluate(() => ({
          dir: document.documentElement.dir,
          lang: document.documentElement.lang,
        }));
        expect(html.dir, `html dir is ${html.dir}`).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(html.lang, `html lang is ${html.lang}`).toBe(locale);
        const text = await page.evaluate(() => document.body.innerText);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const missing = plan.measures.filter((m: any) => !text.includes(m.title[locale]));
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        expect(missing.length, `measures not shown: ${missing.map((m: any) => m.number).join(', ')}`).toBe(0);
        expect(
          /⟦|\b[a-z]+(\.[a-zA-Z_]+){2,}\b/.test(text.replace(/www\.data\.gov\.ma|data\.gov\.ma/g, '')),
          'untranslated key visible',
        ).toBe(false);
        // Charts are drawn as they come near the viewport (chart.js is fetched then): scroll to the measures' chart.
        const chart = page.locator('[data-measure-progress-chart] msd-bar-chart');
        await chart.scrollIntoViewIfNeeded();
        await expect(chart, 'no chart drawn').toHaveAttribute('data-chart-drawn', '');
        await page.evaluate(() => window.scrollTo(0, 0));
        await noSidewaysScroll(page);
        await shot(page, `overview-${locale}-${viewport.name}.png`, viewport.name === 'desktop');
      });

      test(`measure page ${locale} ${viewport.name}: activities and timeline`, async () => {
        await page.goto(`${BASE}/${locale}/measures/${measure.id}`, { waitUntil: 'networkidle' });
        await page
          .getByText(activity.title[locale], { exact: false })
          .filter({ visible: true })
          .first()
          .waitFor({ timeout: 15_000 });
        await noSidewaysScroll(page);
        await shot(page, `measure-${locale}-${viewport.name}.png`, true);
      });

      test(`activity page ${locale} ${viewport.name}: details, and who may report when signed out`, async () => {
        await page.goto(`${BASE}/${locale}/activities/${activity.id}`, { waitUntil: 'networkidle' });
        await page
          .getByText(activity.title[locale], { exact: false })
          .filter({ visible: true })
          .first()
          .waitFor({ timeout: 15_000 });
        expect(
          await page.locator('msd-progress-update-form, msd-activity-edit-form').count(),
          'forms shown to a signed-out reader',
        ).toBe(0);
        expect(
          await page.locator('.activity-access a[href*="/sign-in"]').isVisible(),
          'no sign-in hint where the update form would be',
        ).toBe(true);
        await noSidewaysScroll(page);
        await shot(page, `activity-${locale}-${viewport.name}.png`, true);
      });

      test(`sign-in page ${locale} ${viewport.name}: fields for password managers, direction, no overflow`, async () => {
        await page.goto(`${BASE}/${locale}/sign-in`, { waitUntil: 'networkidle' });
        const email = page.locator('input[name="email"]');
        await email.waitFor({ timeout: 15_000 });
        expect(await email.getAttribute('autocomplete'), 'email field lacks autocomplete=username').toBe('username');
        expect(
          await page.locator('input[name="password"]').getAttribute('autocomplete'),
          'password field lacks autocomplete=current-password',
        ).toBe('current-password');
        expect(
          await email.evaluate((el) => el === document.activeElement),
          'the email field does not have the focus',
        ).toBe(true);
        await expectDirection(page, locale);
        await noSidewaysScroll(page);
        await shot(page, `sign-in-${locale}-${viewport.name}.png`, true);
      });

      test(`no console errors ${locale} ${viewport.name}`, async () => {
        expect(errors.length, errors.join('\n')).toBe(0);
      });
    });
  }
}

test('a link without a language goes to the browser language', async ({ open }) => {
  const { page } = await open({ locale: 'ar' });
  await page.goto(`${BASE}/`, { waitUntil: 'networkidle' });
  expect(new URL(page.url()).pathname.startsWith('/ar'), `went to ${page.url()}`).toBe(true);
});
