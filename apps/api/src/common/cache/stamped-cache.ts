/**
 * Answers kept in memory while the data they come from is unchanged. The data's
 * "stamp" (e.g. the newest updated_at and a row count) is read from the database
 * at most once per `stampTtlMs` (half a second), so every instance notices a change made by
 * another within that time; a write handled by this instance clears every cache
 * at once (see CacheInvalidationInterceptor).
 */
export class StampedCache {
  private static readonly all = new Set<StampedCache>();
  /** ANSWER_CACHE=off: every get computes (the cold path, for benchmarks); set at start-up. */
  static enabled = true;

  private readonly entries = new Map<string, unknown>();
  /** Answers being computed: requests arriving meanwhile share them (one computation, not twenty). */
  private readonly pending = new Map<string, Promise<unknown>>();
  private stamp: string | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly readStamp: () => Promise<string>,
    private readonly options: { maxEntries?: number; stampTtlMs?: number } = {},
  ) {
    StampedCache.all.add(this);
  }

  /** After a write: the next read of every cache checks its stamp again. */
  static invalidateAll(): void {
    for (const cache of StampedCache.all) cache.invalidate();
  }

  invalidate(): void {
    this.entries.clear();
    this.pending.clear();
    this.checkedAt = 0;
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!StampedCache.enabled) return compute();
    await this.refreshStamp();
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const stamp = this.stamp;
    const flight = `${stamp}\u0000${key}`;
    const running = this.pending.get(flight);
    if (running) return running as Promise<T>;
    const computing = compute()
      .then((value) => {
        // Keep it only if nothing changed while it was computed.
        if (stamp === this.stamp && this.checkedAt !== 0 && this.entries.size < (this.options.maxEntries ?? 2000))
          this.entries.set(key, value);
        return value;
      })
      .finally(() => {
        if (this.pending.get(flight) === computing) this.pending.delete(flight);
      });
    this.pending.set(flight, computing);
    return computing;
  }

  private async refreshStamp(): Promise<void> {
    if (Date.now() - this.checkedAt < (this.options.stampTtlMs ?? 500)) return;
    this.checking ??= this.readStamp()
      .then((stamp) => {
        if (stamp !== this.stamp) this.entries.clear();
        this.stamp = stamp;
        this.checkedAt = Date.now();
      })
      .finally(() => (this.checking = null));
    await this.checking;
  }
}
