import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type EventDetail,
  type EventSummary,
  type FeedbackFormView,
  type FeedbackLinks,
  type FeedbackRequestsResult,
  type InstitutionParticipations,
  type Page,
  type ReachView,
  type SignInSheetPreview,
  type SignInSheetResult,
} from '@marsad/contracts';
import type { Request, Response } from 'express';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller } from '../auth/auth.decorators';
import { AppException } from '../common/errors/app-exception';
import { AcceptsFile } from '../common/http/accepts-file';
import { requestLocale } from '../common/i18n/request-locale';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { TABLE_UPLOAD_BODY, TABLE_UPLOAD_LIMITS, tableDownload } from '../imports/table-file.util';
import { TableFormatDto } from '../officers/dto/officer-export-query.dto';
import {
  CreateEventDto,
  EventParticipantsDto,
  EventQueryDto,
  FeedbackLinksDto,
  SetReachTargetsDto,
  SignInSheetCommitDto,
  SubmitFeedbackDto,
  UpdateEventDto,
} from './dto/events.dto';
import { EventsService } from './events.service';
import { FeedbackService } from './feedback.service';
import { ReachService } from './reach.service';
import { SignInSheetService } from './sign-in-sheet.service';

type Upload = { buffer: Buffer } | undefined;

const fileOf = (file: Upload): Buffer => {
  if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
  return file.buffer;
};

@ApiTags('events')
@Controller({ version: '1' })
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly reachService: ReachService,
    private readonly signInSheets: SignInSheetService,
    private readonly feedback: FeedbackService,
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

  @Get('events/:id/sign-in-sheet/template')
  @Public()
  @ApiOperation({ summary: 'The sign-in sheet template (email, name, category; headers in French and Arabic)' })
  async signInTemplate(
    @Param('id', new UuidParamPipe('event')) _id: string,
    @Query() query: TableFormatDto,
  ): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return tableDownload(await this.signInSheets.template(format), format, 'marsad-sign-in-sheet');
  }

  @Post('events/:id/sign-in-sheet/preview')
  @HttpCode(200)
  @Authorize(Permission.EventManage)
  @AcceptsFile(TABLE_UPLOAD_LIMITS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(TABLE_UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Match a sign-in sheet’s rows to the register by email and say what importing it would add; writes nothing',
  })
  previewSignIn(
    @Req() request: Request,
    @Param('id', new UuidParamPipe('event')) id: string,
    @UploadedFile() file: Upload,
  ): Promise<SignInSheetPreview> {
    return this.signInSheets.preview(id, fileOf(file), requestLocale(request));
  }

  @Post('events/:id/sign-in-sheet')
  @HttpCode(200)
  @Authorize(Permission.EventManage)
  @AcceptsFile(TABLE_UPLOAD_LIMITS)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Import a sign-in sheet (with the event’s version): officers in office registered, others counted; all or nothing',
  })
  importSignIn(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('event')) id: string,
    @Body() dto: SignInSheetCommitDto,
    @UploadedFile() file: Upload,
  ): Promise<SignInSheetResult> {
    return this.signInSheets.commit(caller, id, dto.version, fileOf(file));
  }

  @Post('events/:id/feedback-links')
  @HttpCode(200)
  @Authorize(Permission.EventManage)
  @ApiOperation({ summary: 'Single-use anonymous links to the event’s feedback form, to hand out' })
  feedbackLinks(
    @SignedInCaller() caller: SignedInContext,
    @Req() request: Request,
    @Param('id', new UuidParamPipe('event')) id: string,
    @Body() dto: FeedbackLinksDto,
  ): Promise<FeedbackLinks> {
    return this.feedback.links(caller, id, dto.count, requestLocale(request));
  }

  @Post('events/:id/feedback-requests')
  @HttpCode(200)
  @Authorize(Permission.EventManage)
  @ApiOperation({ summary: 'Send each registered participant with an account a personal feedback link' })
  requestFeedback(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('event')) id: string,
  ): Promise<FeedbackRequestsResult> {
    return this.feedback.requestFromParticipants(caller, id);
  }

  @Get('feedback/:token')
  @Public()
  @ApiOperation({ summary: 'The feedback form behind a signed link: the event, and whether the link was used' })
  feedbackForm(@Param('token') token: string): Promise<FeedbackFormView> {
    return this.feedback.form(token);
  }

  @Post('feedback/:token')
  @Public()
  @ApiOperation({ summary: 'Rate an event (1–5) and comment, anonymously, once per link; no sign-in' })
  submitFeedback(
    @Caller() caller: ActorContext,
    @Param('token') token: string,
    @Body() dto: SubmitFeedbackDto,
  ): Promise<void> {
    return this.feedback.submit(caller, token, dto);
  }

  @Get('institutions/:code/participations')
  @Authorize()
  @ApiOperation({
    summary: 'The events an administration’s officers took part in; for ADD, the committee and its own people',
  })
  participations(
    @SignedInCaller() caller: SignedInContext,
    @Param('code') code: string,
  ): Promise<InstitutionParticipations> {
    return this.events.participations(code, caller.actor);
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
