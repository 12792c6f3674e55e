import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type HackathonChallenge,
  type HackathonTeam,
  type HackathonView,
  type ReuseView,
} from '@marsad/contracts';
import type { SignedInContext } from '../auth/actor';
import { Authorize, Public, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import {
  HackathonVersionQueryDto,
  SaveChallengeDto,
  SaveTeamDto,
  TeamToReuseDto,
  UpdateChallengeDto,
  UpdateTeamDto,
} from './dto/hackathons.dto';
import { HackathonsService } from './hackathons.service';

@ApiTags('hackathons')
@Controller({ version: '1' })
export class HackathonsController {
  constructor(private readonly hackathons: HackathonsService) {}

  @Get('events/:id/hackathon')
  @Public()
  @ApiOperation({
    summary: 'A hackathon’s challenges (on portal datasets), its teams ranked and their submissions; no personal data',
  })
  view(@Param('id', new UuidParamPipe('event')) id: string): Promise<HackathonView> {
    return this.hackathons.view(id);
  }

  @Post('events/:id/hackathon/challenges')
  @Authorize(Permission.ReuseManage)
  @ApiOperation({ summary: 'Add a challenge to a hackathon, on datasets of the portal' })
  addChallenge(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('event')) id: string,
    @Body() dto: SaveChallengeDto,
  ): Promise<HackathonChallenge> {
    return this.hackathons.addChallenge(caller, id, dto);
  }

  @Patch('hackathon/challenges/:id')
  @Authorize(Permission.ReuseManage)
  @ApiOperation({ summary: 'Change a challenge (send the version read; 409 when it changed meanwhile)' })
  updateChallenge(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('hackathonChallenge')) id: string,
    @Body() dto: UpdateChallengeDto,
  ): Promise<HackathonChallenge> {
    return this.hackathons.updateChallenge(caller, id, dto);
  }

  @Delete('hackathon/challenges/:id')
  @HttpCode(204)
  @Authorize(Permission.ReuseManage)
  @ApiOperation({ summary: 'Remove a challenge (?version=); its teams stay, without a challenge' })
  removeChallenge(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('hackathonChallenge')) id: string,
    @Query() query: HackathonVersionQueryDto,
  ): Promise<void> {
    return this.hackathons.removeChallenge(caller, id, query.version);
  }

  @Post('events/:id/hackathon/teams')
  @Authorize(Permission.ReuseManage)
  @ApiOperation({ summary: 'Register a team (its name, how many members, its challenge, its submission)' })
  addTeam(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('event')) id: string,
    @Body() dto: SaveTeamDto,
  ): Promise<HackathonTeam> {
    return this.hackathons.addTeam(caller, id, dto);
  }

  @Patch('hackathon/teams/:id')
  @Authorize(Permission.ReuseManage)
  @ApiOperation({ summary: 'Change a team, or record the jury’s score (0–100) and rank (send the version read)' })
  updateTeam(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('hackathonTeam')) id: string,
    @Body() dto: UpdateTeamDto,
  ): Promise<HackathonTeam> {
    return this.hackathons.updateTeam(caller, id, dto);
  }

  @Delete('hackathon/teams/:id')
  @HttpCode(204)
  @Authorize(Permission.ReuseManage)
  @ApiOperation({ summary: 'Remove a team (?version=); not one whose project was published as a reuse' })
  removeTeam(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('hackathonTeam')) id: string,
    @Query() query: HackathonVersionQueryDto,
  ): Promise<void> {
    return this.hackathons.removeTeam(caller, id, query.version);
  }

  @Post('hackathon/teams/:id/reuse')
  @Authorize(Permission.ReuseManage)
  @ApiOperation({
    summary: 'Publish a ranked team’s submission (with its link) as a reuse of its challenge’s datasets; once',
  })
  toReuse(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('hackathonTeam')) id: string,
    @Body() dto: TeamToReuseDto,
  ): Promise<ReuseView> {
    return this.hackathons.toReuse(caller, id, dto);
  }
}
