// npm run bench:public — the public face under load: the Imtiaz results, the DCAT catalogue and the
// tracker's own downloads, the traffic light and published comments, on the local PostgreSQL
// server with the demo data (a fresh database, dropped afterwards). 20 concurrent anonymous
// clients, BENCH_SECONDS (default 5) per route; then the same routes revalidated with their ETag
// (a browser or a harvester asking again). Writes tmp/bench-public.json. Build first:
//   NODE_ENV=production npx nx build api
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { ensureBuilt, freshDatabase, load, startServer } from './lib.mjs';

const PORT = 3197;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = 20;

ensureBuilt();
const db = await freshDatabase('marsad_bench_public');
let server;
try {
  const started = performance.now();
  server = await startServer({ port: PORT, databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
  console.log(`server with demo data ready in ${Math.round(performance.now() - started)} ms`);
  const get = async (path) => {
    const response = await fetch(`${server.base}${path}`);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };

  const editions = await get('/api/v1/award/editions');
  const published = editions.find((e) => e.phase === 'published');
  if (!published) throw new Error('the demo has no published edition');
  const catalog = await get('/api/v1/catalog');
  const downloads = catalog['dcat:dataset'].flatMap((d) =>
    d['dcat:distribution'].map(
      (dist) => new URL(dist['dcat:downloadURL']['@id']).pathname + new URL(dist['dcat:downloadURL']['@id']).search,
    ),
  );
  const activities = await get('/api/v1/activities');
  const commented = [];
  for (const a of activities) {
    const comments = await get(`/api/v1/activities/${a.id}/comments`);
    if ((Array.isArray(comments) ? comments : (comments.items ?? [])).length) commented.push(a.id);
  }
  const institutions = ['MEF', 'HCP', 'ADD', 'ANRT', 'CDG'];

  const routes = [
    ['award editions', () => '/api/v1/award/editions'],
    ['award results (published)', () => `/api/v1/award/editions/${published.id}/results`],
    ['award results as XLSX', () => `/api/v1/award/editions/${published.id}/results/export?format=xlsx`],
    ['DCAT catalogue', () => '/api/v1/catalog'],
    ['open-data downloads (every one, in turn)', (c, i) => downloads[(c + i) % downloads.length]],
    [
      'traffic light (5 administrations)',
      (c, i) => `/api/v1/institutions/${institutions[(c + i) % institutions.length]}/traffic-light`,
    ],
    [
      'published comments of an activity',
      (c, i) =>
        `/api/v1/activities/${(commented.length ? commented : [activities[0].id])[(c + i) % Math.max(commented.length, 1)]}/comments`,
    ],
  ];
  const results = {};
  console.log(`\n${CLIENTS} clients, ${SECONDS} s per route (${downloads.length} downloads in the catalogue)`);
  console.log(
    'route'.padEnd(44),
    'req/s'.padStart(7),
    'p50'.padStart(8),
    'p95'.padStart(8),
    'p99'.padStart(8),
    'errors'.padStart(7),
  );
  for (const [name, path] of routes) {
    // Warm once (the first view computes and caches), then measure.
    await fetch(`${server.base}${path(0, 0)}`).then((r) => r.arrayBuffer());
    const r = await load({ clients: CLIENTS, seconds: SECONDS, next: (c, i) => `${server.base}${path(c, i)}` });
    results[name] = r;
    console.log(
      name.padEnd(44),
      String(r.rps).padStart(7),
      `${r.p50} ms`.padStart(8),
      `${r.p95} ms`.padStart(8),
      `${r.p99} ms`.padStart(8),
      String(r.errors).padStart(7),
    );
  }

  // Revalidation: the same requests with the ETag the server gave, as a browser cache or a harvester
  // sends them (through node:http: fetch() adds `Cache-Control: no-cache` to conditional requests,
  // which rightly makes the server answer in full).
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const conditional = (path, etag) =>
    new Promise((resolve, reject) => {
      const req = http.get(
        `${server.base}${path}`,
        { agent, headers: etag ? { 'if-none-match': etag } : {} },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, etag: res.headers.etag }));
        },
      );
      req.on('error', reject);
    });
  const etags = new Map();
  for (const path of ['/api/v1/catalog', `/api/v1/award/editions/${published.id}/results`, downloads[0]])
    etags.set(path, (await conditional(path)).etag ?? '');
  const paths = [...etags.keys()];
  const latencies = [];
  let notModified = 0;
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const path = paths[(c + i) % paths.length];
        const started = performance.now();
        const { status } = await conditional(path, etags.get(path));
        latencies.push(performance.now() - started);
        if (status === 304) notModified++;
        else if (status >= 400) errors++;
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p) => +latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)].toFixed(1);
  const revalidated = {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / SECONDS),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    notModifiedShare: +(notModified / latencies.length).toFixed(3),
  };
  results['revalidation with If-None-Match'] = revalidated;
  console.log(
    'revalidation with If-None-Match'.padEnd(44),
    String(revalidated.rps).padStart(7),
    `${revalidated.p50} ms`.padStart(8),
    `${revalidated.p95} ms`.padStart(8),
    `${revalidated.p99} ms`.padStart(8),
    String(errors).padStart(7),
    ` (304: ${Math.round(revalidated.notModifiedShare * 100)} %)`,
  );
  mkdirSync('tmp', { recursive: true });
  writeFileSync(
    'tmp/bench-public.json',
    JSON.stringify({ at: new Date().toISOString(), clients: CLIENTS, seconds: SECONDS, results }, null, 2),
  );
} finally {
  await server?.stop();
  await db.drop();
}
