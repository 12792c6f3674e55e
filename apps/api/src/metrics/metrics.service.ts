import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COMPLETENESS_CRITERIA,
  FRESHNESS_STATUSES,
  NEW_DATASET_WINDOW_DAYS,
  type CompletenessCriterion,
  type FreshnessStatus,
} from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { todayInMorocco } from '../common/time/today';
import {
  buildFigures,
  EMPTY_DATASETS,
  EMPTY_INVENTORY,
  type DatasetAggregate,
  type InventoryAggregate,
} from './figures';
import { THRESHOLDS_CTE, freshnessSql } from './freshness.sql';

const TOTAL = 'national';

/**
 * Computes the publication figures of every administration mapped to a portal
 * organisation or holding an inventory, and of the whole portal, in three
 * set-based queries, and stores them as today's snapshots (replacing today's).
 */
@Injectable()
export class MetricsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Recomputes in its own transaction (after a mapping change, or from the CLI). */
  async recomputeNow(): Promise<{ institutions: number; day: string }> {
    return this.dataSource.transaction((manager) => this.recompute(manager, { runId: null }));
  }

  async recompute(
    manager: EntityManager,
    options: { runId: string | null; asOf?: Date },
  ): Promise<{ institutions: number; day: string }> {
    const asOf = options.asOf ?? new Date();
    // One recompute at a time (a coordinator's, a harvest's): two would each delete the day's rows
    // and insert their own, and the second insert would break the day's unique key (a 500, found by
    // `npm run fuzz`). The lock is the transaction's, released at its commit or rollback.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('marsad:metrics-recompute'))`);
    // Snapshots are filed under Morocco's calendar day, the same "today" as the plan's.
    const day = todayInMorocco(asOf);
    const datasets = await this.datasetAggregates(manager, asOf);
    const formats = await this.formatAggregates(manager);
    const inventory = await this.inventoryAggregates(manager, asOf, day);
    const subjects = new Set<string>([...datasets.keys(), ...inventory.keys()]);
    subjects.add(TOTAL);
    const rows = [...subjects].map((subject) => {
      const figures = buildFigures(
        datasets.get(subject) ?? EMPTY_DATASETS,
        inventory.get(subject) ?? EMPTY_INVENTORY,
        formats.get(subject) ?? [],
      );
      return {
        institution_id: subject === TOTAL ? null : subject,
        datasets: figures.datasets,
        score: figures.score.value,
        figures,
      };
    });
    await manager.query(`DELETE FROM metric_snapshots WHERE day = $1`, [day]);
    // In slices, to keep each statement's parameters a reasonable size.
    for (let i = 0; i < rows.length; i += 500) {
      await manager.query(
        `INSERT INTO metric_snapshots (day, institution_id, datasets, score, figures, run_id, computed_at)
         SELECT $1::date, institution_id, datasets, score, figures, $3::uuid, $4::timestamptz
           FROM jsonb_to_recordset($2::jsonb) AS x(institution_id uuid, datasets integer, score numeric, figures jsonb)`,
        [day, JSON.stringify(rows.slice(i, i + 500)), options.runId, asOf.toISOString()],
      );
    }
    return { institutions: rows.length - 1, day };
  }

  private async datasetAggregates(manager: EntityManager, asOf: Date): Promise<Map<string, DatasetAggregate>> {
    const criteria = COMPLETENESS_CRITERIA.map(
      (c) => `count(*) FILTER (WHERE '${c}' = ANY(d.completeness_filled))::int AS "c_${c}"`,
    ).join(',\n');
    const freshness = FRESHNESS_STATUSES.map(
      (s) => `count(*) FILTER (WHERE d.freshness = '${s}')::int AS "f_${s}"`,
    ).join(',\n');
    const stars = [0, 1, 2, 3, 4, 5].map((n) => `count(*) FILTER (WHERE d.stars = ${n})::int AS "s_${n}"`).join(',\n');
    const rows: Record<string, unknown>[] = await manager.query(
      `WITH ${THRESHOLDS_CTE},
       d AS (
         SELECT i.id AS institution_id, ds.*, ${freshnessSql('ds', '$1')} AS freshness
           FROM portal_datasets ds
           LEFT JOIN institutions i ON i.portal_org_name = ds.organization_name
           LEFT JOIN freshness_thresholds ft ON ft.frequency = ds.frequency
          WHERE ds.deleted_at IS NULL
       )
       SELECT d.institution_id, GROUPING(d.institution_id) AS total,
              count(*)::int AS datasets,
              count(*) FILTER (WHERE d.metadata_created >= $1::timestamptz - interval '${NEW_DATASET_WINDOW_DAYS} days')::int AS new_datasets,
              coalesce(sum(d.resource_count), 0)::int AS resources,
              coalesce(sum(d.stars), 0)::int AS stars_sum,
              ${stars},
              count(*) FILTER (WHERE d.machine_readable)::int AS machine_readable,
              count(*) FILTER (WHERE d.open_licence)::int AS open_licence,
              coalesce(sum(d.completeness), 0)::int AS completeness_sum,
              ${criteria},
              ${freshness}
         FROM d
        GROUP BY GROUPING SETS ((d.institution_id), ())`,
      [asOf.toISOString()],
    );
    const result = new Map<string, DatasetAggregate>();
    for (const row of rows) {
      const key = Number(row['total']) === 1 ? TOTAL : (row['institution_id'] as string | null);
      if (!key) continue; // datasets of organisations not mapped to an administration count only nationally
      result.set(key, {
        datasets: row['datasets'] as number,
        newDatasets: row['new_datasets'] as number,
        resources: row['resources'] as number,
        starsSum: row['stars_sum'] as number,
        stars: [0, 1, 2, 3, 4, 5].map((n) => row[`s_${n}`] as number) as DatasetAggregate['stars'],
        machineReadable: row['machine_readable'] as number,
        openLicence: row['open_licence'] as number,
        completenessSum: row['completeness_sum'] as number,
        criteria: Object.fromEntries(COMPLETENESS_CRITERIA.map((c) => [c, row[`c_${c}`] as number])) as Record<
          CompletenessCriterion,
          number
        >,
        freshness: Object.fromEntries(FRESHNESS_STATUSES.map((s) => [s, row[`f_${s}`] as number])) as Record<
          FreshnessStatus,
          number
        >,
      });
    }
    return result;
  }

  private async formatAggregates(manager: EntityManager): Promise<Map<string, { format: string; datasets: number }[]>> {
    const rows: { institution_id: string | null; total: number; format: string; datasets: number }[] =
      await manager.query(
        `SELECT i.id AS institution_id, GROUPING(i.id) AS total, f.format, count(*)::int AS datasets
         FROM portal_datasets ds
         LEFT JOIN institutions i ON i.portal_org_name = ds.organization_name
         CROSS JOIN LATERAL unnest(ds.formats) AS f(format)
        WHERE ds.deleted_at IS NULL
        GROUP BY GROUPING SETS ((i.id, f.format), (f.format))`,
      );
    const result = new Map<string, { format: string; datasets: number }[]>();
    for (const row of rows) {
      const key = Number(row.total) === 1 ? TOTAL : row.institution_id;
      if (!key) continue;
      const list = result.get(key) ?? [];
      list.push({ format: row.format, datasets: row.datasets });
      result.set(key, list);
    }
    return result;
  }

  private async inventoryAggregates(
    manager: EntityManager,
    asOf: Date,
    day: string,
  ): Promise<Map<string, InventoryAggregate>> {
    const rows: Record<string, unknown>[] = await manager.query(
      `WITH ${THRESHOLDS_CTE},
       items AS (
         SELECT it.institution_id, it.planned_date,
                (it.match_state = 'confirmed' AND ds.ckan_id IS NOT NULL) AS published,
                ds.metadata_created,
                CASE WHEN ds.ckan_id IS NULL THEN NULL ELSE ${freshnessSql('ds', '$1')} END AS freshness
           FROM inventory_items it
           LEFT JOIN portal_datasets ds ON ds.ckan_id = it.match_ckan_id AND ds.deleted_at IS NULL
           LEFT JOIN freshness_thresholds ft ON ft.frequency = ds.frequency
          WHERE it.classification = 'open' AND it.status <> 'withheld'
       )
       SELECT institution_id, GROUPING(institution_id) AS total,
              count(*)::int AS inventoried,
              count(*) FILTER (WHERE published)::int AS published,
              count(*) FILTER (WHERE published AND freshness IN ('fresh', 'due'))::int AS fresh,
              count(*) FILTER (WHERE planned_date < $2::date)::int AS due,
              count(*) FILTER (WHERE planned_date < $2::date AND published AND metadata_created::date <= planned_date)::int AS on_time
         FROM items
        GROUP BY GROUPING SETS ((institution_id), ())`,
      [asOf.toISOString(), day],
    );
    const result = new Map<string, InventoryAggregate>();
    for (const row of rows) {
      const key = Number(row['total']) === 1 ? TOTAL : (row['institution_id'] as string);
      result.set(key, {
        inventoried: row['inventoried'] as number,
        published: row['published'] as number,
        fresh: row['fresh'] as number,
        due: row['due'] as number,
        onTime: row['on_time'] as number,
      });
    }
    return result;
  }
}
