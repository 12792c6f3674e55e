import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ActivityFilters, ActivitySummary, PlanDetail, PlanSummary } from '@marsad/contracts';
import { Repository } from 'typeorm';
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
  if (filters.dueBefore && (!activity.dueDate || activity.dueDate > filters.dueBefore)) return false;
  return true;
}

@Injectable()
export class PlansService {
  constructor(
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    private readonly settings: SettingsService,
  ) {}

  async list(): Promise<PlanSummary[]> {
    const plans = await this.plans.find({ relations: PLAN_TREE, order: { code: 'ASC' } });
    return plans.map((plan) => this.build(plan, {}).summary);
  }

  async get(code: string, filters: ActivityFilters): Promise<PlanDetail> {
    const plan = await this.plans.findOne({ where: { code }, relations: PLAN_TREE });
    if (!plan) throw AppException.notFound('plan', code);
    const { summary, measures } = this.build(plan, filters);
    return { ...summary, measures, demo: await this.settings.demoLoaded() };
  }

  private build(plan: Plan, filters: ActivityFilters) {
    const today = todayInMorocco();
    const filtering = Object.values(filters).some((value) => value !== undefined);
    const allMeasures = (plan.measures ?? [])
      .slice()
      .sort((a, b) => a.number - b.number)
      .map((measure) => mapMeasure(measure, plan.code, today));
    const allActivities = allMeasures.flatMap((measure) => measure.activities);
    const summary = summarisePlan(plan, allMeasures, allActivities);
    const measures = filtering
      ? allMeasures
          .map((measure) => ({ ...measure, activities: measure.activities.filter((a) => matchesFilters(a, filters)) }))
          .filter((measure) => measure.activities.length > 0)
      : allMeasures;
    return { summary, measures };
  }
}
