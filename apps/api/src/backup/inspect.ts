import { MIGRATIONS } from '../database/migrations';

/** Any way to run a query: a pg Client, a TypeORM DataSource or QueryRunner, a PGlite. */
export type Query = <T = Record<string, unknown>>(sql: string) => Promise<T[]>;

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The ordinary tables of the public schema, by name. */
export async function publicTables(query: Query): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname COLLATE "C"`,
  );
  return rows.map((row) => row.name);
}

/** Rows per table of the public schema (exact counts, not the planner's estimates). */
export async function tableCounts(query: Query): Promise<Record<string, number>> {
  const tables = await publicTables(query);
  if (!tables.length) return {};
  const rows = await query<{ name: string; n: string | number }>(
    tables
      .map((table) => `SELECT '${table.replace(/'/g, "''")}' AS name, count(*) AS n FROM public.${quoteIdent(table)}`)
      .join(' UNION ALL '),
  );
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = 0;
  for (const row of rows) counts[row.name] = Number(row.n);
  return counts;
}

/** The migrations TypeORM recorded as applied, oldest first (none before the first `db:migrate`). */
export async function appliedMigrations(query: Query): Promise<string[]> {
  const [table] = await query<{ present: boolean }>(`SELECT to_regclass('public.migrations') IS NOT NULL AS present`);
  if (!table?.present) return [];
  const rows = await query<{ name: string }>(`SELECT name FROM public.migrations ORDER BY id`);
  return rows.map((row) => row.name);
}

/** The migrations this version of Marsad knows. */
export function knownMigrations(): string[] {
  return MIGRATIONS.map((migration) => new migration().name ?? migration.name);
}

export const totalRows = (tables: Record<string, number>): number =>
  Object.values(tables).reduce((sum, n) => sum + n, 0);

/** Tables whose counts differ, as "table: expected → found". */
export function countDifferences(expected: Record<string, number>, found: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names
    .filter((name) => expected[name] !== found[name])
    .map((name) => `${name}: ${expected[name] ?? 'absent'} → ${found[name] ?? 'absent'}`);
}
