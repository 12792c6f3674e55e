import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@marsad/contracts';
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
  @ApiOkResponse({ description: 'AdministrationHome' })
  async administration(
    @SignedInCaller() caller: SignedInContext,
    @Param('code') code: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    (await this.homes.administration(caller, code)).send(request, response);
  }

  @Get('workbench')
  @Authorize(Permission.ProgressValidate)
  @ApiOperation({
    summary:
      "ADD's workbench: the validation queue, the open round and who has not reported, late activities and missed milestones, vacancies, the last harvest",
  })
  @ApiOkResponse({ description: 'Workbench' })
  async workbench(@Req() request: Request, @Res() response: Response): Promise<void> {
    (await this.homes.workbench()).send(request, response);
  }

  @Get('committee')
  @Authorize(Permission.RoundRead)
  @ApiOperation({
    summary:
      "The committee's view: validated plan progress and health, late activities, blockers by category, officer coverage, the national publication score",
  })
  @ApiOkResponse({ description: 'CommitteeHome' })
  async committee(@Req() request: Request, @Res() response: Response): Promise<void> {
    (await this.homes.committee()).send(request, response);
  }
}
