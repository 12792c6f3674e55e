/**
 * Small, fast, deterministic pseudo-random helpers. Everything the fixture generates is a pure
 * function of (seed, index, revision) through these, so the same options give byte-identical output.
 */

/** 32-bit integer hash of a list of integers (murmur3-style finaliser over a running mix). */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5 | 0;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded stream of numbers (mulberry32). */
export class Rng {
  private state: number;

  constructor(...seedParts: number[]) {
    this.state = hash32(...seedParts);
  }

  /** Unsigned 32-bit integer. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Pick from a table built with `weighted()`. */
  pickWeighted<T>(table: WeightedTable<T>): T {
    const x = this.next() * table.total;
    const { cumulative, items } = table;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  }

  /** `count` distinct items (order of first draw). */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.min(count, items.length);
    const chosen = new Set<number>();
    const out: T[] = [];
    while (out.length < n) {
      const i = Math.floor(this.next() * items.length);
      if (!chosen.has(i)) {
        chosen.add(i);
        out.push(items[i]);
      }
    }
    return out;
  }

  /** 32 hex digits. */
  hex32(): string {
    return hex8(this.u32()) + hex8(this.u32()) + hex8(this.u32()) + hex8(this.u32());
  }
}

export interface WeightedTable<T> {
  items: T[];
  cumulative: Float64Array;
  total: number;
}

export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  const items: T[] = [];
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([item, weight], i) => {
    total += weight;
    items.push(item);
    cumulative[i] = total;
  });
  return { items, cumulative, total };
}

export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** A version-4-shaped UUID from 128 random bits. */
export function uuidFrom(h: string): string {
  return (
    h.slice(0, 8) +
    '-' +
    h.slice(8, 12) +
    '-4' +
    h.slice(13, 16) +
    '-' +
    '89ab'[parseInt(h[16], 16) & 3] +
    h.slice(17, 20) +
    '-' +
    h.slice(20, 32)
  );
}

/** Deterministic UUID for (namespace, seed, …parts). */
export function uuid(...parts: number[]): string {
  return uuidFrom(new Rng(...parts).hex32());
}

// An invertible 32-bit permutation, used to hide a dataset's index in the tail of its id so that
// `package_show?id=<uuid>` is an O(1) lookup without keeping a map of 100,000 ids.
const ODD = 0x2c1b3c6d | 1;
const ODD_INV = (() => {
  let x = ODD; // Newton's iteration for the inverse modulo 2^32
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(ODD, x));
  return x >>> 0;
})();

export function permute32(index: number, key: number): number {
  return Math.imul((index ^ key) >>> 0, ODD) >>> 0;
}

export function unpermute32(value: number, key: number): number {
  return (Math.imul(value >>> 0, ODD_INV) ^ key) >>> 0;
}
