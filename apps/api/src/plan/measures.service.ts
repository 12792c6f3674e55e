import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeasureDetail } from '@marsad/contracts';
import { In, Repository } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import { todayInMorocco } from '../common/time/today';
import { Measure } from './entities/measure.entity';
import { Milestone } from './entities/milestone.entity';
import { ProgressUpdate } from './entities/progress-update.entity';
import { mapMeasure, mapMilestone, mapUpdate, newestFirst } from './plan.mappers';

@Injectable()
export class MeasuresService {
  constructor(
    @InjectRepository(Measure) private readonly measures: Repository<Measure>,
    @InjectRepository(Milestone) private readonly milestones: Repository<Milestone>,
    @InjectRepository(ProgressUpdate) private readonly updates: Repository<ProgressUpdate>,
  ) {}

  async get(id: string): Promise<MeasureDetail> {
    const measure = await this.measures.findOne({
      where: { id },
      relations: { plan: true, leadInstitution: true, activities: { leadInstitution: true, contributors: true } },
      relationLoadStrategy: 'query',
    });
    if (!measure) throw AppException.notFound('measure', id);
    const activityIds = (measure.activities ?? []).map((activity) => activity.id);
    const codeOf = new Map((measure.activities ?? []).map((activity) => [activity.id, activity.code]));
    const [milestones, updates] = activityIds.length
      ? await Promise.all([
          this.milestones.find({ where: { activityId: In(activityIds) }, order: { dueDate: 'ASC' } }),
          // The measure page is public: validated reports only, the newest hundred.
          this.updates.find({
            where: { activityId: In(activityIds), state: 'validated' },
            relations: { evidence: true, authorInstitution: true },
            relationLoadStrategy: 'query',
            order: { reportedOn: 'DESC', createdAt: 'DESC' },
            take: 100,
          }),
        ])
      : [[], []];
    const today = todayInMorocco();
    return {
      ...mapMeasure(measure, measure.plan?.code ?? '', today),
      milestones: milestones.map((milestone) => mapMilestone(milestone, codeOf.get(milestone.activityId) ?? '', today)),
      updates: updates.map((update) => mapUpdate(update, codeOf.get(update.activityId) ?? '')).sort(newestFirst),
    };
  }
}
