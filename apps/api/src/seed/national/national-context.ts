import type { IsoDate, LocalizedText } from '@marsad/contracts';
import { createHash } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { addDays } from '../../common/time/today';
import { NATIONAL_STRUCTURE, volumesFor, type NationalOptions, type NationalVolumes } from './national-options';

/** NATIONAL_PROFILE=1 prints every statement slower than 0.3 s; NATIONAL_EXPLAIN=<text> runs the statements containing it under EXPLAIN ANALYZE (development aids). */
const PROFILE = !!process.env['NATIONAL_PROFILE'];

/** Morocco's offset outside Ramadan. Generated instants are between 07:00 and 20:00, so the day never shifts. */
export const MOROCCO_OFFSET = '+01:00';

/** An instant on a Moroccan calendar day, e.g. `at('2026-03-02', '09:30')`. */
export const at = (day: IsoDate, time: string): string => `${day}T${time}:00${MOROCCO_OFFSET}`;

export interface InstitutionRow {
  id: string;
  code: string;
  type: string;
  regionCode: string | null;
  name: LocalizedText;
}

/**
 * One generation: its options, the transaction's connection, the SQL helpers (temporary
 * functions of this session: md5 draws and ids), the same draws in JS, and step timings.
 */
export class NationalContext {
  readonly volumes: NationalVolumes;
  /** Every generated instant is at or before this one (except planned events and meetings). */
  readonly asOfAt: string;
  /** When the reference data was "installed": before the generated year. */
  readonly installedAt: string;
  /** The first day of the 365 days of history. */
  readonly firstDay: IsoDate;
  readonly institutions = new Map<string, InstitutionRow>();
  readonly timings: { step: string; ms: number }[] = [];

  constructor(
    readonly runner: QueryRunner,
    readonly options: NationalOptions,
    private readonly log: (line: string) => void,
  ) {
    this.volumes = volumesFor(options.scale);
    this.asOfAt = at(options.asOf, '18:00');
    this.firstDay = addDays(options.asOf, -(NATIONAL_STRUCTURE.snapshotDays - 1));
    this.installedAt = at(addDays(options.asOf, -400), '09:00');
  }

  get asOf(): IsoDate {
    return this.options.asOf;
  }

  /**
   * Runs a statement on the generation's connection. A temporary table made by `CREATE TEMP TABLE …
   * AS` is analysed at once: autovacuum never sees temporary tables, and without statistics the
   * planner picks nested loops over thousands of rows.
   */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const created = /^\s*CREATE TEMP TABLE "?(\w+)"? ON COMMIT DROP AS\b/.exec(sql);
    const result = await this.run<T>(sql, params);
    if (created) await this.run(`ANALYZE pg_temp."${created[1]}"`);
    return result;
  }

  /** Fresh statistics for a temporary table after it changed. */
  async analyze(table: string): Promise<void> {
    await this.run(`ANALYZE pg_temp."${table}"`);
  }

  private async run<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const explain = process.env['NATIONAL_EXPLAIN'];
    if (explain && sql.includes(explain)) {
      const plan: { 'QUERY PLAN': string }[] = await this.runner.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
      this.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
      return [];
    }
    if (!PROFILE) return this.runner.query(sql, params);
    const started = performance.now();
    const result = await this.runner.query(sql, params);
    const ms = performance.now() - started;
    if (ms > 300) this.log(`    ${(ms / 1000).toFixed(1)} s  ${sql.replace(/\s+/g, ' ').slice(0, 110)}`);
    return result;
  }

  /** Runs a step, timing it. */
  async step<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    const ms = Math.round(performance.now() - started);
    this.timings.push({ step: name, ms });
    this.log(`  ${name.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(7)} s`);
    return result;
  }

  /** A number in [0, 1) drawn from the key; the same as `pg_temp.h(key)` in SQL. */
  h(key: string): number {
    return parseInt(md5(`${this.options.seed}:${key}`).slice(0, 13), 16) / 2 ** 52;
  }

  /** An integer in [lo, hi]. */
  int(key: string, lo: number, hi: number): number {
    return lo + Math.floor(this.h(key) * (hi - lo + 1));
  }

  pick<T>(key: string, items: readonly T[]): T {
    return items[Math.floor(this.h(key) * items.length)];
  }

  /** A version-4-shaped UUID from the key; the same as `pg_temp.uid(key)` in SQL. */
  uid(key: string): string {
    return uuidOf(md5(`${this.options.seed}:uuid:${key}`));
  }

  institution(code: string): InstitutionRow {
    const row = this.institutions.get(code);
    if (!row) throw new Error(`Institution ${code} is not in the registry`);
    return row;
  }

  /** The session's helper functions (temporary: gone when the connection closes). */
  async installHelpers(): Promise<void> {
    const seed = this.options.seed;
    // Written so that PostgreSQL inlines them (no FROM, bodies no more volatile than declared): a
    // call that is not inlined costs ten times more, over millions of rows.
    await this.query(`CREATE OR REPLACE FUNCTION pg_temp.h(k text) RETURNS double precision LANGUAGE sql IMMUTABLE AS
      $$ SELECT (('x' || substr(md5('${seed}:' || k), 1, 13))::bit(52)::bigint)::float8 / 4503599627370496.0 $$`);
    // Several draws from one md5: m(key) once per row, then u(m, 0..3) (32 bits each).
    await this.query(`CREATE OR REPLACE FUNCTION pg_temp.m(k text) RETURNS text LANGUAGE sql IMMUTABLE AS
      $$ SELECT md5('${seed}:' || k) $$`);
    await this
      .query(`CREATE OR REPLACE FUNCTION pg_temp.u(m text, i int) RETURNS double precision LANGUAGE sql IMMUTABLE AS
      $$ SELECT (('x' || substr(m, 1 + 8 * i, 8))::bit(32)::bigint)::float8 / 4294967296.0 $$`);
    await this.query(`CREATE OR REPLACE FUNCTION pg_temp.uid(k text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
      $$ SELECT overlay(overlay(md5('${seed}:uuid:' || k) PLACING '4' FROM 13 FOR 1)
                        PLACING translate(substr(md5('${seed}:uuid:' || k), 17, 1), '0123456789abcdef', '89ab89ab89ab89ab')
                        FROM 17 FOR 1)::uuid $$`);
    await this
      .query(`CREATE OR REPLACE FUNCTION pg_temp.ipick(k text, lo int, hi int) RETURNS int LANGUAGE sql IMMUTABLE AS
      $$ SELECT lo + floor(pg_temp.h(k) * (hi - lo + 1))::int $$`);
    await this
      .query(`CREATE OR REPLACE FUNCTION pg_temp.pick(k text, items text[]) RETURNS text LANGUAGE sql IMMUTABLE AS
      $$ SELECT items[1 + floor(pg_temp.h(k) * cardinality(items))::int] $$`);
    // An instant on a Moroccan day (fixed +01: the same on PostgreSQL and PGlite, whose time zone data differ).
    await this.query(`CREATE OR REPLACE FUNCTION pg_temp.ts(d date, t text) RETURNS timestamptz LANGUAGE sql STABLE AS
      $$ SELECT (d::text || ' ' || t || '${MOROCCO_OFFSET}')::timestamptz $$`);
    await this.query(`CREATE OR REPLACE FUNCTION pg_temp.mday(t timestamptz) RETURNS date LANGUAGE sql STABLE AS
      $$ SELECT ((t AT TIME ZONE 'UTC') + interval '1 hour')::date $$`);
  }

  async dropHelpers(): Promise<void> {
    for (const signature of [
      'h(text)',
      'm(text)',
      'u(text, int)',
      'uid(text)',
      'ipick(text, int, int)',
      'pick(text, text[])',
      'ts(date, text)',
      'mday(timestamptz)',
    ])
      await this.query(`DROP FUNCTION IF EXISTS pg_temp.${signature}`);
  }

  async loadInstitutions(): Promise<void> {
    const rows: InstitutionRow[] = await this.query(
      `SELECT id, code, type, region_code AS "regionCode", name FROM institutions WHERE active ORDER BY code`,
    );
    this.institutions.clear();
    for (const row of rows) this.institutions.set(row.code, row);
  }

  /** Inserts rows given as JSON objects (keys = column names) in slices, through jsonb_populate_recordset. */
  async insertJson(table: string, rows: readonly Record<string, unknown>[], slice = 2000): Promise<void> {
    for (let i = 0; i < rows.length; i += slice) {
      const part = rows.slice(i, i + slice);
      const columns = Object.keys(part[0]);
      const list = columns.map((c) => `"${c}"`).join(', ');
      await this.query(
        `INSERT INTO "${table}" (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`,
        [JSON.stringify(part)],
      );
    }
    if (table.startsWith('nat_')) await this.analyze(table);
  }
}

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

function uuidOf(m: string): string {
  const variant = '89ab89ab89ab89ab'[parseInt(m[16], 16)];
  return `${m.slice(0, 8)}-${m.slice(8, 12)}-4${m.slice(13, 16)}-${variant}${m.slice(17, 20)}-${m.slice(20, 32)}`;
}

/** Morocco's calendar day of an instant, with the fixed offset of the generated data. */
export function moroccoDayOf(instant: Date | string): IsoDate {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + 3_600_000;
  return new Date(ms).toISOString().slice(0, 10);
}
