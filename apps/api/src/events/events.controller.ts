import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type EventDetail, type EventSummary, type Page, type ReachView } from '@marsad/contracts';
import type { Request, Response } from 'express';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import {
  CreateEventDto,
  EventParticipantsDto,
  EventQueryDto,
  SetReachTargetsDto,
  UpdateEventDto,
} from './dto/events.dto';
import { EventsService } from './events.service';
import { ReachService } from './reach.service';

@ApiTags('events')
@Controller({ version: '1' })
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly reachService: ReachService,
  ) {}

  @Get('events')
  @Public()
  @ApiOperation({
    summary: 'The plan’s events (workshops, trainings, promotion, hackathons), newest first; no personal data',
  })
  list(@Query() query: EventQueryDto): Promise<Page<EventSummary>> {
    return this.events.list(query);
  }

  @Post('events')
  @Authorize(Permission.EventManage)
  @ApiOperation({ summary: 'Record an event' })
  create(@SignedInCaller() caller: SignedInContext, @Body() dto: CreateEventDto): Promise<EventDetail> {
    return this.events.create(caller, dto);
  }

  @Get('events/:id')
  @Public()
  @ApiOperation({ summary: 'An event: participants by category for all; who took part for coordinators only' })
  get(@Caller() caller: ActorContext, @Param('id', new UuidParamPipe('event')) id: string): Promise<EventDetail> {
    return this.events.get(id, caller.actor);
  }

  @Patch('events/:id')
  @Authorize(Permission.EventManage)
  @ApiOperation({ summary: 'Change an event (send the version read; 409 when it changed meanwhile)' })
  update(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('event')) id: string,
    @Body() dto: UpdateEventDto,
  ): Promise<EventDetail> {
    return this.events.update(caller, id, dto);
  }

  @Put('events/:id/participants')
  @Authorize(Permission.EventManage)
  @ApiOperation({
    summary: 'Register officers of the register (by appointment), remove some, set the other participants’ counts',
  })
  participants(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('event')) id: string,
    @Body() dto: EventParticipantsDto,
  ): Promise<EventDetail> {
    return this.events.setParticipants(caller, id, dto);
  }

  @Get('reach')
  @Public()
  @ApiOperation({
    summary: 'The events’ reach: officers trained in the last 12 months, never reached, per quarter, targets',
  })
  async reach(@Req() request: Request, @Res() response: Response): Promise<void> {
    (await this.reachService.reachBody()).send(request, response);
  }

  @Put('reach/targets')
  @Authorize(Permission.EventManage)
  @ApiOperation({ summary: 'Set yearly targets per type of event (null: no target)' })
  setTargets(@SignedInCaller() caller: SignedInContext, @Body() dto: SetReachTargetsDto): Promise<ReachView> {
    return this.reachService.setTargets(caller, dto);
  }
}
