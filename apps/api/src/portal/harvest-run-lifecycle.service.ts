import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HarvestMode, HarvestRunView, HarvestTrigger } from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { ActorContext } from '../auth/actor';
import { AppException } from '../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DatabaseKind } from '../database/data-source-options';
import { DATABASE_KIND } from '../database/database.tokens';
import { HarvestRun } from './entities/harvest-run.entity';
import type { HarvestProgress } from './harvest-run-state';
import type { MergeOutcome } from './harvest-staging.store';
import { PortalSource } from './portal-source';

const LOCK_KEY = 'marsad.portal.harvest';
/** A running run whose heartbeat is older than this was abandoned (its process died). */
const ABANDONED_AFTER_MS = 10 * 60_000;

export function toRunView(run: HarvestRun): HarvestRunView {
  return {
    id: run.id,
    mode: run.mode,
    trigger: run.trigger,
    triggeredBy: run.triggeredBy,
    status: run.status,
    portalUrl: run.portalUrl,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    since: run.since?.toISOString() ?? null,
    requests: run.requests,
    pages: run.pages,
    organizations: run.organizations,
    seen: run.seen,
    created: run.created,
    updated: run.updated,
    deleted: run.deleted,
    skipped: run.skipped,
    issues: run.issues,
    issueCount: run.issueCount,
    failure: run.failure,
  };
}

/**
 * The record of a harvest run from its claim to its end: one run at a time, a heartbeat while it works.
 *
 * A run whose process died (kill -9, power cut) stays `running` in its record: it is released
 * when its heartbeat is ABANDONED_AFTER_MS old (another instance may be running it on
 * PostgreSQL), and at once on the embedded database, which one process holds: a running run
 * that process did not start was interrupted. Released runs lose their staged datasets.
 */
@Injectable()
export class HarvestRunLifecycleService {
  /** Runs claimed by this process and not yet ended. */
  private readonly ownRuns = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
    private readonly source: PortalSource,
    private readonly audit: AuditService,
  ) {}

  /** Whether a run recorded as running has no process working on it any more. */
  isAbandoned(run: Pick<HarvestRun, 'id' | 'status' | 'heartbeatAt'>, now = Date.now()): boolean {
    if (run.status !== 'running') return false;
    if (this.databaseKind === 'embedded' && !this.ownRuns.has(run.id)) return true;
    return run.heartbeatAt.getTime() < now - ABANDONED_AFTER_MS;
  }

  /**
   * Claims the single run slot (advisory lock around the check, so two
   * instances cannot both start) and records the run. 409 when one is running.
   */
  async claim(mode: HarvestMode, trigger: HarvestTrigger, caller: ActorContext | null): Promise<HarvestRun> {
    const portalUrl = await this.source.url();
    if (!portalUrl) throw new AppException(HttpStatus.CONFLICT, 'PORTAL_NOT_CONFIGURED');
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [LOCK_KEY]);
      if (!locked) throw new AppException(HttpStatus.CONFLICT, 'HARVEST_RUNNING');
      const runs = manager.getRepository(HarvestRun);
      await manager.query(
        `UPDATE harvest_runs SET status = 'failed', finished_at = now(),
                failure = CASE WHEN heartbeat_at < now() - ($1 || ' milliseconds')::interval
                               THEN 'abandoned: the process running it stopped'
                               ELSE 'interrupted: the server stopped during the run' END
          WHERE status = 'running' AND (heartbeat_at < now() - ($1 || ' milliseconds')::interval
                OR ($2::boolean AND NOT (id = ANY($3::uuid[]))))`,
        [String(ABANDONED_AFTER_MS), this.databaseKind === 'embedded', [...this.ownRuns]],
      );
      // The staged datasets of runs that ended without merging them (their process died).
      await manager.query(
        `DELETE FROM portal_dataset_staging s
          WHERE NOT EXISTS (SELECT 1 FROM harvest_runs r WHERE r.id = s.run_id AND r.status = 'running')`,
      );
      const running = await runs.findOne({ where: { status: 'running' } });
      if (running) throw new AppException(HttpStatus.CONFLICT, 'HARVEST_RUNNING', {}, [], toRunView(running));
      let since: Date | null = null;
      let chosen = mode;
      if (mode === 'incremental') {
        const lastGood = await runs.findOne({ where: { status: 'succeeded' }, order: { startedAt: 'DESC' } });
        if (lastGood) since = new Date(lastGood.startedAt.getTime() - this.config.portal.overlapMinutes * 60_000);
        else chosen = 'full';
      }
      const run = await runs.save(
        runs.create({
          mode: chosen,
          trigger,
          triggeredBy: caller?.actor?.userId ?? null,
          status: 'running',
          portalUrl,
          since,
        }),
      );
      this.ownRuns.add(run.id);
      if (caller) {
        await this.audit.record(manager, caller, {
          action: 'harvest.start',
          entityType: 'harvest_run',
          entityId: run.id,
          diff: { mode: { before: null, after: chosen } },
        });
      }
      return run;
    });
  }

  /** Shows the run's progress and that it is alive. */
  async heartbeat(runId: string, progress: HarvestProgress): Promise<void> {
    await this.dataSource.getRepository(HarvestRun).update(runId, { heartbeatAt: new Date(), ...progress });
  }

  /** Ends the run as succeeded, in the merge's transaction. */
  async succeed(
    manager: EntityManager,
    runId: string,
    outcome: MergeOutcome,
    progress: HarvestProgress,
  ): Promise<void> {
    await manager
      .getRepository(HarvestRun)
      .update(runId, { status: 'succeeded', finishedAt: new Date(), ...outcome, ...progress });
    this.ownRuns.delete(runId);
  }

  async fail(runId: string, message: string, progress: HarvestProgress): Promise<void> {
    await this.dataSource.getRepository(HarvestRun).update(runId, {
      status: 'failed',
      finishedAt: new Date(),
      failure: message.slice(0, 2000),
      ...progress,
    });
    this.ownRuns.delete(runId);
  }

  async view(runId: string): Promise<HarvestRunView> {
    return toRunView(await this.dataSource.getRepository(HarvestRun).findOneByOrFail({ id: runId }));
  }
}
