// `npm run cli -- <command>`: operator commands (migrations, seeds), from the built API, rebuilt
// first when its sources changed (so `db:migrate` after a `git pull` runs the new migrations).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from './build.mjs';

await ensureBuilt({ projects: ['api'], outputs: ['dist/apps/api/cli.js'], quiet: true });
const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/cli.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 1));
