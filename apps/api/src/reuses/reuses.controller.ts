import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ProposeReuseResult, type ReusePage, type ReuseView } from '@marsad/contracts';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, PublicFormLimited, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ProposeReuseDto, ReuseQueryDto, UpdateReuseDto } from './dto/reuses.dto';
import { ReusesService } from './reuses.service';

@ApiTags('reuses')
@Controller({ version: '1' })
export class ReusesController {
  constructor(private readonly reuses: ReusesService) {}

  @Post('reuses')
  @HttpCode(HttpStatus.ACCEPTED)
  @Public()
  @PublicFormLimited()
  @ApiOperation({
    summary: 'Propose a reuse of the portal’s data (no sign-in); shown once a coordinator publishes it',
  })
  propose(@Caller() caller: ActorContext, @Body() dto: ProposeReuseDto): Promise<ProposeReuseResult> {
    return this.reuses.propose(caller, dto);
  }

  @Get('reuses')
  @Public()
  @ApiOperation({
    summary:
      'The showcase: published reuses (any status for coordinators), with counts by theme, administration and reuser',
  })
  list(@Caller() caller: ActorContext, @Query() query: ReuseQueryDto): Promise<ReusePage> {
    return this.reuses.list(query, caller.actor);
  }

  @Get('reuses/:id')
  @Public()
  @ApiOperation({ summary: 'A reuse: published ones for everyone; the proposer’s contact for coordinators only' })
  get(@Caller() caller: ActorContext, @Param('id', new UuidParamPipe('reuse')) id: string): Promise<ReuseView> {
    return this.reuses.get(id, caller.actor);
  }

  @Patch('reuses/:id')
  @Authorize(Permission.ReuseManage)
  @ApiOperation({
    summary: 'Edit, publish, reject (with a reason) or reopen a reuse (send the version read; 409 when it changed)',
  })
  update(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('reuse')) id: string,
    @Body() dto: UpdateReuseDto,
  ): Promise<ReuseView> {
    return this.reuses.update(caller, id, dto);
  }
}
