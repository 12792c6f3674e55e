import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { CACHE_CONTROL, cacheControlFor } from './web-delivery';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire (not decompressed). */
  body: Buffer;
}

const INDEX_HTML =
  '<!doctype html><html lang="fr"><head><title>Marsad</title><script src="/main-ABC123.js" type="module"></script></head><body><msd-root></msd-root></body></html>';
// Over the 1 KB threshold and compressible, like a real bundle.
const MAIN_JS = `export const marsad = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `mesure-${i}`))};\n`;
const FR_JSON = JSON.stringify({
  app: { name: 'Marsad', tagline: 'Suivi du plan' },
  titles: { measure: 'Mesure', measureNumbered: 'Mesure {{number}} : {{title}}', overview: "Vue d'ensemble" },
  plan: Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`key${i}`, `Texte de la clé ${i}`])),
});

const AR_JSON = JSON.stringify({
  app: { name: 'مرصد', tagline: 'تتبع المخطط' },
  titles: { measure: 'التدبير', measureNumbered: 'التدبير {{number}}: {{title}}' },
});
/** The client route's page: the built index.html with the page's language, title and Open Graph tags. */
const isAppPage = (body: string) => body.startsWith('<!doctype html>') && body.includes('<msd-root></msd-root>');

describe('Web delivery: compression, static files, SPA fallback and HTTP caching', () => {
  let t: TestApp;
  let webDist: string;
  let base: string;
  const brBytes = brotliCompressSync(Buffer.from(MAIN_JS));
  const gzBytes = gzipSync(Buffer.from(MAIN_JS));

  /** A GET through node's http client, which (unlike supertest) leaves the body encoded. */
  const raw = (path: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    // A tiny fake web build: index.html, a hashed bundle with its precompressed variants, i18n.
    webDist = mkdtempSync(join(tmpdir(), 'marsad-web-dist-'));
    writeFileSync(join(webDist, 'index.html'), INDEX_HTML);
    writeFileSync(join(webDist, 'main-ABC123.js'), MAIN_JS);
    writeFileSync(join(webDist, 'main-ABC123.js.br'), brBytes);
    writeFileSync(join(webDist, 'main-ABC123.js.gz'), gzBytes);
    writeFileSync(join(webDist, 'favicon.ico'), Buffer.alloc(64, 1));
    mkdirSync(join(webDist, 'i18n'));
    writeFileSync(join(webDist, 'i18n', 'fr.json'), FR_JSON);
    writeFileSync(join(webDist, 'i18n', 'ar.json'), AR_JSON);
    t = await startTestApp({ env: { WEB_DIST: webDist } });
    const server: Server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
    if (webDist) rmSync(webDist, { recursive: true, force: true });
  });

  describe('API responses', () => {
    it('compresses JSON over 1 KB with Brotli or gzip, as the client asks', async () => {
      const plain = await raw('/api/v1/plans/PANDO-2021');
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(1024);

      const br = await raw('/api/v1/plans/PANDO-2021', { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(br.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(
        JSON.parse(plain.body.toString('utf8')),
      );

      const gz = await raw('/api/v1/plans/PANDO-2021', { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(gz.body).toString('utf8')).measures).toHaveLength(13);
    });

    it('sends a small JSON answer as it is', async () => {
      const health = await raw('/api/health', { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(health.status).toBe(200);
      expect(health.body.length).toBeLessThan(1024);
      expect(health.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(health.body.toString('utf8')).status).toBeDefined();
    });

    it('sends file downloads uncompressed, with their length', async () => {
      const csv = await raw('/api/v1/institutions/export?format=csv', { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="marsad-administrations\.csv"/);
      expect(csv.body.length).toBeGreaterThan(1024);
      expect(csv.headers['content-encoding']).toBeUndefined();
      expect(Number(csv.headers['content-length'])).toBe(csv.body.length);
    });

    it.each([
      '/api/v1/plans/PANDO-2021',
      '/api/v1/metrics/national',
      '/api/v1/metrics/rankings',
      '/api/v1/coverage',
      '/api/v1/institutions',
    ])('answers a matching If-None-Match with 304 on the public aggregate %s (compressed or not)', async (path) => {
      const first = await raw(path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(first.status).toBe(200);
      expect(first.headers['etag']).toMatch(/^W\/".+"$/);
      expect(first.headers['cache-control']).toBe(CACHE_CONTROL.apiPublic);
      const etag = String(first.headers['etag']);

      const again = await raw(path, { 'Accept-Encoding': 'gzip, deflate, br', 'If-None-Match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers['etag']).toBe(etag);

      const identity = await raw(path, { 'If-None-Match': etag });
      expect(identity.status).toBe(304);

      const stale = await raw(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': 'W/"stale"' });
      expect(stale.status).toBe(200);
      expect(stale.body.length).toBeGreaterThan(0);
    });

    it('keeps what a session sees out of shared caches, and anonymous reads public', async () => {
      const anonymous = await t.http.get('/api/v1/auth/session').expect(200);
      expect(anonymous.headers['cache-control']).toBe('public, no-cache');
      expect(anonymous.headers['vary']).toMatch(/Cookie/);

      const coordinator = await t.as('COORDINATOR');
      const signedIn = await coordinator.get('/api/v1/auth/session').expect(200);
      expect(signedIn.headers['cache-control']).toBe('private, no-cache');
      expect(signedIn.headers['vary']).toMatch(/Cookie/);
      // The signed-in answer never matches the anonymous ETag, so a revalidation cannot reuse it.
      expect(signedIn.headers['etag']).not.toBe(anonymous.headers['etag']);
      await coordinator.get('/api/v1/auth/session').set('If-None-Match', String(anonymous.headers['etag'])).expect(200);
    });

    it('keeps the JSON 404 for unknown API paths', async () => {
      const response = await t.http.get('/api/v1/nope').set('Accept', 'text/html').expect(404);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body.code).toBe('ROUTE_NOT_FOUND');
      await t.http
        .get('/api/nope.js')
        .expect(404)
        .expect('Content-Type', /application\/json/);
    });
  });

  describe('the web build', () => {
    it('serves the precompressed .br of a hashed bundle as it is, cached for a year', async () => {
      const response = await raw('/main-ABC123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['vary']).toMatch(/Accept-Encoding/);
      // The file's own bytes: not compressed a second time.
      expect(response.body.equals(brBytes)).toBe(true);
    });

    it('serves the .gz to a client without Brotli, and the plain file to one without either', async () => {
      const gz = await raw('/main-ABC123.js', { 'Accept-Encoding': 'gzip, deflate' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.body.equals(gzBytes)).toBe(true);
      expect(gz.headers['cache-control']).toBe(CACHE_CONTROL.immutable);

      const plain = await raw('/main-ABC123.js');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString('utf8')).toBe(MAIN_JS);
      expect(plain.headers['cache-control']).toBe(CACHE_CONTROL.immutable);
    });

    it('serves index.html revalidated, with the CSP', async () => {
      for (const path of ['/', '/index.html']) {
        const response = await raw(path, { 'Accept-Encoding': 'gzip, deflate, br', Accept: 'text/html' });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/text\/html/);
        expect(response.headers['cache-control']).toBe('no-cache');
        expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
        expect(response.body.toString('utf8')).toBe(INDEX_HTML);
      }
    });

    it.each(['/fr/measures/1', '/ar/measures/1', '/fr/metrics', '/en/institutions/01.001'])(
      'answers the client route %s with index.html',
      async (path) => {
        const response = await raw(path, {
          Accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
          'Accept-Encoding': 'gzip, deflate, br',
        });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/text\/html/);
        expect(response.headers['cache-control']).toBe('no-cache');
        expect(response.headers['content-security-policy']).toBeDefined();
        const body = (
          response.headers['content-encoding'] === 'br' ? brotliDecompressSync(response.body) : response.body
        ).toString('utf8');
        expect(isAppPage(body)).toBe(true);
        expect(body).toContain(`<html lang="${path.slice(1, 3)}" dir="${path.startsWith('/ar') ? 'rtl' : 'ltr'}">`);
        expect(body).toContain(`<meta property="og:url" content="http://localhost:3000${path}" />`);
      },
    );

    it("writes each public page's language, title and Open Graph tags into index.html, revalidated", async () => {
      const [measure] = await t.dataSource.query(`SELECT id, number, title FROM measures ORDER BY number LIMIT 1`);
      const ar = (await raw(`/ar/measures/${measure.id}`)).body.toString('utf8');
      const arTitle = `التدبير ${measure.number}: ${measure.title.ar} · مرصد`;
      expect(ar).toContain('<html lang="ar" dir="rtl">');
      expect(ar).toContain(`<title>${arTitle}</title>`);
      expect(ar).toContain(`<meta property="og:title" content="${arTitle}" />`);
      expect(ar).toContain('<meta property="og:locale" content="ar_MA" />');
      expect(ar).toContain(
        `<link rel="alternate" hreflang="fr" href="http://localhost:3000/fr/measures/${measure.id}" />`,
      );
      const fr = await raw(`/fr/measures/${measure.id}`, { Accept: 'text/html' });
      expect(fr.body.toString('utf8')).toContain(
        `<title>Mesure ${measure.number} : ${measure.title.fr} · Marsad</title>`,
      );
      // Revalidated like index.html: the same page again is a 304.
      expect(fr.headers['cache-control']).toBe('no-cache');
      const again = await raw(`/fr/measures/${measure.id}`, { 'If-None-Match': String(fr.headers['etag']) });
      expect(again.status).toBe(304);
      // No such measure: the page's generic title; a signed-in page: the product's name only.
      expect((await raw('/fr/measures/00000000-0000-4000-8000-000000000000')).body.toString('utf8')).toContain(
        '<title>Mesure · Marsad</title>',
      );
      const account = (await raw('/fr/account/password')).body.toString('utf8');
      expect(account).toContain('<title>Marsad</title>');
      expect(account).toContain('<meta name="description" content="Suivi du plan" />');
    });

    it('answers a deep link without an Accept header too, but not a missing bundle', async () => {
      const deepLink = await raw('/fr/measures/1');
      expect(deepLink.status).toBe(200);
      expect(isAppPage(deepLink.body.toString('utf8'))).toBe(true);

      // A bundle of an older build must not come back as HTML served for a script.
      const missing = await raw('/chunk-OLDBUILD.js', { Accept: '*/*' });
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).not.toMatch(/text\/html/);
    });

    it('revalidates i18n JSON (ETag, 304), compressing it on the fly', async () => {
      const first = await raw('/i18n/fr.json', { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('no-cache');
      expect(first.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(first.body).toString('utf8')).toBe(FR_JSON);
      const etag = String(first.headers['etag']);
      expect(etag).toBeTruthy();
      const again = await raw('/i18n/fr.json', { 'Accept-Encoding': 'gzip, deflate, br', 'If-None-Match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    });

    it('gives non-hashed files a day', async () => {
      const favicon = await raw('/favicon.ico');
      expect(favicon.status).toBe(200);
      expect(favicon.headers['cache-control']).toBe('public, max-age=86400');
    });

    it('still routes API reads past the static files', async () => {
      const plan = await t.http.get('/api/v1/plans/PANDO-2021').set('Accept', 'text/html').expect(200);
      expect(plan.headers['content-type']).toMatch(/application\/json/);
      expect(plan.body.measures).toHaveLength(13);
    });
  });

  describe('cacheControlFor', () => {
    const root = '/srv/web';
    it.each([
      ['/srv/web/main-2PNQXVUB.js', CACHE_CONTROL.immutable],
      ['/srv/web/chunk-GKT4BS6V.js.br', CACHE_CONTROL.immutable],
      ['/srv/web/styles-OC2TS6KS.css.gz', CACHE_CONTROL.immutable],
      ['/srv/web/media/roboto-latin-ABCDEFGH.woff2', CACHE_CONTROL.immutable],
      ['/srv/web/index.html', CACHE_CONTROL.revalidate],
      ['/srv/web/index.html.br', CACHE_CONTROL.revalidate],
      ['/srv/web/i18n/ar.json', CACHE_CONTROL.revalidate],
      ['/srv/web/i18n/ar.json.gz', CACHE_CONTROL.revalidate],
      ['/srv/web/favicon.ico', CACHE_CONTROL.short],
      ['/srv/web/logo-marsad.svg', CACHE_CONTROL.short],
    ])('%s → %s', (path, expected) => {
      expect(cacheControlFor(root, path)).toBe(expected);
    });
  });
});
