// Shared by start.mjs and cli.mjs: bring dist/ up to date with the sources before running it.
// `nx run-many -t build` replays Nx's cache when nothing changed (seconds, not a rebuild), so it is
// simpler and safer to always ask than to guess whether a bundle is stale.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
