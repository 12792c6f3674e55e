// The CKAN fixture server in its own process for `npm run bench:harvest`, driven over IPC:
// the parent asks it to modify a share of the catalogue between runs.
import { startCkanFixtureServer } from '../../libs/testing/ckan-fixture-server/src';

async function main(): Promise<void> {
  const organizations = Number(process.env['FIXTURE_ORGANIZATIONS'] ?? 2000);
  const datasets = Number(process.env['FIXTURE_DATASETS'] ?? 100000);
  const server = await startCkanFixtureServer({
    organizations,
    datasets,
    seed: 2026,
    now: new Date(),
    host: '127.0.0.1',
    port: 0,
  });
  const names = server.catalogue.organizations.map((org) => org.name);
  process.send?.({ type: 'ready', url: server.url, organizations: names, datasets: server.catalogue.count });
  process.on('message', (message: { type: string; count?: number }) => {
    if (message.type === 'modify') {
      const active = server.catalogue.activeIndexes();
      const step = Math.max(1, Math.floor(active.length / (message.count ?? 1)));
      const chosen = active.filter((_, i) => i % step === 0).slice(0, message.count);
      server.catalogue.modify(chosen);
      process.send?.({ type: 'modified', count: chosen.length });
    }
    if (message.type === 'stop') void server.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
