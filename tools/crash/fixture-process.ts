// The CKAN fixture server in its own process for `npm run test:crash`, driven over IPC: the
// parent asks it to change the catalogue between harvests (modify, delete and add datasets).
import { startCkanFixtureServer } from '../../libs/testing/ckan-fixture-server/src';

interface Change {
  type: 'change';
  modify: number;
  delete: number;
  add: number;
}

async function main(): Promise<void> {
  const server = await startCkanFixtureServer({
    organizations: Number(process.env['FIXTURE_ORGANIZATIONS'] ?? 200),
    datasets: Number(process.env['FIXTURE_DATASETS'] ?? 30000),
    seed: 2026,
    now: new Date(),
    host: '127.0.0.1',
    port: 0,
  });
  const catalogue = server.catalogue;
  process.send?.({ type: 'ready', url: server.url, datasets: catalogue.count });
  process.on('message', (message: Change | { type: 'stop' }) => {
    if (message.type === 'change') {
      // Spread over the catalogue, deterministically: every k-th visible dataset.
      const pick = (count: number) => {
        const active = catalogue.activeIndexes();
        const step = Math.max(1, Math.floor(active.length / Math.max(1, count)));
        return active.filter((_, i) => i % step === 0).slice(0, count);
      };
      const deleted = catalogue.delete(pick(message.delete));
      const modified = catalogue.modify(pick(message.modify));
      const added = catalogue.add(message.add);
      process.send?.({
        type: 'changed',
        modified: modified.length,
        deleted: deleted.length,
        added: added.length,
        datasets: catalogue.count,
      });
    }
    if (message.type === 'stop') void server.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
