import { HttpStatus, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AppException } from '../../common/errors/app-exception';

/** How long an idle browser is kept for the next pack (a cold start costs about a second). */
const IDLE_MS = 60_000;
/** No pack takes longer; a stuck render is abandoned. */
const RENDER_TIMEOUT_MS = 20_000;

/**
 * HTML to PDF with the machine's headless Chromium (Debian's `chromium`, the one the browser tests use;
 * `CHROMIUM_PATH` overrides it). One browser is shared and closed after a minute idle. Without Chromium
 * the PDF answers 503 PDF_UNAVAILABLE; the HTML pack works everywhere.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderer.name);
  private readonly executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  private browser: Promise<Browser> | null = null;
  private idle: NodeJS.Timeout | null = null;
  private busy = 0;

  available(): boolean {
    return existsSync(this.executablePath);
  }

  async render(html: string): Promise<Buffer> {
    if (!this.available()) throw new AppException(HttpStatus.SERVICE_UNAVAILABLE, 'PDF_UNAVAILABLE');
    this.busy += 1;
    if (this.idle) clearTimeout(this.idle);
    try {
      const browser = await this.launch();
      const page = await browser.newPage();
      try {
        page.setDefaultTimeout(RENDER_TIMEOUT_MS);
        // The pack is self-contained: nothing is fetched while it renders.
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await page.close();
      }
    } finally {
      this.busy -= 1;
      if (this.busy === 0) this.idle = setTimeout(() => void this.close(), IDLE_MS).unref();
    }
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium
      .launch({ executablePath: this.executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
      .then((browser) => {
        browser.on('disconnected', () => (this.browser = null));
        return browser;
      })
      .catch((error: unknown) => {
        this.browser = null;
        this.logger.error(`Chromium did not start: ${String(error)}`);
        throw new AppException(HttpStatus.SERVICE_UNAVAILABLE, 'PDF_UNAVAILABLE');
      });
    return this.browser;
  }

  private async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    await this.close();
  }
}
