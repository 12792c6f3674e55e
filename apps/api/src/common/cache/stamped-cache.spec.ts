import { StampedCache } from './stamped-cache';

describe('StampedCache', () => {
  it('computes once while the stamp holds, again when it changes or after a write', async () => {
    let stamp = 'a';
    let stampReads = 0;
    const cache = new StampedCache(
      async () => {
        stampReads++;
        return stamp;
      },
      { stampTtlMs: 0 },
    );
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get('k', compute)).toBe(1);
    expect(await cache.get('k', compute)).toBe(1);
    expect(await cache.get('other', compute)).toBe(2);
    stamp = 'b';
    expect(await cache.get('k', compute)).toBe(3);
    StampedCache.invalidateAll();
    expect(await cache.get('k', compute)).toBe(4);
    expect(stampReads).toBeGreaterThanOrEqual(5);
  });

  it('reads the stamp at most once per interval, and never keeps an answer computed across a write', async () => {
    let stampReads = 0;
    const cache = new StampedCache(async () => `${stampReads++ * 0}`, { stampTtlMs: 60_000 });
    await Promise.all([cache.get('a', async () => 1), cache.get('b', async () => 2), cache.get('c', async () => 3)]);
    expect(stampReads).toBe(1);
    let release: () => void = () => undefined;
    const slow = cache.get('slow', () => new Promise<number>((resolve) => (release = () => resolve(1))));
    await new Promise((resolve) => setImmediate(resolve));
    cache.invalidate();
    release();
    expect(await slow).toBe(1);
    let again = 0;
    expect(await cache.get('slow', async () => ++again + 10)).toBe(11);
  });

  it('computes once for requests that arrive while the answer is being computed, but not across a write', async () => {
    const cache = new StampedCache(async () => 'same', { stampTtlMs: 60_000 });
    let computed = 0;
    let release: () => void = () => undefined;
    const slow = () =>
      new Promise<number>((resolve) => {
        const n = ++computed;
        release = () => resolve(n);
      });
    const first = cache.get('k', slow);
    await new Promise((resolve) => setImmediate(resolve));
    const joined = Promise.all([cache.get('k', slow), cache.get('k', slow)]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(computed).toBe(1);
    release();
    expect(await first).toBe(1);
    expect(await joined).toEqual([1, 1]);
    // A write in the middle: later readers do not join a computation started before it.
    const before = cache.get('w', slow);
    await new Promise((resolve) => setImmediate(resolve));
    cache.invalidate();
    const releaseFirst = release;
    const after = cache.get('w', slow);
    await new Promise((resolve) => setImmediate(resolve));
    expect(computed).toBe(3);
    releaseFirst();
    release();
    expect(await before).toBe(2);
    expect(await after).toBe(3);
  });

  it('ANSWER_CACHE=off computes every answer (the cold path) and reads no stamp', async () => {
    let stamps = 0;
    let computed = 0;
    const cache = new StampedCache(async () => String(++stamps));
    StampedCache.enabled = false;
    try {
      expect(await cache.get('k', async () => ++computed)).toBe(1);
      expect(await cache.get('k', async () => ++computed)).toBe(2);
      expect(stamps).toBe(0);
    } finally {
      StampedCache.enabled = true;
    }
    expect(await cache.get('k', async () => ++computed)).toBe(3);
    expect(await cache.get('k', async () => ++computed)).toBe(3);
  });
});
