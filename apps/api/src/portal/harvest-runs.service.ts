import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HarvestMode, HarvestRunView, Page, PortalStatus } from '@marsad/contracts';
import { Cron } from 'croner';
import { DataSource } from 'typeorm';
import type { ActorContext } from '../auth/actor';
import { AppException } from '../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { HarvestRun } from './entities/harvest-run.entity';
import { HarvestRunLifecycleService, toRunView } from './harvest-run-lifecycle.service';
import { HarvestService } from './harvest.service';
import { PortalSource } from './portal-source';

/** A scheduled run is full when the last good full run is older than this; otherwise incremental. */
const FULL_EVERY_MS = 7 * 86_400_000;

/** Runs on demand and on the schedule; lists runs and the portal's status. */
@Injectable()
export class HarvestRunsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HarvestRunsService.name);
  private cron: Cron | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly harvest: HarvestService,
    private readonly source: PortalSource,
    private readonly lifecycle: HarvestRunLifecycleService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.portal.schedule && this.config.env !== 'test') {
      this.cron = new Cron(this.config.portal.schedule, { protect: true, catch: true }, async () => {
        await this.scheduled();
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.cron?.stop();
    await Promise.allSettled([...this.inFlight]);
  }

  /** The scheduled run: full once a week (to notice deletions), incremental otherwise. */
  async scheduled(): Promise<HarvestRunView | null> {
    if (!(await this.source.url())) return null;
    const lastFull = await this.dataSource
      .getRepository(HarvestRun)
      .findOne({ where: { status: 'succeeded', mode: 'full' }, order: { startedAt: 'DESC' } });
    const mode: HarvestMode =
      !lastFull || Date.now() - lastFull.startedAt.getTime() > FULL_EVERY_MS ? 'full' : 'incremental';
    try {
      return await this.harvest.run(mode, 'schedule');
    } catch (error) {
      this.logger.warn(`Scheduled harvest not started: ${(error as Error).message}`);
      return null;
    }
  }

  async startInBackground(mode: HarvestMode, caller: ActorContext): Promise<HarvestRunView> {
    const run = await this.harvest.start(mode, 'manual', caller);
    const work = this.harvest.execute(run).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    return toRunView(run);
  }

  async list(page = 1, pageSize = 20): Promise<Page<HarvestRunView>> {
    const [rows, total] = await this.dataSource.getRepository(HarvestRun).findAndCount({
      order: { startedAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toRunView), total, page, pageSize };
  }

  async get(id: string): Promise<HarvestRunView> {
    const run = await this.dataSource.getRepository(HarvestRun).findOneBy({ id });
    if (!run) throw AppException.notFound('harvestRun', id);
    return toRunView(run);
  }

  async status(): Promise<PortalStatus> {
    const runs = this.dataSource.getRepository(HarvestRun);
    const lastGood = await runs.findOne({ where: { status: 'succeeded' }, order: { startedAt: 'DESC' } });
    // A run whose process died is not shown as running: the next start releases it.
    const running = (await runs.find({ where: { status: 'running' } })).find((run) => !this.lifecycle.isAbandoned(run));
    const [counts] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM portal_datasets WHERE deleted_at IS NULL) AS datasets,
              (SELECT count(*)::int FROM portal_organizations WHERE removed_at IS NULL) AS organizations,
              (SELECT count(*)::int FROM portal_organizations o WHERE o.removed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM institutions i WHERE i.portal_org_name = o.name)) AS unmapped`,
    );
    return {
      portalUrl: this.config.portal.url ?? (this.source.isDemo ? 'demo' : ''),
      schedule: this.config.portal.schedule,
      nextRunAt: this.cron?.nextRun()?.toISOString() ?? null,
      lastGoodRun: lastGood ? toRunView(lastGood) : null,
      running: running ? toRunView(running) : null,
      datasets: counts.datasets,
      organizations: counts.organizations,
      unmappedOrganizations: counts.unmapped,
    };
  }
}
