/**
 * npx ts-node -P libs/testing/ckan-fixture-server/tsconfig.lib.json --transpile-only libs/testing/ckan-fixture-server/src/measure.ts [datasets]
 * Prints the cost of a 100,000-dataset catalogue and of its 1000-row pages (run with --expose-gc for exact heap numbers:
 * node --expose-gc -r ts-node/register/transpile-only …, TS_NODE_PROJECT=libs/testing/ckan-fixture-server/tsconfig.lib.json).
 */
import { Actions } from './actions';
import { Catalogue } from './catalogue';
import { startCkanFixtureServer } from './server';

const gc = (globalThis as { gc?: () => void }).gc;
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const mb = (bytes: number) => (bytes / 1e6).toFixed(1) + ' MB';

async function main(): Promise<void> {
  const datasets = Number(process.argv[2] ?? 100_000);
  gc?.();
  const mem = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heap0 = mem();
  let t = process.hrtime.bigint();
  const catalogue = new Catalogue({ organizations: 120, datasets });
  const built = ms(t);
  gc?.();
  const heap1 = mem();
  console.log(
    `catalogue of ${datasets}: built in ${built.toFixed(0)} ms, heap + array buffers +${mb(heap1 - heap0)}${gc ? '' : ' (no --expose-gc: approximate)'}`,
  );

  const actions = new Actions(catalogue);
  t = process.hrtime.bigint();
  actions.call('package_search', { rows: '0', sort: 'metadata_modified desc' });
  console.log(`first search (sorts ${datasets} indexes): ${ms(t).toFixed(0)} ms`);
  const times: number[] = [];
  let bytes = 0;
  for (let start = 0; start < datasets; start += 1000) {
    t = process.hrtime.bigint();
    const { body } = actions.call('package_search', {
      rows: '1000',
      start: String(start),
      sort: 'metadata_modified desc',
    });
    times.push(ms(t));
    bytes += body.length;
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(
    `1000-row page (generate + serialise), ${times.length} pages: median ${pct(0.5)} ms, p90 ${pct(0.9)} ms, max ${pct(1)} ms; ${mb(bytes / times.length)} a page`,
  );
  gc?.();
  console.log(
    `heap after serving every page: ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`,
  );

  const server = await startCkanFixtureServer({ organizations: 120, datasets });
  try {
    t = process.hrtime.bigint();
    let n = 0;
    for (let start = 0; start < Math.min(datasets, 20_000); start += 1000) {
      const res = await fetch(`${server.url}/package_search?rows=1000&start=${start}&sort=metadata_modified%20desc`);
      await res.arrayBuffer();
      n++;
    }
    console.log(`over HTTP (fetch, body read, not parsed): ${(ms(t) / n).toFixed(1)} ms a page over ${n} pages`);
  } finally {
    await server.close();
  }
}

void main();
