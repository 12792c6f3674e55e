import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PlanBlockers, PlanDetail, PlanHistory, PlanSnapshotDetail, PlanSummary } from '@marsad/contracts';
import { Public } from '../auth/auth.decorators';
import { ActivityFiltersDto } from './dto/activity-filters.dto';
import { PlanHistoryQueryDto, PlanSnapshotParamsDto } from './dto/plan-history.dto';
import { PlanBlockersService } from './plan-blockers.service';
import { PlanHistoryService } from './plan-history.service';
import { PlansService } from './plans.service';

@ApiTags('plan')
@Controller({ path: 'plans', version: '1' })
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly blockers: PlanBlockersService,
    private readonly planHistory: PlanHistoryService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Every action plan with its rolled-up progress and health' })
  list(): Promise<PlanSummary[]> {
    return this.plans.list();
  }

  @Get(':code')
  @Public()
  @ApiOperation({
    summary: 'One plan (e.g. PANDO-2021) with its measures and activities',
    description:
      'Filters narrow the activities listed (and drop measures left empty); progress figures always count every activity.',
  })
  get(@Param('code') code: string, @Query() filters: ActivityFiltersDto): Promise<PlanDetail> {
    return this.plans.get(code, filters);
  }

  @Get(':code/blockers')
  @Public()
  @ApiOperation({
    summary:
      "What holds the plan back: blockers named in each activity's newest validated report, by category and by measure",
  })
  planBlockers(@Param('code') code: string): Promise<PlanBlockers> {
    return this.blockers.forPlan(code);
  }

  @Get(':code/history')
  @Public()
  @ApiOperation({
    summary: "The plan's daily snapshots between two days (both included, either open), oldest first",
    description: 'One point a day: plan progress and health, status counts, late and at-risk activities, each measure.',
  })
  history(@Param('code') code: string, @Query() query: PlanHistoryQueryDto): Promise<PlanHistory> {
    return this.planHistory.history(code, query.from, query.to);
  }

  @Get(':code/history/:day')
  @Public()
  @ApiOperation({
    summary: 'The plan as it stood on a day: the newest snapshot on or before it, with every activity',
    description: '404 when no snapshot is that old.',
  })
  snapshot(@Param() params: PlanSnapshotParamsDto): Promise<PlanSnapshotDetail> {
    return this.planHistory.snapshotOnOrFail(params.code, params.day);
  }
}
