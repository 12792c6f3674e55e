import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ActivityFilters, ActivitySummary, MeasureSummary, PlanDetail, PlanSummary } from '@marsad/contracts';
import { DataSource, Repository } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException } from '../common/errors/app-exception';
import { SettingsService } from '../settings/settings.service';
import { todayInMorocco } from '../common/time/today';
import { Plan } from './entities/plan.entity';
import { mapMeasure, summarisePlan } from './plan.mappers';

const PLAN_TREE = {
  measures: { leadInstitution: true, activities: { leadInstitution: true, contributors: true } },
} as const;

/** True when an activity passes every filter that is set. */
export function matchesFilters(activity: ActivitySummary, filters: ActivityFilters): boolean {
  if (filters.status && activity.status !== filters.status) return false;
  if (filters.health && activity.health !== filters.health) return false;
  if (filters.lead && activity.leadInstitution?.code !== filters.lead) return false;
  if (filters.institution) {
    const leads = activity.leadInstitution?.code === filters.institution;
    const contributes = activity.contributors.some((institution) => institution.code === filters.institution);
    const involvement = filters.involvement ?? 'any';
    if (involvement === 'lead' && !leads) return false;
    if (involvement === 'contributor' && !contributes) return false;
    if (involvement === 'any' && !leads && !contributes) return false;
  }
  if (filters.dueBefore && (!activity.dueDate || activity.dueDate > filters.dueBefore)) return false;
  return true;
}

export interface BuiltPlan {
  summary: PlanSummary;
  measures: MeasureSummary[];
}

/**
 * What the plan's figures depend on, in one cheap query: the day (health), every plan, measure,
 * activity and institution row's last change, and the contributor links. Versions are summed as
 * well as times compared: a transaction's `now()` is its start, so a late commit can carry an
 * older time than one already seen, but never leave a sum of versions unchanged. A changed fingerprint
 * means the plan is built again; an unchanged one serves the plan already built (a few hundred
 * microseconds instead of hydrating a thousand institution links at every request).
 */
const FINGERPRINT_SQL = `SELECT
  (SELECT coalesce(max(updated_at)::text, '') || count(*) FROM plans) AS p,
  (SELECT coalesce(max(updated_at)::text, '') || count(*) FROM measures) AS m,
  (SELECT coalesce(max(updated_at)::text, '') || count(*) || ':' || coalesce(sum(version), 0) FROM activities) AS a,
  (SELECT coalesce(max(updated_at)::text, '') || count(*) || ':' || coalesce(sum(version), 0) FROM institutions) AS i,
  (SELECT count(*) || ':' || coalesce(sum(hashtext(activity_id::text || institution_id::text)), 0) FROM activity_contributors) AS c`;

@Injectable()
export class PlansService {
  private readonly built = new Map<string, { fingerprint: string; plan: BuiltPlan }>();

  constructor(
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async list(): Promise<PlanSummary[]> {
    const plans = await this.plans.find({
      relations: PLAN_TREE,
      relationLoadStrategy: 'query',
      order: { code: 'ASC' },
    });
    return plans.map((plan) => this.build(plan).summary);
  }

  async get(code: string, filters: ActivityFilters): Promise<PlanDetail> {
    const { summary, measures: allMeasures } = await this.current(code);
    const filtering = Object.entries(filters).some(([key, value]) => value !== undefined && key !== 'involvement');
    const measures = filtering
      ? allMeasures
          .map((measure) => ({ ...measure, activities: measure.activities.filter((a) => matchesFilters(a, filters)) }))
          .filter((measure) => measure.activities.length > 0)
      : allMeasures;
    return { ...summary, measures, demo: await this.settings.demoLoaded() };
  }

  /** The plan as built for today (cached while nothing it depends on changed): its summary and every measure. */
  async current(code: string): Promise<BuiltPlan> {
    const [row] = await this.dataSource.query(FINGERPRINT_SQL);
    const fingerprint = `${todayInMorocco()}|${Object.values(row as Record<string, string>).join('|')}`;
    const cached = this.built.get(code);
    if (cached?.fingerprint === fingerprint) return cached.plan;
    const plan = await this.plans.findOne({ where: { code }, relations: PLAN_TREE, relationLoadStrategy: 'query' });
    if (!plan) throw AppException.notFound('plan', code);
    const built = this.build(plan);
    this.built.set(code, { fingerprint, plan: built });
    return built;
  }

  private build(plan: Plan): BuiltPlan {
    const today = todayInMorocco();
    const measures = (plan.measures ?? [])
      .slice()
      .sort((a, b) => a.number - b.number)
      .map((measure) => mapMeasure(measure, plan.code, today));
    const allActivities = measures.flatMap((measure) => measure.activities);
    return { summary: summarisePlan(plan, measures, allActivities, today), measures };
  }
}
