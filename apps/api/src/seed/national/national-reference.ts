import type { NationalContext } from './national-context';

/** Reference tables whose rows the reference seed creates with random ids, and their stable keys. */
const REKEYED: { table: string; key: string; from: string }[] = [
  { table: 'institutions', key: `'institution:' || t.code`, from: 'institutions t' },
  { table: 'plans', key: `'plan:' || t.code`, from: 'plans t' },
  {
    table: 'measures',
    key: `'measure:' || p.code || ':' || t.number`,
    from: 'measures t JOIN plans p ON p.id = t.plan_id',
  },
  {
    table: 'activities',
    key: `'activity:' || p.code || ':' || t.code`,
    from: 'activities t JOIN measures m ON m.id = t.measure_id JOIN plans p ON p.id = m.plan_id',
  },
  {
    table: 'committee_members',
    key: `'committee-member:' || i.code || ':' || t.joined_on::text`,
    from: 'committee_members t JOIN institutions i ON i.id = t.institution_id',
  },
];

/**
 * The reference seed gives its rows random ids and the current time. So that two generated
 * databases are identical, their ids become ids drawn from their stable keys (code, number),
 * every reference to them following, and their timestamps the installation's instant.
 *
 * Changing primary keys that other rows reference needs the foreign-key triggers off for the
 * moment (`session_replication_role = replica`, a superuser's right); every reference is then
 * checked again. Without that right the ids stay random (the data are as valid, only not
 * byte-identical between two runs): returns false.
 */
export async function anchorReferenceRows(ctx: NationalContext): Promise<boolean> {
  for (const table of ['institutions', 'plans', 'measures', 'activities'])
    await ctx.query(`UPDATE "${table}" SET created_at = $1, updated_at = $1`, [ctx.installedAt]);
  await ctx.query(`UPDATE app_settings SET updated_at = $1`, [ctx.installedAt]);

  await ctx.query('SAVEPOINT national_rekey');
  try {
    await ctx.query(`SET LOCAL session_replication_role = replica`);
  } catch {
    await ctx.query('ROLLBACK TO SAVEPOINT national_rekey');
    return false;
  }
  const checks: string[] = [];
  for (const { table, key, from } of REKEYED) {
    await ctx.query(`DROP TABLE IF EXISTS pg_temp."rekey_${table}"`);
    await ctx.query(
      `CREATE TEMP TABLE "rekey_${table}" ON COMMIT DROP AS
         SELECT t.id AS old_id, pg_temp.uid(${key}) AS new_id FROM ${from}`,
    );
  }
  for (const { table } of REKEYED) {
    const references: { tbl: string; col: string }[] = await ctx.query(
      `SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.confrelid = $1::regclass AND cardinality(c.conkey) = 1
        ORDER BY 1, 2`,
      [table],
    );
    for (const { tbl, col } of references) {
      await ctx.query(
        `UPDATE ${tbl} x SET "${col}" = k.new_id FROM "rekey_${table}" k WHERE x."${col}" = k.old_id AND k.old_id <> k.new_id`,
      );
      checks.push(
        `SELECT '${tbl}.${col}' AS ref, count(*)::int AS n FROM ${tbl} x
          WHERE x."${col}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${table}" y WHERE y.id = x."${col}")`,
      );
    }
    await ctx.query(
      `UPDATE "${table}" x SET id = k.new_id FROM "rekey_${table}" k WHERE x.id = k.old_id AND k.old_id <> k.new_id`,
    );
  }
  await ctx.query(`SET LOCAL session_replication_role = DEFAULT`);
  await ctx.query('RELEASE SAVEPOINT national_rekey');
  const broken = (await ctx.query<{ ref: string; n: number }>(checks.join(' UNION ALL '))).filter((r) => r.n > 0);
  if (broken.length)
    throw new Error(`Re-keying the reference rows broke references: ${broken.map((b) => b.ref).join(', ')}`);
  return true;
}
