import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { AcceptsFile } from '../common/http/accepts-file';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EVIDENCE_MAX_BYTES,
  Permission,
  type AuditEventView,
  type ActivityDetail,
  type ActivitySummary,
  type EvidenceView,
  type ProgressUpdateView,
} from '@marsad/contracts';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ActivitiesService } from './activities.service';
import { ActivityFiltersDto } from './dto/activity-filters.dto';
import { CreateProgressUpdateDto } from './dto/create-progress-update.dto';
import { UpdateActivityDto } from './dto/update-activity.dto';
import { UploadEvidenceDto } from './dto/upload-evidence.dto';

@ApiTags('plan')
@Controller({ version: '1' })
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get('activities')
  @Public()
  @ApiOperation({ summary: 'Activities of every plan, filtered by status, health, lead institution or due date' })
  list(@Query() filters: ActivityFiltersDto): Promise<ActivitySummary[]> {
    return this.activities.list(filters);
  }

  @Get('activities/:id')
  @Public()
  @ApiOperation({
    summary:
      'An activity with its milestones and validated progress reports (and, for its administration and coordinators, those awaiting validation)',
  })
  get(@Caller() caller: ActorContext, @Param('id', new UuidParamPipe('activity')) id: string): Promise<ActivityDetail> {
    return this.activities.get(id, caller.actor);
  }

  @Patch('activities/:id')
  @Authorize(Permission.ActivityPlan)
  @ApiOperation({ summary: 'Change dates, weight, lead or contributors; send the version you read (409 if stale)' })
  update(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('activity')) id: string,
    @Body() dto: UpdateActivityDto,
  ): Promise<ActivityDetail> {
    return this.activities.update(caller, id, dto);
  }

  @Get('activities/:id/history')
  @Authorize(Permission.AuditRead)
  @ApiOperation({ summary: 'Audit trail of an activity and of its progress updates and evidence, newest first' })
  history(
    @Caller() caller: ActorContext,
    @Param('id', new UuidParamPipe('activity')) id: string,
  ): Promise<AuditEventView[]> {
    return this.activities.history(id, caller.actor);
  }

  @Get('activities/:id/updates')
  @Public()
  @ApiOperation({ summary: 'Progress reports of an activity the caller may read, newest first' })
  listUpdates(
    @Caller() caller: ActorContext,
    @Param('id', new UuidParamPipe('activity')) id: string,
  ): Promise<ProgressUpdateView[]> {
    return this.activities.listUpdates(id, caller.actor);
  }

  @Post('activities/:id/updates')
  @Authorize(Permission.ProgressReport)
  @ApiOperation({
    summary:
      "Report progress as the signed-in account. Officers: their institution's activities only; the report is submitted for validation (or kept as a draft). A coordinator's report is validated at once; the newest validated report sets the activity's status and progress",
  })
  createUpdate(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('activity')) id: string,
    @Body() dto: CreateProgressUpdateDto,
  ): Promise<ProgressUpdateView> {
    return this.activities.createUpdate(caller, id, dto);
  }

  @Post('progress-updates/:id/evidence')
  @Authorize(Permission.ProgressReport)
  @HttpCode(201)
  @AcceptsFile({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5 } })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string', maxLength: 300 } },
    },
  })
  @ApiOperation({ summary: 'Attach a file (PDF, image or Office document, ≤ 10 MB; type checked from its bytes)' })
  addEvidence(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('progressUpdate')) id: string,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Body() dto: UploadEvidenceDto,
  ): Promise<EvidenceView> {
    return this.activities.addEvidence(caller, id, file, dto.title);
  }

  @Get('evidence/:id/file')
  @Public()
  @ApiOperation({ summary: 'Download an evidence file' })
  async download(
    @Caller() caller: ActorContext,
    @Param('id', new UuidParamPipe('evidence')) id: string,
  ): Promise<StreamableFile> {
    const file = await this.activities.openEvidence(id, caller.actor);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
