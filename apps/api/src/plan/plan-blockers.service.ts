import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BLOCKER_CATEGORIES,
  type Blocker,
  type BlockerCategory,
  type LocalizedText,
  type PlanBlockers,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { AppException } from '../common/errors/app-exception';

interface Row {
  activity_id: string;
  code: string;
  measure_number: number;
  measure_title: LocalizedText;
  blockers: Blocker[];
  reported_on: string;
  decided_at: Date | null;
  is_demo: boolean;
}

const zeroCounts = (): Record<BlockerCategory, number> =>
  Object.fromEntries(BLOCKER_CATEGORIES.map((category) => [category, 0])) as Record<BlockerCategory, number>;

/**
 * What holds a plan back now: the blockers named in each activity's newest validated report
 * (the report whose figures stand), by category and by measure. Reports awaiting validation do
 * not count, as they do not count in the figures.
 */
@Injectable()
export class PlanBlockersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forPlan(code: string): Promise<PlanBlockers> {
    const [plan] = await this.dataSource.query(`SELECT id FROM plans WHERE code = $1`, [code]);
    if (!plan) throw AppException.notFound('plan', code);
    const rows: Row[] = await this.dataSource.query(
      `SELECT DISTINCT ON (u.activity_id) u.activity_id, a.code, m.number AS measure_number, m.title AS measure_title,
              u.blockers, to_char(u.reported_on, 'YYYY-MM-DD') AS reported_on, u.decided_at, u.is_demo
         FROM progress_updates u
         JOIN activities a ON a.id = u.activity_id
         JOIN measures m ON m.id = a.measure_id
        WHERE m.plan_id = $1 AND u.state = 'validated'
        ORDER BY u.activity_id, u.reported_on DESC, u.decided_at DESC NULLS LAST, u.created_at DESC`,
      [plan.id],
    );
    const byCategory = zeroCounts();
    const byMeasure = new Map<number, PlanBlockers['byMeasure'][number]>();
    const items: PlanBlockers['items'] = [];
    for (const row of rows) {
      const named = new Set<BlockerCategory>();
      for (const blocker of row.blockers ?? []) {
        items.push({
          activityId: row.activity_id,
          activityCode: row.code,
          measureNumber: row.measure_number,
          category: blocker.category,
          text: blocker.text,
          reportedOn: row.reported_on,
        });
        named.add(blocker.category);
      }
      if (!named.size) continue;
      const measure = byMeasure.get(row.measure_number) ?? {
        measureNumber: row.measure_number,
        title: row.measure_title,
        counts: zeroCounts(),
        total: 0,
      };
      for (const category of named) {
        byCategory[category] += 1;
        measure.counts[category] += 1;
      }
      measure.total += 1;
      byMeasure.set(row.measure_number, measure);
    }
    const asOf = rows.reduce<Date | null>(
      (latest, row) => (row.decided_at && (!latest || row.decided_at > latest) ? row.decided_at : latest),
      null,
    );
    return {
      byCategory: BLOCKER_CATEGORIES.map((category) => ({ category, activities: byCategory[category] })),
      byMeasure: [...byMeasure.values()].sort((a, b) => a.measureNumber - b.measureNumber),
      items: items.sort(
        (a, b) =>
          a.measureNumber - b.measureNumber || a.activityCode.localeCompare(b.activityCode, 'en', { numeric: true }),
      ),
      provenance: {
        source: rows.some((row) => row.is_demo) ? 'demo' : rows.length ? 'validated' : 'reference',
        asOf: asOf ? new Date(asOf).toISOString() : null,
        by: null,
      },
    };
  }
}
