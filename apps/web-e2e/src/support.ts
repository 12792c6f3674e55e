// Shared by the browser specs: the server address, pages opened as a person would (viewport and
// browser language), sign-in through the form, and the checks every page gets.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export { expect };
export type Locale = 'ar' | 'fr';
export type Viewport = { width: number; height: number };

export const BASE = `http://127.0.0.1:${Number(process.env['E2E_PORT'] ?? 3199)}`;
/** Screenshots for people to look at (not compared): tmp/e2e-screens/ at the workspace root. */
export const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'e2e-screens');
mkdirSync(SHOTS, { recursive: true });

export const PHONE = { name: 'phone', width: 390, height: 844 };
export const DESKTOP = { name: 'desktop', width: 1366, height: 768 };
export const VIEWPORTS = [PHONE, DESKTOP];
export const SMALL_PHONE: Viewport = { width: 360, height: 780 };
export const WIDE: Viewport = { width: 1366, height: 900 };
export const phoneOrDesktop = (viewport: Viewport) => (viewport.width < 600 ? 'phone' : 'desktop');

// Every demo account shares this password (demo mode only).
export const DEMO_PASSWORD = 'Marsad-Demo-2026';

/** A GET on the API outside the browser, as JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function api(path: string): Promise<any> {
  return (await fetch(`${BASE}${path}`)).json();
}

export type Opened = { page: Page; context: BrowserContext; consoleErrors: string[]; pageErrors: string[] };

/**
 * `open({ viewport, locale })`: a new browser context (closed after the test) and its page, with the
 * console errors and uncaught page errors it collects.
 */
export const test = base.extend<{ open: (options: { viewport?: Viewport; locale: Locale }) => Promise<Opened> }>({
  open: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async ({ viewport, locale }) => {
      const context = await browser.newContext({
        ...(viewport ? { viewport: { width: viewport.width, height: viewport.height } } : {}),
        locale: locale === 'ar' ? 'ar-MA' : 'fr-MA',
      });
      contexts.push(context);
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      const pageErrors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      return { page, context, consoleErrors, pageErrors };
    });
    for (const context of contexts) await context.close();
  },
});

/** Signs in through the sign-in page, as a person would, and waits for the page it returns to. */
export async function signIn(page: Page, locale: Locale, email: string, returnUrl: string): Promise<void> {
  await page.goto(`${BASE}/${locale}/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`, { waitUntil: 'networkidle' });
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === returnUrl.split('?')[0], { timeout: 15_000 });
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

export async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
}

export async function expectDirection(page: Page, locale: Locale): Promise<void> {
  const dir = await page.evaluate(() => document.documentElement.dir);
  expect(dir, `html dir is ${dir}`).toBe(locale === 'ar' ? 'rtl' : 'ltr');
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SHOTS, name), fullPage });
}

/** A translation key left visible (`metrics.national.title`, or ⟦…⟧), web addresses aside. */
export const untranslated = (text: string) =>
  /⟦|\b[a-z]+(\.[a-zA-Z_]+){2,}\b/.test(text.replace(/\b[\w-]+(\.[\w-]+)*\.(ma|eu|org)\b/g, ''));

/** The smallest well-formed one-page PDF (offsets computed), to upload as an appointing act. */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
