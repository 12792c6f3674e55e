import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * Rate-limit counters in PostgreSQL, so every API instance on one database counts
 * the same hits: a client cannot multiply its allowance by the number of replicas.
 * One statement per hit (an upsert on an UNLOGGED table, no read-modify-write race):
 * a fixed window of `ttl` from the first hit; past `limit`, the key is blocked for
 * `blockDuration` and hits are not counted; once the block ends, a new window starts.
 * The same contract as @nestjs/throttler's in-memory store (seconds in the answer).
 */
export class PgThrottlerStorage implements ThrottlerStorage, OnApplicationBootstrap, OnApplicationShutdown {
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const newHits = `CASE WHEN c.blocked_until > now() THEN c.hits
                          WHEN c.blocked_until IS NOT NULL OR c.expires_at <= now() THEN 1
                          ELSE c.hits + 1 END`;
    const [row] = await this.dataSource.query(
      `INSERT INTO rate_limit_counters AS c (throttler, key, hits, expires_at, blocked_until)
       VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond',
               CASE WHEN 1 > $4 THEN now() + $5 * interval '1 millisecond' END)
       ON CONFLICT (throttler, key) DO UPDATE SET
         hits = ${newHits},
         expires_at = CASE WHEN c.blocked_until > now() THEN c.expires_at
                           WHEN c.blocked_until IS NOT NULL OR c.expires_at <= now() THEN EXCLUDED.expires_at
                           ELSE c.expires_at END,
         blocked_until = CASE WHEN c.blocked_until > now() THEN c.blocked_until
                              WHEN ${newHits} > $4 THEN now() + $5 * interval '1 millisecond' END
       RETURNING hits,
                 ceil(extract(epoch FROM c.expires_at - now()))::int AS "toExpire",
                 c.blocked_until > now() AS blocked,
                 coalesce(ceil(extract(epoch FROM c.blocked_until - now())), 0)::int AS "toUnblock"`,
      [throttlerName.slice(0, 60), key.slice(0, 200), ttl, limit, blockDuration],
    );
    const blocked = row.blocked === true;
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, row.toExpire),
      isBlocked: blocked,
      timeToBlockExpire: blocked ? Math.max(1, row.toUnblock) : 0,
    };
  }

  onApplicationBootstrap(): void {
    this.sweepTimer = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /** Forgets windows and blocks that ended: only keeps the table small. */
  async sweep(): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM rate_limit_counters WHERE expires_at < now() AND (blocked_until IS NULL OR blocked_until < now())`,
    );
    return Number(deleted ?? 0);
  }
}
