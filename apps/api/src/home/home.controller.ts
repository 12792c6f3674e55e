import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type AdministrationHome, type CommitteeHome, type Workbench } from '@marsad/contracts';
import type { SignedInContext } from '../auth/actor';
import { Authorize, SignedInCaller } from '../auth/auth.decorators';
import { HomeService } from './home.service';

@ApiTags('homes')
@Controller({ path: 'home', version: '1' })
export class HomeController {
  constructor(private readonly homes: HomeService) {}

  @Get('administration/:code')
  @Authorize()
  @ApiOperation({
    summary:
      "An administration's home: the activities it leads or contributes to, the open round's checklist, its officers, inventory and publication score against the medians (its own people, ADD, the committee)",
  })
  administration(@SignedInCaller() caller: SignedInContext, @Param('code') code: string): Promise<AdministrationHome> {
    return this.homes.administration(caller, code);
  }

  @Get('workbench')
  @Authorize(Permission.ProgressValidate)
  @ApiOperation({
    summary:
      "ADD's workbench: the validation queue, the open round and who has not reported, late activities and missed milestones, vacancies, the last harvest",
  })
  workbench(): Promise<Workbench> {
    return this.homes.workbench();
  }

  @Get('committee')
  @Authorize(Permission.RoundRead)
  @ApiOperation({
    summary:
      "The committee's view: validated plan progress and health, late activities, blockers by category, officer coverage, the national publication score",
  })
  committee(): Promise<CommitteeHome> {
    return this.homes.committee();
  }
}
