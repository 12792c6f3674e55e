import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { automatedValue, type AutomatedMetric } from '@marsad/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, SYSTEM_CALLER } from '../audit/audit.service';
import { todayInMorocco } from '../common/time/today';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReusesService } from '../reuses/reuses.service';
import { AwardAutomatedValue } from './entities/award-automated-value.entity';
import { AwardCriterion } from './entities/award-criterion.entity';
import { AwardEdition } from './entities/award-edition.entity';

/** How often the server looks for editions whose deadline passed. */
const FREEZE_EVERY_MS = 60_000;
/** The first look, shortly after start-up (the CLI starts the app before it migrates). */
const FIRST_LOOK_MS = 5_000;

type RawMetrics = Record<AutomatedMetric, number | null>;

/**
 * Freezes the automated criteria at the application deadline: each application's raw measures
 * (Marsad's own data as it stood at the deadline) and their 0–10 values (`automatedValue`) are
 * stored once, in one transaction with the edition's `frozenAt` and its audit; later harvests,
 * reports or appointments never move them. Runs every minute, and lazily before any read of an
 * edition past its deadline, so the values exist whenever they are needed.
 *
 * The measures (as of the deadline's day in Morocco):
 * - publication_score, freshness, inventory_coverage: the administration's newest metric snapshot
 *   on or before that day (`score`, `figures.freshness.upToDateShare`, `figures.inventory.coverage`);
 *   none: nothing to measure (0 points);
 * - reuses: published reuses of its portal datasets now (`ReusesService.publishedCountsByInstitution`);
 * - officer_coverage: 100 when a ROD and a GdD were in office that day (appointed by then, not ended),
 *   50 when one was, 0 otherwise;
 * - reporting_punctuality: of the reports it owed in reporting rounds closed before the deadline (one
 *   per activity in a round's scope that it leads or contributes to), the share first handed in by the
 *   round's closing day (Morocco time), in percent; none owed: nothing to measure (0 points).
 */
@Injectable()
export class AwardFreezeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AwardFreezeService.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly reuses: ReusesService,
  ) {}

  onApplicationBootstrap(): void {
    // Tests freeze by calling freezeDue() or through the lazy path.
    if (this.config.env === 'test') return;
    const tick = () => {
      this.freezeDue()
        .then((frozen) => frozen && this.logger.log(`Award editions frozen at their deadline: ${frozen}`))
        .catch((error) => this.logger.error(`award freeze failed: ${(error as Error).message}`));
    };
    this.timers = [setTimeout(tick, FIRST_LOOK_MS).unref(), setInterval(tick, FREEZE_EVERY_MS).unref()];
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** Freezes every edition whose deadline passed and is not frozen yet; how many were. */
  async freezeDue(now = new Date()): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM award_editions WHERE frozen_at IS NULL AND applications_close_at <= $1 ORDER BY applications_close_at`,
      [now],
    );
    let frozen = 0;
    for (const { id } of due) if (await this.freezeEdition(id, now)) frozen += 1;
    return frozen;
  }

  /** The lazy path: freezes the edition if its deadline passed and it is not frozen yet (one cheap query otherwise). */
  async ensureFrozen(editionId: string, now = new Date()): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM award_editions WHERE id = $1 AND frozen_at IS NULL AND applications_close_at <= $2`,
      [editionId, now],
    );
    if (row) await this.freezeEdition(editionId, now);
  }

  /** Freezes one edition (locked, so two callers freeze it once); false when there was nothing to do. */
  async freezeEdition(editionId: string, now = new Date()): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const edition = await manager
        .getRepository(AwardEdition)
        .findOne({ where: { id: editionId }, lock: { mode: 'pessimistic_write' } });
      if (!edition || edition.frozenAt || edition.applicationsCloseAt > now) return false;
      const criteria = (await manager.getRepository(AwardCriterion).findBy({ editionId, kind: 'automated' })).filter(
        (criterion) => criterion.metric,
      );
      const applications: { id: string; institutionId: string; code: string }[] = await manager.query(
        `SELECT a.id, a.institution_id AS "institutionId", i.code
           FROM award_applications a JOIN institutions i ON i.id = a.institution_id
          WHERE a.edition_id = $1`,
        [editionId],
      );
      const raw = await this.measure(manager, applications, edition.applicationsCloseAt);
      const values = applications.flatMap((application) =>
        criteria.map((criterion) => {
          const measured = raw.get(application.institutionId)?.[criterion.metric as AutomatedMetric] ?? null;
          return {
            applicationId: application.id,
            criterionId: criterion.id,
            raw: measured,
            value: automatedValue(criterion.metric as AutomatedMetric, measured),
            frozenAt: now,
          };
        }),
      );
      for (let i = 0; i < values.length; i += 500)
        await manager.getRepository(AwardAutomatedValue).insert(values.slice(i, i + 500));
      await manager
        .getRepository(AwardEdition)
        .createQueryBuilder()
        .update()
        .set({ frozenAt: now })
        .where('id = :editionId', { editionId })
        .execute();
      await this.audit.record(manager, SYSTEM_CALLER, {
        action: 'award-edition.freeze',
        entityType: 'award_edition',
        entityId: editionId,
        diff: {
          frozenAt: { before: null, after: now.toISOString() },
          applications: { before: null, after: applications.length },
        },
      });
      return true;
    });
  }

  /** Each administration's raw measures as of the deadline (see the class comment). */
  async measure(
    manager: EntityManager,
    institutions: { institutionId: string; code: string }[],
    deadline: Date,
  ): Promise<Map<string, RawMetrics>> {
    const ids = [...new Set(institutions.map((i) => i.institutionId))];
    const result = new Map<string, RawMetrics>();
    if (!ids.length) return result;
    const day = todayInMorocco(deadline);
    const num = (value: string | number | null | undefined) =>
      value === null || value === undefined || value === '' ? null : Number(value);
    const snapshots: { id: string; score: string | null; fresh: string | null; coverage: string | null }[] =
      await manager.query(
        `SELECT DISTINCT ON (institution_id) institution_id AS id, score,
                figures->'freshness'->>'upToDateShare' AS fresh, figures->'inventory'->>'coverage' AS coverage
           FROM metric_snapshots
          WHERE institution_id = ANY($1::uuid[]) AND day <= $2::date
          ORDER BY institution_id, day DESC`,
        [ids, day],
      );
    const officers: { id: string; roles: number }[] = await manager.query(
      `SELECT institution_id AS id, count(DISTINCT role)::int AS roles
         FROM officer_appointments
        WHERE institution_id = ANY($1::uuid[]) AND appointed_on <= $2::date AND (ended_on IS NULL OR ended_on > $2::date)
        GROUP BY institution_id`,
      [ids, day],
    );
    const punctuality: { id: string; owed: number; on_time: number }[] = await manager.query(
      `WITH owed AS (
         SELECT r.id AS round_id, r.closes_on, ra.activity_id, x.institution_id
           FROM reporting_rounds r
           JOIN reporting_round_activities ra ON ra.round_id = r.id
           JOIN activities a ON a.id = ra.activity_id
           CROSS JOIN LATERAL (
             SELECT a.lead_institution_id AS institution_id WHERE a.lead_institution_id IS NOT NULL
             UNION SELECT c.institution_id FROM activity_contributors c WHERE c.activity_id = a.id) x
          WHERE r.closed_at IS NOT NULL AND r.closed_at <= $2 AND x.institution_id = ANY($1::uuid[]))
       SELECT o.institution_id AS id, count(*)::int AS owed,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM progress_updates u
                 WHERE u.round_id = o.round_id AND u.activity_id = o.activity_id
                   AND u.author_institution_id = o.institution_id AND u.state <> 'draft'
                   AND u.first_submitted_at IS NOT NULL
                   AND (u.first_submitted_at AT TIME ZONE 'Africa/Casablanca')::date <= o.closes_on))::int AS on_time
         FROM owed o GROUP BY o.institution_id`,
      [ids, deadline],
    );
    const reuses = await this.reuses.publishedCountsByInstitution(manager);
    const snapshotOf = new Map(snapshots.map((s) => [s.id, s]));
    const officersOf = new Map(officers.map((o) => [o.id, Math.min(o.roles, 2)]));
    const punctualityOf = new Map(punctuality.map((p) => [p.id, p]));
    for (const { institutionId, code } of institutions) {
      const snapshot = snapshotOf.get(institutionId);
      const owed = punctualityOf.get(institutionId);
      result.set(institutionId, {
        publication_score: num(snapshot?.score),
        freshness: num(snapshot?.fresh),
        inventory_coverage: num(snapshot?.coverage),
        reuses: reuses.get(code) ?? 0,
        officer_coverage: (officersOf.get(institutionId) ?? 0) * 50,
        reporting_punctuality: owed?.owed ? Math.round((1000 * owed.on_time) / owed.owed) / 10 : null,
      });
    }
    return result;
  }
}
