// Writes `<file>.br` (Brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every text
// asset of a built web app, so the server sends them as they are (express-static-gzip) instead of
// compressing on each request. Part of the web app's `build` target (apps/web/project.json).
//   node tools/scripts/precompress.mjs [dir]   (default: dist/apps/web/browser)
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const ROOT = process.argv[2] ?? 'dist/apps/web/browser';
// Text formats only: fonts (woff2) and images other than svg/ico are compressed already.
const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.ico', '.txt', '.xml', '.map', '.webmanifest']);
// Below this the server's dynamic compression does not bother either (compression's threshold).
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

async function compressOne(path) {
  const source = await readFile(path);
  const [br, gzipped] = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gz(source, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // A variant that saves nothing is not worth a second file (nor a Content-Encoding header).
  if (br.length < source.length) await writeFile(`${path}.br`, br);
  if (gzipped.length < source.length) await writeFile(`${path}.gz`, gzipped);
  return { path, raw: source.length, br: br.length, gz: gzipped.length };
}

async function main() {
  if (!(await stat(ROOT).catch(() => null))?.isDirectory()) {
    console.error(`precompress: no directory ${ROOT} (build the web app first)`);
    process.exit(1);
  }
  const files = [];
  for await (const path of walk(ROOT)) {
    if (!TEXT.has(extname(path).toLowerCase())) continue;
    if ((await stat(path)).size < MIN_BYTES) continue;
    files.push(path);
  }
  const started = performance.now();
  const results = [];
  const workers = Math.max(1, Math.min(availableParallelism(), 4));
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < files.length) results.push(await compressOne(files[next++]));
    }),
  );
  const sum = (key) => results.reduce((total, r) => total + r[key], 0);
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `precompress: ${results.length} files in ${relative(process.cwd(), ROOT) || '.'}, ${kb(sum('raw'))} → br ${kb(sum('br'))}, gzip ${kb(sum('gz'))} (${Math.round(performance.now() - started)} ms)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
