import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IsoDate, PlanHistory, PlanSnapshotDetail } from '@marsad/contracts';
import { Cron } from 'croner';
import { And, DataSource, LessThanOrEqual, MoreThanOrEqual, type FindOperator } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import { MOROCCO_TIME_ZONE } from '../common/time/today';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Plan } from './entities/plan.entity';
import { PlanSnapshot } from './entities/plan-snapshot.entity';
import { snapshotFigures, snapshotOfPlan, toHistoryPoint, toSnapshotDetail } from './plan-history.util';
import { PlansService } from './plans.service';

/** Shortly after midnight in Morocco, so each day's snapshot is taken on that day's health. */
const DAILY = '5 0 * * *';

/**
 * The plan day by day: one snapshot a day of every activity's validated figures and of the
 * roll-ups, taken at start-up, every night, and after every change to the figures (a validated
 * report, a coordinator's edit). Taking a day again replaces it.
 */
@Injectable()
export class PlanHistoryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlanHistoryService.name);
  private cron: Cron | null = null;
  // Refreshes run one after the other, so a slower older one never overwrites a newer one.
  private chain: Promise<void> = Promise.resolve();
  private pending: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly plans: PlansService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env === 'test') return;
    this.cron = new Cron(DAILY, { timezone: MOROCCO_TIME_ZONE, protect: true, catch: true }, async () => {
      await this.refresh();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.cron?.stop();
    this.cron = null;
    await this.chain;
  }

  /** Takes today's snapshot of one plan (or of every plan), replacing one taken earlier today. */
  async recordToday(planCode?: string): Promise<PlanSnapshotDetail[]> {
    const plans = await this.dataSource
      .getRepository(Plan)
      .find({ where: planCode ? { code: planCode } : {}, select: { id: true, code: true }, order: { code: 'ASC' } });
    if (planCode && plans.length === 0) throw AppException.notFound('plan', planCode);
    const taken: PlanSnapshotDetail[] = [];
    for (const plan of plans) {
      const { summary, measures } = await this.plans.current(plan.code);
      const detail = snapshotOfPlan(summary, measures, summary.figuresOn);
      await this.dataSource.getRepository(PlanSnapshot).upsert(
        {
          planId: plan.id,
          day: detail.day,
          progress: detail.progress,
          health: detail.health,
          figures: snapshotFigures(detail),
          isDemo: false,
          computedAt: new Date(),
        },
        { conflictPaths: ['planId', 'day'] },
      );
      taken.push(detail);
    }
    return taken;
  }

  /**
   * After a committed change to the figures: today's snapshots again. Never throws (the change
   * itself succeeded); calls made while one is waiting share it.
   */
  refresh(): Promise<void> {
    this.pending ??= this.chain.then(async () => {
      this.pending = null;
      try {
        await this.recordToday();
      } catch (error) {
        this.logger.warn(`Plan snapshot not taken: ${(error as Error).message}`);
      }
    });
    this.chain = this.pending;
    return this.pending;
  }

  /** The snapshots of a plan between two days (both included, either open), oldest first. */
  async history(planCode: string, from?: IsoDate, to?: IsoDate): Promise<PlanHistory> {
    if (from && to && from > to) throw AppException.validation([{ field: 'from', rule: 'notAfter', args: [to] }]);
    const plan = await this.plan(planCode);
    const bounds: FindOperator<string>[] = [];
    if (from) bounds.push(MoreThanOrEqual(from));
    if (to) bounds.push(LessThanOrEqual(to));
    const rows = await this.dataSource.getRepository(PlanSnapshot).find({
      where: { planId: plan.id, ...(bounds.length ? { day: bounds.length === 1 ? bounds[0] : And(...bounds) } : {}) },
      select: { day: true, figures: true },
      order: { day: 'ASC' },
    });
    return { planCode: plan.code, from: from ?? null, to: to ?? null, points: rows.map(toHistoryPoint) };
  }

  /** The plan as it stood on `day`: the newest snapshot on or before it; null before the first one. */
  async snapshotOn(planCode: string, day: IsoDate): Promise<PlanSnapshotDetail | null> {
    const plan = await this.plan(planCode);
    const row = await this.dataSource.getRepository(PlanSnapshot).findOne({
      where: { planId: plan.id, day: LessThanOrEqual(day) },
      select: { day: true, figures: true },
      order: { day: 'DESC' },
    });
    return row ? toSnapshotDetail(plan.code, row) : null;
  }

  /** The same, for the API: 404 when no snapshot is that old. */
  async snapshotOnOrFail(planCode: string, day: IsoDate): Promise<PlanSnapshotDetail> {
    const snapshot = await this.snapshotOn(planCode, day);
    if (!snapshot) throw AppException.notFound('planSnapshot', day);
    return snapshot;
  }

  private async plan(code: string): Promise<Plan> {
    const plan = await this.dataSource
      .getRepository(Plan)
      .findOne({ where: { code }, select: { id: true, code: true } });
    if (!plan) throw AppException.notFound('plan', code);
    return plan;
  }
}
