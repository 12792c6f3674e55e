import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  trafficLight,
  type IsoDate,
  type PartialLocalizedText,
  type TrafficLightFacts,
  type TrafficLightReport,
  type TrafficLightResult,
  type TrafficLightSummary,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { StampedCache } from '../common/cache/stamped-cache';
import { AppException } from '../common/errors/app-exception';
import { todayInMorocco } from '../common/time/today';

/** What the lights depend on: the plan's activities, closed rounds, snapshots and the registry. */
const STAMP_SQL = `SELECT concat_ws('|',
    (SELECT coalesce(max(updated_at)::text, '') || '/' || count(*) FROM activities),
    (SELECT coalesce(max(closed_at)::text, '') || '/' || count(closed_at) FROM reporting_rounds),
    (SELECT coalesce(max(computed_at)::text, '') FROM metric_snapshots WHERE institution_id IS NULL),
    (SELECT max(updated_at)::text || '/' || count(*) FROM institutions)) AS stamp`;

/**
 * Every administration's three inputs in one statement (1,728 rows): the activities it leads and
 * how many are late today (the plan's rule, see activityHealth: not completed, progress under 100,
 * due date passed; cancelled ones do not count), what it owed in the last closed round and handed
 * in on time (from the round's frozen standing), and its score in the newest snapshot.
 */
const FACTS_SQL = `WITH led AS (
    SELECT a.lead_institution_id AS institution_id, count(*)::int AS led,
           count(*) FILTER (WHERE a.status <> 'completed' AND a.progress < 100 AND a.due_date < $1::date)::int AS late
      FROM activities a
     WHERE a.status <> 'cancelled' AND a.lead_institution_id IS NOT NULL
     GROUP BY a.lead_institution_id
  ), owed AS (
    SELECT x->'institution'->>'code' AS code, (x->'tally'->>'owed')::int AS owed, (x->'tally'->>'onTime')::int AS on_time
      FROM reporting_rounds r CROSS JOIN LATERAL jsonb_array_elements(r.frozen->'administrations') x
     WHERE r.id = $2::uuid
  )
  SELECT i.code, i.portal_org_name IS NOT NULL AS mapped,
         coalesce(l.led, 0) AS led, coalesce(l.late, 0) AS late,
         coalesce(o.owed, 0) AS owed, coalesce(o.on_time, 0) AS on_time, s.score
    FROM institutions i
    LEFT JOIN led l ON l.institution_id = i.id
    LEFT JOIN owed o ON o.code = i.code
    LEFT JOIN metric_snapshots s ON s.institution_id = i.id AND s.day = $3::date`;

interface FactsRow {
  code: string;
  mapped: boolean;
  led: number;
  late: number;
  owed: number;
  on_time: number;
  score: string | null;
}

interface RoundRow {
  id: string;
  name: PartialLocalizedText;
  closes_on: IsoDate;
  closed_at: Date;
}

/**
 * The traffic light of every administration (see libs/shared/contracts traffic-light.ts for the
 * rule). Computed for all of them at once, set-based, and kept until an input changes or the day
 * turns (lateness counts days): the registry list only looks its page up.
 */
@Injectable()
export class TrafficLightService {
  private readonly cache = new StampedCache(
    async () => `${(await this.dataSource.query(STAMP_SQL))[0].stamp}|${todayInMorocco()}`,
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every administration's light, by code. */
  all(): Promise<Map<string, TrafficLightResult>> {
    return this.cache.get('all', () => this.compute(todayInMorocco()));
  }

  /** The compact lights of some administrations (a page of the registry). */
  async summaries(codes: string[]): Promise<Map<string, TrafficLightSummary>> {
    const all = await this.all();
    const found = new Map<string, TrafficLightSummary>();
    for (const code of codes) {
      const result = all.get(code);
      if (result) found.set(code, { light: result.light, reasons: result.reasons, asOf: result.asOf });
    }
    return found;
  }

  /** One administration's light with every input as judged. */
  async of(code: string): Promise<TrafficLightReport> {
    const result = (await this.all()).get(code);
    if (!result) throw AppException.notFound('institution', code);
    return { institution: { code }, ...result };
  }

  private async compute(today: IsoDate): Promise<Map<string, TrafficLightResult>> {
    const [round]: RoundRow[] = await this.dataSource.query(
      `SELECT id, name, to_char(closes_on, 'YYYY-MM-DD') AS closes_on, closed_at FROM reporting_rounds
        WHERE closed_at IS NOT NULL AND frozen IS NOT NULL ORDER BY closed_at DESC LIMIT 1`,
    );
    const [snapshot]: { day: IsoDate; computed_at: Date }[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, computed_at FROM metric_snapshots
        WHERE institution_id IS NULL ORDER BY day DESC LIMIT 1`,
    );
    const [plan]: { code: string }[] = await this.dataSource.query(`SELECT code FROM plans ORDER BY code LIMIT 1`);
    const rows: FactsRow[] = await this.dataSource.query(FACTS_SQL, [today, round?.id ?? null, snapshot?.day ?? null]);
    const lights = new Map<string, TrafficLightResult>();
    for (const row of rows) {
      const facts: TrafficLightFacts = {
        plan: { led: row.led, late: row.late, asOf: today, planCode: plan?.code ?? null },
        reporting: round
          ? {
              round: { id: round.id, name: round.name, closesOn: round.closes_on },
              owed: row.owed,
              onTime: row.on_time,
              asOf: new Date(round.closed_at).toISOString(),
            }
          : null,
        publication: snapshot
          ? {
              mapped: row.mapped,
              score: row.score === null ? null : Number(row.score),
              day: snapshot.day,
              asOf: new Date(snapshot.computed_at).toISOString(),
            }
          : null,
      };
      lights.set(row.code, trafficLight(facts));
    }
    return lights;
  }
}
