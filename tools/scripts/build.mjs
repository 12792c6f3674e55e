// Shared by start.mjs and cli.mjs: bring dist/ up to date with the sources before running it.
// `nx run-many -t build` replays Nx's cache when nothing changed, but even that takes seconds (Nx
// hashes every input and restores the outputs); a stamp of the inputs' names, sizes and modification
// times, written after each build, lets a start with nothing changed skip Nx altogether.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const SOURCES = { api: 'apps/api/src', web: 'apps/web/src' };

/**
 * Builds `projects` with Nx, or uses what is in dist/ as is where there is nothing to build from:
 * a packaged install without the sources or without Nx (dev dependencies), or MARSAD_SKIP_BUILD=true
 * (CI steps that run the bundle they built). `outputs` must then exist, else the process exits with
 * a message naming them.
 *
 * quiet: the build's output is kept and printed only when it fails (a note on stderr says that a
 * build is under way when it takes more than a few seconds). Otherwise it is streamed as it comes.
 * Exits the process when the build fails; resolves once dist/ is ready.
 */
export async function ensureBuilt({ projects, outputs, quiet = false }) {
  const missing = () => outputs.filter((output) => !existsSync(join(ROOT, output)));
  const reason = buildSkippedBecause(projects);
  if (reason) {
    if (reason === NO_NX && !missing().length)
      console.error(`Nx is not installed: running ${outputs.join(', ')} as built, not rebuilt from the sources.`);
    if (missing().length) {
      console.error(
        `${missing().join(', ')} ${missing().length > 1 ? 'are' : 'is'} missing and cannot be built (${reason}).`,
      );
      process.exit(1);
    }
    return;
  }
  // Computed before building: a source saved during the build makes the next start build again.
  const fingerprint = sourcesFingerprint(projects);
  if (!missing().length && readStamp()[stampKey(projects)] === fingerprint) return;
  const args = ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--output-style=static'];
  const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: process.env.NX_DAEMON ?? 'false', NX_TUI: 'false' };
  const status = await new Promise((done) => {
    const child = spawn('npx', args, { cwd: ROOT, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output = [];
    const slow = quiet
      ? setTimeout(
          () => console.error(`Building ${projects.join(' and ')} with Nx (rebuilt only when the sources changed)…`),
          4000,
        )
      : null;
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => {
      clearTimeout(slow);
      console.error(`Could not run npx: ${error.message}`);
      done(1);
    });
    child.on('close', (code) => {
      clearTimeout(slow);
      if (code !== 0 && quiet) process.stderr.write(Buffer.concat(output));
      done(code ?? 1);
    });
  });
  if (status !== 0) {
    console.error(`The build failed (npx ${args.join(' ')}): see above.`);
    process.exit(status);
  }
  writeStamp({ ...readStamp(), [stampKey(projects)]: fingerprint });
}

/** Where the last successful build's input fingerprint is kept, per set of projects. */
const STAMP = join(ROOT, 'dist/.marsad-build-stamp.json');
/** What the API and web builds read: their sources, the libraries, the build scripts and the workspace's configuration. */
const INPUT_DIRS = ['apps/api', 'apps/web', 'libs', 'tools/scripts'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json'];

const stampKey = (projects) => [...projects].sort().join(',');

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return {};
  }
}

function writeStamp(stamp) {
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${JSON.stringify(stamp, null, 2)}\n`);
}

/**
 * A digest of every input file's path, size and modification time (a few milliseconds for the
 * workspace's ~2,000 files), and of what else changes a build: the projects and NODE_ENV.
 */
export function sourcesFingerprint(projects) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ projects: stampKey(projects), env: process.env.NODE_ENV ?? '' }));
  const add = (path) => {
    const stat = statSync(join(ROOT, path));
    hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  const walk = (dir) => {
    const entries = readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name === 'node_modules') continue;
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) add(path);
    }
  };
  for (const dir of INPUT_DIRS) if (existsSync(join(ROOT, dir))) walk(dir);
  for (const file of INPUT_FILES) if (existsSync(join(ROOT, file))) add(file);
  return hash.digest('hex');
}

const NO_NX = 'Nx is not installed';

function buildSkippedBecause(projects) {
  if (process.env.MARSAD_SKIP_BUILD === 'true') return 'MARSAD_SKIP_BUILD=true';
  const absent = projects
    .map((project) => SOURCES[project] ?? `apps/${project}/src`)
    .filter((dir) => !existsSync(join(ROOT, dir)));
  if (absent.length) return `no sources: ${absent.join(', ')}`;
  if (!existsSync(join(ROOT, 'node_modules/nx/package.json'))) return NO_NX;
  return null;
}
