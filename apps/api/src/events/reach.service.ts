import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AUDIENCE_CATEGORIES,
  EVENT_TYPES,
  INSTITUTION_TYPES,
  type AudienceCategory,
  type EventType,
  type InstitutionRef,
  type InstitutionType,
  type ReachShare,
  type ReachTarget as ReachTargetView,
  type ReachView,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import type { SignedInContext } from '../auth/actor';
import { AuditService, diffOf } from '../audit/audit.service';
import { StampedCache } from '../common/cache/stamped-cache';
import { JsonBody } from '../common/http/json-body';
import { addDays, todayInMorocco } from '../common/time/today';
import type { SetReachTargetsDto } from './dto/events.dto';
import { ReachTarget } from './entities/reach-target.entity';
import { SATISFACTION_SELECT, satisfactionOf } from './feedback.service';

/** Administrations listed by name among those never reached; the rest are counted. */
export const NEVER_REACHED_LISTED = 100;

const STAMP_SQL = `SELECT (SELECT coalesce(max(updated_at)::text, '') || '/' || count(*) FROM plan_events) || '|' ||
  (SELECT count(*) || '/' || coalesce(max(created_at)::text, '') FROM event_participants) || '|' ||
  (SELECT coalesce(max(updated_at)::text, '') || '/' || count(*) FROM reach_targets) || '|' ||
  (SELECT coalesce(max(submitted_at)::text, '') || '/' || count(*) FROM event_feedback) || '|' ||
  (SELECT max(updated_at)::text || '/' || count(*) FROM institutions) || '|' ||
  (SELECT coalesce(max(updated_at)::text, '') || '/' || count(*) FROM officer_appointments) AS stamp`;

interface OfficeRow {
  type: InstitutionType;
  region: string | null;
  role: 'ROD' | 'GDD';
  total: number;
  trained: number;
}

/** trained of total, and the share in percent with one decimal (null when nobody is counted). */
export const reachShare = (trained: number, total: number): ReachShare => ({
  trained,
  total,
  share: total ? Math.round((1000 * trained) / total) / 10 : null,
});

function shares(rows: OfficeRow[]): { rod: ReachShare; gdd: ReachShare } {
  const sum = (role: OfficeRow['role'], key: 'total' | 'trained') =>
    rows.filter((r) => r.role === role).reduce((n, r) => n + r[key], 0);
  return {
    rod: reachShare(sum('ROD', 'trained'), sum('ROD', 'total')),
    gdd: reachShare(sum('GDD', 'trained'), sum('GDD', 'total')),
  };
}

/**
 * The reach of the plan's events, public aggregates only: who was trained in the last 12 months
 * among the officers in office (a held training they took part in), by administration type and
 * region; who was never reached; participants per quarter and category; yearly targets.
 */
@Injectable()
export class ReachService {
  private readonly cache: StampedCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.cache = new StampedCache(
      async () => `${(await this.dataSource.query(STAMP_SQL))[0].stamp}|${todayInMorocco()}`,
    );
  }

  /** Served serialised and compressed once while nothing it counts changes. */
  reachBody(): Promise<JsonBody<ReachView>> {
    return this.cache.get('reach', async () => JsonBody.of(await this.compute()));
  }

  async reach(): Promise<ReachView> {
    return (await this.reachBody()).value;
  }

  async compute(now = new Date()): Promise<ReachView> {
    const today = todayInMorocco(now);
    const since = addDays(today, -365);
    const manager = this.dataSource.manager;
    const [office, neverReached, quarters, byType, targets, feedback]: [
      OfficeRow[],
      (InstitutionRef & { total: number })[],
      { quarter: string; category: AudienceCategory; count: number }[],
      { type: EventType; held: number; planned: number; participants: number }[],
      {
        year: number;
        type: EventType;
        events: number | null;
        participants: number | null;
        held: number;
        reached: number;
      }[],
      ({ type: EventType } & Parameters<typeof satisfactionOf>[0] & object)[],
    ] = await Promise.all([
      manager.query(
        `WITH trained AS (
           SELECT DISTINCT p.appointment_id FROM event_participants p
             JOIN plan_events e ON e.id = p.event_id
            WHERE e.status = 'held' AND e.type = 'training' AND e.ends_on >= $1 AND e.starts_on <= $2)
         SELECT i.type, i.region_code AS region, a.role, count(*)::int AS total, count(t.appointment_id)::int AS trained
           FROM officer_appointments a
           JOIN institutions i ON i.id = a.institution_id AND i.active
           LEFT JOIN trained t ON t.appointment_id = a.id
          WHERE a.status IN ('active', 'interim')
          GROUP BY i.type, i.region_code, a.role`,
        [since, today],
      ),
      manager.query(
        `WITH never AS (
           SELECT i.code, i.name, i.type FROM institutions i
            WHERE i.active
              AND NOT EXISTS (SELECT 1 FROM event_participants p JOIN plan_events e ON e.id = p.event_id AND e.status = 'held'
                               WHERE p.institution_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM plan_events e WHERE e.organiser_id = i.id AND e.status = 'held'))
         SELECT code, name, type, count(*) OVER ()::int AS total FROM never
          ORDER BY array_position($1::text[], type::text), code
          LIMIT ${NEVER_REACHED_LISTED}`,
        [INSTITUTION_TYPES],
      ),
      manager.query(
        `SELECT to_char(e.starts_on, 'YYYY') || '-Q' || extract(quarter FROM e.starts_on)::int AS quarter,
                x.category, sum(x.n)::int AS count
           FROM (SELECT event_id, CASE WHEN role = 'ROD' THEN 'officers' ELSE 'data_managers' END AS category, count(*) AS n
                   FROM event_participants GROUP BY 1, 2
                 UNION ALL
                 SELECT event_id, category, count FROM event_participant_counts) x
           JOIN plan_events e ON e.id = x.event_id AND e.status = 'held'
          GROUP BY 1, 2
          ORDER BY 1, 2`,
      ),
      manager.query(
        `SELECT e.type,
                count(*) FILTER (WHERE e.status = 'held')::int AS held,
                count(*) FILTER (WHERE e.status = 'planned')::int AS planned,
                coalesce(sum(n.total) FILTER (WHERE e.status = 'held'), 0)::int AS participants
           FROM plan_events e
           LEFT JOIN LATERAL (
             SELECT (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id)
                  + coalesce((SELECT sum(c.count) FROM event_participant_counts c WHERE c.event_id = e.id), 0) AS total) n ON true
          GROUP BY e.type`,
      ),
      manager.query(
        `WITH actual AS (
           SELECT extract(year FROM e.starts_on)::int AS year, e.type, count(*)::int AS held,
                  coalesce(sum((SELECT count(*) FROM event_participants p WHERE p.event_id = e.id)
                             + coalesce((SELECT sum(c.count) FROM event_participant_counts c WHERE c.event_id = e.id), 0)), 0)::int AS reached
             FROM plan_events e WHERE e.status = 'held' GROUP BY 1, 2)
         SELECT coalesce(t.year, a.year) AS year, coalesce(t.type, a.type) AS type, t.events, t.participants,
                coalesce(a.held, 0) AS held, coalesce(a.reached, 0) AS reached
           FROM reach_targets t FULL JOIN actual a ON a.year = t.year AND a.type = t.type
          ORDER BY 1 DESC, 2`,
      ),
      manager.query(
        `${SATISFACTION_SELECT}, e.type FROM event_feedback f JOIN plan_events e ON e.id = f.event_id GROUP BY e.type`,
      ),
    ]);
    const feedbackByType = new Map(feedback.map((f) => [f.type, f]));

    const typeOrder = (type: string) => INSTITUTION_TYPES.indexOf(type as InstitutionType);
    const regionCodes = [...new Set(office.map((r) => r.region).filter((r): r is string => !!r))];
    const regions: InstitutionRef[] = regionCodes.length
      ? await manager.query(`SELECT code, name, type FROM institutions WHERE code = ANY($1::text[])`, [regionCodes])
      : [];
    const regionByCode = new Map(regions.map((r) => [r.code, r]));
    const eventTypeOrder = (type: string) => EVENT_TYPES.indexOf(type as EventType);
    return {
      asOf: now.toISOString(),
      since,
      source: 'recorded',
      trained: shares(office),
      byType: [...new Set(office.map((r) => r.type))]
        .sort((a, b) => typeOrder(a) - typeOrder(b))
        .map((type) => ({ type, ...shares(office.filter((r) => r.type === type)) })),
      byRegion: [...new Set(office.map((r) => r.region))]
        .sort((a, b) => (a ?? '~').localeCompare(b ?? '~'))
        .map((region) => ({
          region: region ? (regionByCode.get(region) ?? null) : null,
          ...shares(office.filter((r) => r.region === region)),
        })),
      neverReached: {
        total: neverReached[0]?.total ?? 0,
        items: neverReached.map(({ code, name, type }) => ({ code, name, type })),
      },
      byQuarter: quarters.sort(
        (a, b) =>
          a.quarter.localeCompare(b.quarter) ||
          AUDIENCE_CATEGORIES.indexOf(a.category) - AUDIENCE_CATEGORIES.indexOf(b.category),
      ),
      eventsByType: byType
        .sort((a, b) => eventTypeOrder(a.type) - eventTypeOrder(b.type))
        .map((t) => ({ ...t, satisfaction: satisfactionOf(feedbackByType.get(t.type)) })),
      targets: targets
        .sort((a, b) => b.year - a.year || eventTypeOrder(a.type) - eventTypeOrder(b.type))
        .map((t): ReachTargetView => ({
          year: t.year,
          type: t.type,
          events: { target: t.events, actual: t.held },
          participants: { target: t.participants, actual: t.reached },
        })),
    };
  }

  async setTargets(caller: SignedInContext, dto: SetReachTargetsDto): Promise<ReachView> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ReachTarget);
      for (const target of dto.targets) {
        const before = await repo.findOneBy({ year: target.year, type: target.type });
        const events = target.events ?? null;
        const participants = target.participants ?? null;
        if (events === null && participants === null) {
          if (before) await repo.delete({ year: target.year, type: target.type });
        } else await repo.upsert({ year: target.year, type: target.type, events, participants }, ['year', 'type']);
        const diff = diffOf(
          { events: before?.events ?? null, participants: before?.participants ?? null },
          { events, participants },
        );
        if (Object.keys(diff).length)
          await this.audit.record(manager, caller, {
            action: 'reach.targets',
            entityType: 'reach_target',
            entityId: `${target.year}:${target.type}`,
            diff,
          });
      }
    });
    return this.reach();
  }
}
