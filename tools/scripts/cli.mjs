// `npm run cli -- <command>`: operator commands (migrations, seeds), from the built API.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/apps/api/cli.js') || process.env.MARSAD_REBUILD === 'true') {
  const build = spawnSync('npx', ['nx', 'build', 'api', '--output-style=static'], {
    stdio: 'inherit',
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn(process.execPath, ['dist/apps/api/cli.js', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
