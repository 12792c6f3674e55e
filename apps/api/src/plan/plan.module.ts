import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstitutionsModule } from '../institutions/institutions.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { Activity } from './entities/activity.entity';
import { Evidence } from './entities/evidence.entity';
import { Measure } from './entities/measure.entity';
import { Milestone } from './entities/milestone.entity';
import { Plan } from './entities/plan.entity';
import { PlanSnapshot } from './entities/plan-snapshot.entity';
import { ProgressUpdate } from './entities/progress-update.entity';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';
import { PlansController } from './plans.controller';
import { PlanBlockersService } from './plan-blockers.service';
import { PlanHistoryService } from './plan-history.service';
import { PlansService } from './plans.service';
import { ValidationController } from './validation.controller';
import { ValidationService } from './validation.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Plan, Measure, Activity, ProgressUpdate, Evidence, Milestone, PlanSnapshot]),
    InstitutionsModule,
  ],
  controllers: [PlansController, MeasuresController, ActivitiesController, ValidationController],
  providers: [
    PlansService,
    PlanBlockersService,
    PlanHistoryService,
    MeasuresService,
    ActivitiesService,
    ValidationService,
  ],
  exports: [PlansService, PlanBlockersService, PlanHistoryService],
})
export class PlanModule {}
