import type { DataSource } from 'typeorm';
import { StampedCache } from '../common/cache/stamped-cache';
import { todayInMorocco } from '../common/time/today';

/**
 * What the reporting views are computed from: reports, evidence, rounds and confirmations, the plan's
 * activities and milestones, the registry, officers, inventories, the harvest, the committee's meetings
 * and action items. Read at most once a
 * second (a write handled here clears the cache at once); the day is part of it, lateness counts days.
 */
const STAMP_SQL = `SELECT
  (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') || ':' || coalesce(sum(version), 0) FROM progress_updates) AS u,
  (SELECT count(*) FROM evidence) AS e,
  (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM reporting_rounds) AS r,
  (SELECT count(*) FROM reporting_round_confirmations) AS c,
  (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(sum(version), 0) FROM activities) AS a,
  (SELECT count(*) || ':' || coalesce(sum(hashtext(activity_id::text || institution_id::text)), 0) FROM activity_contributors) AS ac,
  (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM milestones) AS m,
  (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(sum(version), 0) FROM institutions) AS i,
  (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM officer_appointments) AS o,
  (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM inventory_items) AS inv,
  (SELECT coalesce(max(computed_at)::text, '') FROM metric_snapshots WHERE institution_id IS NULL) AS s,
  (SELECT count(*) || ':' || coalesce(max(finished_at)::text, '') FROM harvest_runs) AS h,
  (SELECT count(*) FROM portal_organizations) AS po,
  (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM committee_action_items) AS ai,
  (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM committee_meetings) AS cm,
  (SELECT count(*) FROM committee_decisions) AS cd`;

/** A cache of reporting views (validation queue, rounds, homes) kept while their data is unchanged. */
export function reportingCache(dataSource: DataSource): StampedCache {
  return new StampedCache(async () => {
    const [row] = await dataSource.query(STAMP_SQL);
    return `${todayInMorocco()}|${Object.values(row as Record<string, string>).join('|')}`;
  });
}
