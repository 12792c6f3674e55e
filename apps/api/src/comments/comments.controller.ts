import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type PlanCommentPage, type PlanCommentView, type PostPlanCommentResult } from '@marsad/contracts';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, PublicCommentLimited, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { CommentsService } from './comments.service';
import {
  AnswerPlanCommentDto,
  ModeratePlanCommentDto,
  PlanCommentPageDto,
  PlanCommentQueryDto,
  PostPlanCommentDto,
} from './dto/comments.dto';

@ApiTags('comments')
@Controller({ version: '1' })
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post('activities/:id/comments')
  @HttpCode(HttpStatus.ACCEPTED)
  @Public()
  @PublicCommentLimited()
  @ApiOperation({
    summary: 'Comment on an activity or ask a question (no sign-in, no e-mail); shown once a coordinator publishes it',
  })
  postOnActivity(
    @Caller() caller: ActorContext,
    @Param('id', new UuidParamPipe('activity')) id: string,
    @Body() dto: PostPlanCommentDto,
  ): Promise<PostPlanCommentResult> {
    return this.comments.post(caller, 'activity', id, dto);
  }

  @Get('activities/:id/comments')
  @Public()
  @ApiOperation({ summary: 'The published comments on an activity, newest first, with their official answers' })
  listOnActivity(
    @Param('id', new UuidParamPipe('activity')) id: string,
    @Query() query: PlanCommentPageDto,
  ): Promise<PlanCommentPage> {
    return this.comments.listPublished('activity', id, query);
  }

  @Post('measures/:id/comments')
  @HttpCode(HttpStatus.ACCEPTED)
  @Public()
  @PublicCommentLimited()
  @ApiOperation({
    summary: 'Comment on a measure or ask a question (no sign-in, no e-mail); shown once a coordinator publishes it',
  })
  postOnMeasure(
    @Caller() caller: ActorContext,
    @Param('id', new UuidParamPipe('measure')) id: string,
    @Body() dto: PostPlanCommentDto,
  ): Promise<PostPlanCommentResult> {
    return this.comments.post(caller, 'measure', id, dto);
  }

  @Get('measures/:id/comments')
  @Public()
  @ApiOperation({ summary: 'The published comments on a measure, newest first, with their official answers' })
  listOnMeasure(
    @Param('id', new UuidParamPipe('measure')) id: string,
    @Query() query: PlanCommentPageDto,
  ): Promise<PlanCommentPage> {
    return this.comments.listPublished('measure', id, query);
  }

  @Get('comments')
  @Authorize(Permission.CommentModerate)
  @ApiOperation({ summary: 'The moderation queue: comments of one status (pending by default)' })
  list(@SignedInCaller() caller: SignedInContext, @Query() query: PlanCommentQueryDto): Promise<PlanCommentPage> {
    return this.comments.listForModeration(query, caller.actor);
  }

  @Patch('comments/:id')
  @Authorize(Permission.CommentModerate)
  @ApiOperation({
    summary: 'Publish a comment, or reject it with a reason (send the version read; 409 when it changed)',
  })
  moderate(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('planComment')) id: string,
    @Body() dto: ModeratePlanCommentDto,
  ): Promise<PlanCommentView> {
    return this.comments.moderate(caller, id, dto);
  }

  @Post('comments/:id/answer')
  @HttpCode(HttpStatus.OK)
  @Authorize()
  @ApiOperation({
    summary:
      'Answer a published comment officially: an officer or data manager of the lead administration, or a coordinator (others: 403)',
  })
  answer(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('planComment')) id: string,
    @Body() dto: AnswerPlanCommentDto,
  ): Promise<PlanCommentView> {
    return this.comments.answer(caller, id, dto);
  }
}
