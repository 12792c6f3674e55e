import { FRESHNESS_THRESHOLDS } from '@marsad/contracts';

/**
 * The freshness rules of @marsad/contracts (freshnessStatus) written as SQL,
 * for filtering and counting over many datasets. A unit test checks both agree.
 */
export const THRESHOLDS_CTE = `freshness_thresholds(frequency, due, overdue, delinquent) AS (VALUES ${Object.entries(
  FRESHNESS_THRESHOLDS,
)
  .map(([frequency, t]) => `('${frequency}', ${t.due}, ${t.overdue}, ${t.delinquent})`)
  .join(', ')})`;

/** Whole days from `column` to the instant in parameter `asOf` (never negative). */
export const ageSql = (column: string, asOf: string) =>
  `GREATEST(0, floor(extract(epoch FROM (${asOf}::timestamptz - ${column})) / 86400))::int`;

/**
 * Freshness status of dataset alias `d`, with `ft` the thresholds joined on
 * its frequency: `LEFT JOIN freshness_thresholds ft ON ft.frequency = d.frequency`.
 */
export function freshnessSql(d: string, asOf: string): string {
  const age = ageSql(`${d}.last_updated_at`, asOf);
  return `CASE
    WHEN ${d}.frequency IS NULL THEN 'unknown'
    WHEN ft.frequency IS NULL THEN 'not_applicable'
    WHEN ${d}.last_updated_at IS NULL THEN 'unknown'
    WHEN ${age} >= ft.delinquent THEN 'delinquent'
    WHEN ${age} >= ft.overdue THEN 'overdue'
    WHEN ${age} >= ft.due THEN 'due'
    ELSE 'fresh' END`;
}
