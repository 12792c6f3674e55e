import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ReportingRoundDetail, type ReportingRoundView, type RoundChecklist } from '@marsad/contracts';
import type { SignedInContext } from '../auth/actor';
import { Authorize, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import {
  CloseRoundDto,
  ConfirmDto,
  CreateRoundDto,
  RoundAdministrationQueryDto,
  UpdateRoundDto,
} from './dto/rounds.dto';
import { RoundsService } from './rounds.service';

@ApiTags('reporting rounds')
@Controller({ path: 'reporting-rounds', version: '1' })
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Reporting rounds, the newest first, each with its overall standing' })
  list(): Promise<ReportingRoundView[]> {
    return this.rounds.list();
  }

  @Post()
  @Authorize(Permission.RoundManage)
  @ApiOperation({
    summary:
      'Open a reporting round: name, opening and closing dates, activities in scope (default: all not completed or cancelled); 409 if it overlaps another',
  })
  create(@SignedInCaller() caller: SignedInContext, @Body() dto: CreateRoundDto): Promise<ReportingRoundDetail> {
    return this.rounds.create(caller, dto);
  }

  @Get(':id')
  @Authorize(Permission.RoundRead)
  @ApiOperation({ summary: "A round's standing: totals, by administration type and by region; frozen once closed" })
  @ApiOkResponse({ description: 'ReportingRoundDetail' })
  async get(
    @Param('id', new UuidParamPipe('reportingRound')) id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    (await this.rounds.get(id)).send(request, response);
  }

  @Patch(':id')
  @Authorize(Permission.RoundManage)
  @ApiOperation({
    summary: "Rename a round or move its dates (send the version read; an open round's opening date stays)",
  })
  update(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('reportingRound')) id: string,
    @Body() dto: UpdateRoundDto,
  ): Promise<ReportingRoundDetail> {
    return this.rounds.update(caller, id, dto);
  }

  @Post(':id/close')
  @Authorize(Permission.RoundManage)
  @HttpCode(200)
  @ApiOperation({ summary: "Close an open round: its standing and the plan's validated figures are frozen" })
  close(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('reportingRound')) id: string,
    @Body() dto: CloseRoundDto,
  ): Promise<ReportingRoundDetail> {
    return this.rounds.close(caller, id, dto);
  }

  @Get(':id/administrations')
  @Authorize(Permission.RoundRead)
  @ApiOperation({
    summary:
      'Each administration that owes something in the round, the least complete first (filter: missing, late, returned, complete)',
  })
  @ApiOkResponse({ description: 'Page<RoundAdministrationRow>' })
  async administrations(
    @Param('id', new UuidParamPipe('reportingRound')) id: string,
    @Query() query: RoundAdministrationQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    (await this.rounds.administrationsBody(id, query)).send(request, response);
  }

  @Get(':id/administrations/:code')
  @Authorize()
  @ApiOperation({
    summary: "One administration's checklist in the round (its own people, coordinators and the committee)",
  })
  checklist(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('reportingRound')) id: string,
    @Param('code') code: string,
  ): Promise<RoundChecklist> {
    return this.rounds.checklist(caller, id, code);
  }

  @Post(':id/confirmations')
  @Authorize()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Confirm, for the signed-in account's administration, that its officers (kind officers) or its inventory (kind inventory) are current",
  })
  confirm(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('reportingRound')) id: string,
    @Body() dto: ConfirmDto,
  ): Promise<RoundChecklist> {
    return this.rounds.confirm(caller, id, dto);
  }
}
