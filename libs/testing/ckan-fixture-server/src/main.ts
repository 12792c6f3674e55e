/**
 * npm run ckan:fixture -- --organizations 50 --datasets 1000 [--port 5055] [--seed 1]
 *   [--prefix /data/api/3/action] [--host 127.0.0.1] [--now 2026-01-01T00:00:00Z] [--faults '{"latencyMs":50}']
 */
import { startCkanFixtureServer, type StartOptions } from './server';
import type { Faults } from './faults';

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    if (eq > 0) out[arg.slice(2, eq)] = arg.slice(eq + 1);
    else out[arg.slice(2)] = argv[++k] ?? '';
  }
  return out;
}

function int(args: Record<string, string>, key: string, fallback: number): number {
  const raw = args[key];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${key} must be a whole number, got ${raw}`);
  return n;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if ('help' in args) {
    console.log(
      'usage: npm run ckan:fixture -- --organizations N --datasets N [--port 5055] [--seed 1] [--prefix /api/3/action] [--host 127.0.0.1] [--now ISO] [--faults JSON]',
    );
    return;
  }
  const options: StartOptions = {
    organizations: int(args, 'organizations', 50),
    datasets: int(args, 'datasets', 1000),
    seed: int(args, 'seed', 1),
    port: int(args, 'port', 5055),
    host: args['host'] ?? '127.0.0.1',
  };
  if (args['prefix']) options.apiPrefix = args['prefix'];
  if (args['now']) {
    options.now = new Date(args['now']);
    if (Number.isNaN(options.now.getTime())) throw new Error(`--now is not a date: ${args['now']}`);
  }
  if (args['faults']) options.faults = JSON.parse(args['faults']) as Faults;
  const server = await startCkanFixtureServer(options);
  console.log(
    `CKAN fixture listening: ${server.url}  (${server.catalogue.organizations.length} organisations, ${server.catalogue.count} datasets, seed ${options.seed})`,
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
