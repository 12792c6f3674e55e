// `npm run bench:wire`: how many bytes a phone moves to show the Arabic overview, and an
// administration's public scorecard (/ar/metrics/MEF), on a first visit (empty cache) and on a
// repeat visit (same browser cache), and when their first contentful paint comes. Starts the built
// server on a fresh embedded database (demo data) and a free port, opens each page at 390×844 in
// headless Chromium with a new profile of its own, waits for the network to be idle, and sums what
// Chromium received per request (CDP Network.loadingFinished encodedDataLength: headers and body as
// sent, i.e. compressed); the first contentful paint is the page's own PerformancePaintTiming, in ms
// from navigation start, on loopback without throttling. Targets (bytes, exit code) are the
// overview's. Writes the figures to tmp/bench-wire.json. Build first:
//   NODE_ENV=production npx nx run-many -t build -p api web
// WIRE_DIST=<dir> measures another build (a copy of `dist`, e.g. the one before a change).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const DIST = process.env.WIRE_DIST ?? 'dist';
const MAIN = join(DIST, 'apps/api/main.js');
const WEB = join(DIST, 'apps/web/browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PATH = process.env.WIRE_PATH ?? '/ar/';
// MEF is in the reference registry, seeded on every database.
const SCORECARD_PATH = process.env.WIRE_SCORECARD_PATH ?? '/ar/metrics/MEF';
const TARGETS = { firstVisitKb: 350, repeatVisitKb: 30 };

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(port, dataDir) {
  const server = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO_DATA: 'true',
      WEB_DIST: WEB,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) {
        return {
          base,
          stop: () =>
            new Promise((resolve) =>
              server.exitCode !== null ? resolve() : (server.once('exit', resolve), server.kill('SIGTERM')),
            ),
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill('SIGTERM');
  throw new Error('server did not become healthy within 120 s');
}

/** Loads `url` in a new page of `context`; returns every request with the bytes received for it. */
async function visit(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId, request, type }) => {
    requests.set(requestId, {
      url: request.url,
      type,
      status: null,
      wireStatus: null,
      encoding: null,
      acceptEncoding: null,
      fromCache: false,
      bytes: 0,
      done: false,
    });
  });
  // What actually went over the wire: the request's real headers, and the real status (a
  // revalidated response is reported as the cached 200 by responseReceived, 304 here).
  // These may come before requestWillBeSent: kept apart, merged at the end.
  const extra = new Map();
  const extraOf = (requestId) => extra.get(requestId) ?? extra.set(requestId, {}).get(requestId);
  cdp.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => {
    const accept = Object.entries(headers).find(([k]) => k.toLowerCase() === 'accept-encoding');
    if (accept) extraOf(requestId).acceptEncoding = accept[1];
  });
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
    extraOf(requestId).wireStatus = statusCode;
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => {
    const entry = requests.get(requestId);
    if (entry) entry.fromCache = true;
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const entry = requests.get(requestId);
    if (!entry) return;
    entry.status = response.status;
    entry.fromCache ||= Boolean(response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker);
    const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    entry.encoding = headers['content-encoding'] ?? null;
    entry.cacheControl = headers['cache-control'] ?? null;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const entry = requests.get(requestId);
    if (!entry) return;
    entry.bytes = entry.fromCache ? 0 : encodedDataLength;
    entry.done = true;
  });
  cdp.on('Network.loadingFailed', ({ requestId, errorText }) => {
    const entry = requests.get(requestId);
    if (entry) Object.assign(entry, { done: true, failed: errorText });
  });
  await cdp.send('Network.enable');
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  // ExtraInfo events may trail loadingFinished by a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const fcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        if (entry) return resolve(entry.startTime);
        const observer = new PerformanceObserver((list) => {
          const found = list.getEntriesByName('first-contentful-paint')[0];
          if (found) (observer.disconnect(), resolve(found.startTime));
        });
        observer.observe({ type: 'paint', buffered: true });
        setTimeout(() => (observer.disconnect(), resolve(null)), 5_000);
      }),
  );
  const list = [...requests]
    .filter(([, r]) => !r.url.startsWith('data:'))
    .map(([id, r]) => ({ ...r, ...extra.get(id) }));
  await page.close();
  const total = list.reduce((sum, r) => sum + r.bytes, 0);
  return {
    totalBytes: total,
    totalKb: +(total / 1000).toFixed(1),
    fcpMs: fcp === null ? null : Math.round(fcp),
    requests: list,
  };
}

function print(label, result) {
  console.log(
    `\n${label}: ${result.totalKb} kB over the wire in ${result.requests.length} requests, first contentful paint ${result.fcpMs ?? '—'} ms`,
  );
  for (const r of [...result.requests].sort((a, b) => b.bytes - a.bytes)) {
    const path = new URL(r.url).pathname;
    const how = r.fromCache
      ? 'cache'
      : `${r.wireStatus ?? r.status ?? '—'}${r.encoding && r.wireStatus !== 304 ? ' ' + r.encoding : ''}`;
    console.log(
      `  ${String((r.bytes / 1000).toFixed(1)).padStart(7)} kB  ${how.padEnd(9)} ${path}${r.failed ? `  (failed: ${r.failed})` : ''}`,
    );
  }
}

/** A first and a repeat visit of `path` in a browser with a new profile (empty cache) of its own. */
async function measure(base, path) {
  const profile = mkdtempSync(join(tmpdir(), 'marsad-bench-wire-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: { width: 390, height: 844 },
      locale: 'ar-MA',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    for (const page of context.pages()) await page.close();
    const url = `${base}${path}`;
    const first = await visit(context, url);
    print(`First visit ${path}`, first);
    const repeat = await visit(context, url);
    print(`Repeat visit ${path} (same profile and cache)`, repeat);
    const revalidated = repeat.requests.filter((r) => r.wireStatus === 304).length;
    const refetched = repeat.requests.filter((r) => !r.fromCache && r.wireStatus !== 304);
    console.log(
      `repeat visit: ${repeat.requests.filter((r) => r.fromCache).length} from cache, ${revalidated} revalidated (304), ${refetched.length} fetched again${refetched.length ? ': ' + refetched.map((r) => new URL(r.url).pathname).join(', ') : ''}`,
    );
    return { first, repeat };
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(MAIN) || !existsSync(join(WEB, 'index.html'))) {
    throw new Error(`Build first: NODE_ENV=production npx nx run-many -t build -p api web (looked in ${DIST})`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-bench-wire-'));
  const server = await startServer(await freePort(), join(dataDir, 'data'));
  try {
    const measured = [];
    for (const path of [PATH, SCORECARD_PATH]) measured.push({ path, ...(await measure(server.base, path)) });
    const { first, repeat } = measured[0];
    const acceptEncoding = first.requests.find((r) => r.acceptEncoding)?.acceptEncoding ?? null;
    const measuredAt = new Date().toISOString();
    const report = {
      date: measuredAt,
      measuredAt,
      dist: DIST,
      path: PATH,
      viewport: '390x844',
      acceptEncoding,
      firstVisit: first,
      repeatVisit: repeat,
      targets: TARGETS,
      pass: first.totalKb <= TARGETS.firstVisitKb && repeat.totalKb <= TARGETS.repeatVisitKb,
      // Every page measured, the overview first: kB over the wire and first contentful paint (ms).
      pages: measured.map(({ path, first, repeat }) => ({
        path,
        firstVisitKb: first.totalKb,
        repeatVisitKb: repeat.totalKb,
        firstVisitFcpMs: first.fcpMs,
        repeatVisitFcpMs: repeat.fcpMs,
        firstVisitRequests: first.requests.length,
        repeatVisitRequests: repeat.requests.length,
        ...(path === PATH ? { targets: TARGETS } : {}),
      })),
      // The other pages' requests, as firstVisit / repeatVisit above are the overview's.
      details: Object.fromEntries(
        measured.slice(1).map(({ path, first, repeat }) => [path, { firstVisit: first, repeatVisit: repeat }]),
      ),
    };
    mkdirSync('tmp', { recursive: true });
    writeFileSync('tmp/bench-wire.json', JSON.stringify(report, null, 2));
    console.log(`\nChromium asked for: Accept-Encoding: ${acceptEncoding}`);
    for (const page of report.pages)
      console.log(
        `${page.path}: first visit ${page.firstVisitKb} kB, FCP ${page.firstVisitFcpMs ?? '—'} ms; repeat visit ${page.repeatVisitKb} kB, FCP ${page.repeatVisitFcpMs ?? '—'} ms`,
      );
    console.log(
      `first visit ${first.totalKb} kB (target ≤ ${TARGETS.firstVisitKb}), repeat visit ${repeat.totalKb} kB (target ≤ ${TARGETS.repeatVisitKb}) → tmp/bench-wire.json`,
    );
    if (!report.pass) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
