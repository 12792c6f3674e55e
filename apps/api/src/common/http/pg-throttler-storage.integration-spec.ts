import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseTarget } from '../../database/data-source-options';
import { openTestDatabase } from '../../testing/test-app';
import { PgThrottlerStorage } from './pg-throttler-storage';

/** Moves every counter's clock back, as if `ms` had passed. */
async function elapse(dataSource: DataSource, ms: number): Promise<void> {
  await dataSource.query(
    `UPDATE rate_limit_counters SET expires_at = expires_at - $1 * interval '1 millisecond',
                                    blocked_until = blocked_until - $1 * interval '1 millisecond'`,
    [ms],
  );
}

describe('Rate-limit counters shared in PostgreSQL (issue #17, two instances)', () => {
  let database: DatabaseTarget;
  let dataSource: DataSource;
  // Two stores on one database stand for two API instances.
  let first: PgThrottlerStorage;
  let second: PgThrottlerStorage;

  beforeAll(async () => {
    database = await openTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database)).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    first = new PgThrottlerStorage(dataSource);
    second = new PgThrottlerStorage(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.stop();
  });

  it('counts the hits of every instance against one limit, then blocks on all of them', async () => {
    const hits = [];
    for (let i = 0; i < 5; i++)
      hits.push(await (i % 2 ? second : first).increment('client-a', 60_000, 4, 60_000, 'sign-in'));
    expect(hits.map((h) => h.totalHits)).toEqual([1, 2, 3, 4, 5]);
    expect(hits.map((h) => h.isBlocked)).toEqual([false, false, false, false, true]);
    expect(hits[0].timeToExpire).toBeGreaterThan(55);
    expect(hits[4].timeToBlockExpire).toBeGreaterThan(55);
    // Blocked: further hits are refused and not counted, on the other instance too.
    const again = await second.increment('client-a', 60_000, 4, 60_000, 'sign-in');
    expect(again).toMatchObject({ totalHits: 5, isBlocked: true });
    // Another client and another throttler have their own counters.
    expect(await first.increment('client-b', 60_000, 4, 60_000, 'sign-in')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect(await first.increment('client-a', 60_000, 4, 60_000, 'writes')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('starts a new window once the block has passed, and forgets ended windows', async () => {
    await elapse(dataSource, 61_000);
    expect(await first.increment('client-a', 60_000, 4, 60_000, 'sign-in')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    await elapse(dataSource, 61_000);
    expect(await first.sweep()).toBe(3);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM rate_limit_counters`);
    expect(n).toBe(0);
  });

  it('loses no hit when twenty requests of one client arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).increment('burst', 60_000, 15, 60_000, 'reads')),
    );
    expect(results.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 16 }, (_, i) => i + 1),
      16,
      16,
      16,
      16,
    ]);
    expect(results.filter((r) => r.isBlocked)).toHaveLength(5);
  });
});
