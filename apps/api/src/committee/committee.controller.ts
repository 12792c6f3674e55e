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
  EVIDENCE_MAX_BYTES,
  Permission,
  type ActionItemView,
  type AgendaProposal,
  type CommitteeDocumentView,
  type CommitteeRepresentativeView,
  type CommitteeView,
  type DecisionView,
  type MeetingDetail,
  type MeetingPack,
  type MeetingSummary,
} from '@marsad/contracts';
import type { Request, Response } from 'express';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller } from '../auth/auth.decorators';
import { AcceptsFile } from '../common/http/accepts-file';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ActionItemsService } from './action-items.service';
import { CommitteeMembersService } from './committee-members.service';
import {
  ActionItemQueryDto,
  AddDocumentDto,
  AddMemberDto,
  AddRepresentativeDto,
  ApproveMinutesDto,
  ConfirmOwnAttendanceDto,
  CreateDecisionDto,
  CreateMeetingDto,
  RecordAttendanceDto,
  UpdateActionItemDto,
  UpdateMeetingDto,
  UpdateMemberDto,
  PackQueryDto,
  UpdateRepresentativeDto,
} from './dto/committee.dto';
import { MeetingsService } from './meetings.service';
import { MeetingPackService } from './pack/meeting-pack.service';
import { requestLocale } from '../common/i18n/request-locale';

@ApiTags('steering committee')
@Controller({ path: 'committee', version: '1' })
export class CommitteeController {
  constructor(
    private readonly members: CommitteeMembersService,
    private readonly meetings: MeetingsService,
    private readonly actionItems: ActionItemsService,
    private readonly packs: MeetingPackService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'The steering committee and its member institutions over time; representatives (names, contacts) for the committee and coordinators only',
  })
  view(@Caller() caller: ActorContext): Promise<CommitteeView> {
    return this.members.view(caller.actor);
  }

  @Post('members')
  @Authorize(Permission.CommitteeManage)
  @ApiOperation({ summary: 'An institution joins the committee on a date (measure 13 extends it)' })
  addMember(@SignedInCaller() caller: SignedInContext, @Body() dto: AddMemberDto): Promise<CommitteeView> {
    return this.members.addMember(caller, dto);
  }

  @Patch('members/:id')
  @Authorize(Permission.CommitteeManage)
  @ApiOperation({ summary: 'Record that a member left (leftOn), or correct its dates; send the version read' })
  updateMember(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMember')) id: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<CommitteeView> {
    return this.members.updateMember(caller, id, dto);
  }

  @Post('members/:id/representatives')
  @Authorize(Permission.CommitteeManage)
  @ApiOperation({ summary: 'A person sits for a member: position (chair, secretary, member), alternate, term' })
  addRepresentative(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMember')) id: string,
    @Body() dto: AddRepresentativeDto,
  ): Promise<CommitteeRepresentativeView> {
    return this.members.addRepresentative(caller, id, dto);
  }

  @Patch('representatives/:id')
  @Authorize(Permission.CommitteeManage)
  @ApiOperation({ summary: "Change a representative's details or end their term (toOn); send the version read" })
  updateRepresentative(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeRepresentative')) id: string,
    @Body() dto: UpdateRepresentativeDto,
  ): Promise<CommitteeRepresentativeView> {
    return this.members.updateRepresentative(caller, id, dto);
  }

  @Post('meetings/:id/pack/announce')
  @Authorize(Permission.CommitteeManage)
  @HttpCode(200)
  @ApiOperation({
    summary: "Tell the representatives that the meeting's pack is ready (once per version of the meeting)",
  })
  announcePack(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMeeting')) id: string,
  ): Promise<{ notified: number }> {
    return this.meetings.announcePack(caller, id);
  }

  @Get('meetings')
  @Authorize(Permission.CommitteeRead)
  @ApiOperation({ summary: "The committee's meetings, the newest first, with attendance and decision counts" })
  listMeetings(): Promise<MeetingSummary[]> {
    return this.meetings.list();
  }

  @Post('meetings')
  @Authorize(Permission.CommitteeManage)
  @ApiOperation({
    summary:
      'Prepare a meeting (numbered in order). Without an agenda, the proposed one: standing items and every open action item',
  })
  createMeeting(@SignedInCaller() caller: SignedInContext, @Body() dto: CreateMeetingDto): Promise<MeetingDetail> {
    return this.meetings.create(caller, dto);
  }

  @Get('agenda-proposal')
  @Authorize(Permission.CommitteeRead)
  @ApiOperation({ summary: "What the next meeting's agenda starts from: the standing items and the open action items" })
  proposal(): Promise<AgendaProposal> {
    return this.meetings.proposal();
  }

  @Get('meetings/:id')
  @Authorize(Permission.CommitteeRead)
  @ApiOperation({ summary: 'A meeting with its agenda, attendance, minutes, documents and decisions' })
  meeting(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMeeting')) id: string,
  ): Promise<MeetingDetail> {
    return this.meetings.get(id, caller.actor);
  }

  @Patch('meetings/:id')
  @Authorize(Permission.CommitteeManage)
  @ApiOperation({
    summary:
      'Change a meeting: date, place, status, experts, minutes; `agenda` replaces the agenda. Send the version read',
  })
  updateMeeting(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMeeting')) id: string,
    @Body() dto: UpdateMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.update(caller, id, dto);
  }

  @Put('meetings/:id/attendance')
  @Authorize(Permission.CommitteeManage)
  @ApiOperation({
    summary: 'Record attendance (present, excused, absent; null clears) of representatives sitting that day',
  })
  recordAttendance(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMeeting')) id: string,
    @Body() dto: RecordAttendanceDto,
  ): Promise<MeetingDetail> {
    return this.meetings.recordAttendance(caller, id, dto);
  }

  @Post('meetings/:id/attendance/me')
  @Authorize(Permission.CommitteeRead)
  @HttpCode(200)
  @ApiOperation({ summary: 'A representative confirms their own attendance' })
  confirmOwnAttendance(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMeeting')) id: string,
    @Body() dto: ConfirmOwnAttendanceDto,
  ): Promise<MeetingDetail> {
    return this.meetings.confirmOwnAttendance(caller, id, dto);
  }

  @Post('meetings/:id/minutes/approve')
  @Authorize(Permission.CommitteeManage)
  @HttpCode(200)
  @ApiOperation({ summary: "Approve a held meeting's minutes (draft → approved); they no longer change" })
  approveMinutes(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMeeting')) id: string,
    @Body() dto: ApproveMinutesDto,
  ): Promise<MeetingDetail> {
    return this.meetings.approveMinutes(caller, id, dto);
  }

  @Post('meetings/:id/documents')
  @Authorize(Permission.CommitteeManage)
  @HttpCode(201)
  @AcceptsFile({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5 } })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        url: { type: 'string' },
        title: { type: 'string', maxLength: 300 },
        role: { type: 'string', enum: ['document', 'minutes_signed'] },
      },
    },
  })
  @ApiOperation({ summary: 'Attach a document (file ≤ 10 MB or link); role minutes_signed: the signed minutes, a PDF' })
  addDocument(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMeeting')) id: string,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Body() dto: AddDocumentDto,
  ): Promise<CommitteeDocumentView> {
    return this.meetings.addDocument(caller, id, file, dto);
  }

  @Get('documents/:id/file')
  @Authorize(Permission.CommitteeRead)
  @ApiOperation({ summary: "Download a meeting's document" })
  async document(@Param('id', new UuidParamPipe('committeeDocument')) id: string): Promise<StreamableFile> {
    const file = await this.meetings.openDocument(id);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Get('meetings/:id/pack')
  @Authorize(Permission.CommitteeRead)
  @ApiOperation({
    summary:
      'The meeting pack: plan progress now and at the previous meeting, late and at-risk work, missed milestones, blockers, action items, coverage, publication score, agenda. format=html (printable A4), pdf (503 without Chromium), xlsx or json; lang=ar|fr|en',
  })
  async pack(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMeeting')) id: string,
    @Query() query: PackQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | MeetingPack> {
    const lang = query.lang ?? requestLocale(request);
    const file = await this.packs.render(id, caller.actor, query.format ?? 'html', lang);
    if (file.kind === 'json') return file.pack;
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      disposition: file.fileName ? `${file.inline ? 'inline' : 'attachment'}; filename="${file.fileName}"` : undefined,
    });
  }

  @Post('meetings/:id/decisions')
  @Authorize(Permission.CommitteeManage)
  @ApiOperation({ summary: 'Record a decision and the action items it creates (owner, due date), all or nothing' })
  createDecision(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('committeeMeeting')) id: string,
    @Body() dto: CreateDecisionDto,
  ): Promise<DecisionView> {
    return this.meetings.createDecision(caller, id, dto);
  }

  @Get('action-items')
  @Authorize(Permission.ActionItemRead)
  @ApiOperation({
    summary:
      'Action items (status=open means open or in progress; owner; overdue). The committee and coordinators see all, an administration its own',
  })
  listActionItems(
    @SignedInCaller() caller: SignedInContext,
    @Query() query: ActionItemQueryDto,
  ): Promise<ActionItemView[]> {
    return this.actionItems.list(caller, query);
  }

  @Get('action-items/:id')
  @Authorize(Permission.ActionItemRead)
  @ApiOperation({
    summary: 'One action item with its notes (the committee, coordinators, or its owner administration)',
  })
  actionItem(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('actionItem')) id: string,
  ): Promise<ActionItemView> {
    return this.actionItems.get(caller, id);
  }

  @Patch('action-items/:id')
  @Authorize(Permission.ActionItemUpdate)
  @ApiOperation({
    summary:
      "The owner's officers add a note, move it to in progress or done (closing evidence needed); coordinators may also drop it or move its due date",
  })
  updateActionItem(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('actionItem')) id: string,
    @Body() dto: UpdateActionItemDto,
  ): Promise<ActionItemView> {
    return this.actionItems.update(caller, id, dto);
  }
}
