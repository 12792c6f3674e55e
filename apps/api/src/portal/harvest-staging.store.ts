import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HarvestMode } from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { STAGED_COLUMNS, toStagedRow } from './harvest-record.mapper';
import type { CkanOrganization } from './harvest-run-state';
import type { NormalisedDataset } from './normalise-dataset';

const COLUMN_LIST = STAGED_COLUMNS.map(({ name }) => `"${name}"`).join(', ');
const RECORD_TYPE = STAGED_COLUMNS.map(({ name, sqlType }) => `"${name}" ${sqlType}`).join(', ');
/** Every staged column but the key, taken from the incoming row on conflict. */
const UPDATE_FROM_EXCLUDED = STAGED_COLUMNS.filter(({ name }) => name !== 'ckan_id')
  .map(({ name }) => `"${name}" = EXCLUDED."${name}"`)
  .join(', ');

export interface MergeOutcome {
  created: number;
  updated: number;
  deleted: number;
}

/**
 * The staging table of a run (portal_dataset_staging): datasets written page by page, then
 * merged into portal_datasets in the caller's transaction, or discarded when the run fails.
 */
@Injectable()
export class HarvestStagingStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes a page of datasets; a dataset seen twice in a run keeps its latest version. */
  async stage(runId: string, datasets: NormalisedDataset[]): Promise<void> {
    if (datasets.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO portal_dataset_staging ("run_id", ${COLUMN_LIST})
       SELECT $1::uuid, ${COLUMN_LIST} FROM jsonb_to_recordset($2::jsonb) AS x(${RECORD_TYPE})
       ON CONFLICT ("run_id", "ckan_id") DO UPDATE SET ${UPDATE_FROM_EXCLUDED}`,
      [runId, JSON.stringify(datasets.map(toStagedRow))],
    );
  }

  async discard(runId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM portal_dataset_staging WHERE run_id = $1`, [runId]);
  }

  /**
   * Merges a run's datasets into portal_datasets (counting the new and the changed), marks
   * what a full run no longer found as deleted, and empties the run's staging.
   */
  async mergeDatasets(manager: EntityManager, runId: string, mode: HarvestMode): Promise<MergeOutcome> {
    const [counts] = await manager.query(
      `WITH merged AS (
         INSERT INTO portal_datasets (${COLUMN_LIST}, "deleted_at", "last_run_id")
         SELECT ${COLUMN_LIST}, NULL, $1::uuid FROM portal_dataset_staging WHERE run_id = $1
         ON CONFLICT ("ckan_id") DO UPDATE SET ${UPDATE_FROM_EXCLUDED}, "deleted_at" = NULL, "last_run_id" = EXCLUDED."last_run_id"
         WHERE portal_datasets.deleted_at IS NOT NULL
            OR (portal_datasets.metadata_modified, portal_datasets.title, portal_datasets.organization_name, portal_datasets.last_updated_at,
                portal_datasets.stars, portal_datasets.completeness, portal_datasets.frequency, portal_datasets.formats, portal_datasets.resources)
               IS DISTINCT FROM
               (EXCLUDED.metadata_modified, EXCLUDED.title, EXCLUDED.organization_name, EXCLUDED.last_updated_at,
                EXCLUDED.stars, EXCLUDED.completeness, EXCLUDED.frequency, EXCLUDED.formats, EXCLUDED.resources)
         RETURNING (xmax = 0) AS inserted
       )
       SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM merged`,
      [runId],
    );
    let deleted = 0;
    if (mode === 'full') {
      const [gone] = await manager.query(
        `WITH gone AS (
           UPDATE portal_datasets d SET deleted_at = now(), last_run_id = $1
            WHERE d.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM portal_dataset_staging s WHERE s.run_id = $1 AND s.ckan_id = d.ckan_id)
           RETURNING 1)
         SELECT count(*)::int AS deleted FROM gone`,
        [runId],
      );
      deleted = gone.deleted;
    }
    await this.discard(runId, manager);
    return { created: counts.created, updated: counts.updated, deleted };
  }

  /** Upserts the organisations a run saw; a full run also marks the ones it no longer saw as removed. */
  async mergeOrganizations(
    manager: EntityManager,
    organizations: Iterable<CkanOrganization>,
    mode: HarvestMode,
  ): Promise<void> {
    const rows = [...organizations].map((org) => ({
      name: String(org.name).slice(0, 100),
      ckan_id: typeof org.id === 'string' ? org.id.slice(0, 100) : null,
      title:
        typeof org.title === 'string' && org.title.trim()
          ? org.title
          : typeof org.display_name === 'string'
            ? org.display_name
            : String(org.name),
      package_count: Number.isInteger(org.package_count) ? org.package_count : 0,
    }));
    if (rows.length > 0) {
      await manager.query(
        `INSERT INTO portal_organizations (name, ckan_id, title, package_count, last_seen_at, removed_at)
         SELECT name, ckan_id, title, package_count, now(), NULL
           FROM jsonb_to_recordset($1::jsonb) AS x(name varchar, ckan_id varchar, title text, package_count integer)
         ON CONFLICT (name) DO UPDATE SET ckan_id = EXCLUDED.ckan_id, title = EXCLUDED.title,
           package_count = EXCLUDED.package_count, last_seen_at = now(), removed_at = NULL`,
        [JSON.stringify(rows)],
      );
    }
    if (mode === 'full') {
      await manager.query(
        `UPDATE portal_organizations SET removed_at = now() WHERE removed_at IS NULL AND NOT (name = ANY($1))`,
        [rows.map((row) => row.name)],
      );
    }
  }

  /** Of these organisation names, the ones Marsad already keeps. */
  async knownOrganizations(names: string[]): Promise<Set<string>> {
    const known: { name: string }[] = await this.dataSource.query(
      `SELECT name FROM portal_organizations WHERE name = ANY($1)`,
      [names],
    );
    return new Set(known.map((row) => row.name));
  }
}
