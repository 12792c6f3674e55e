import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EVIDENCE_MAX_BYTES,
  Permission,
  type AwardApplicationView,
  type AwardEditionDetail,
  type AwardEditionSummary,
  type AwardFileView,
  type AwardHonour,
  type AwardResultRow,
  type AwardResults,
  type JurorCandidate,
  type JurorScoresView,
} from '@marsad/contracts';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller } from '../auth/auth.decorators';
import { AcceptsFile } from '../common/http/accepts-file';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { tableDownload } from '../imports/table-file.util';
import { UploadEvidenceDto } from '../plan/dto/upload-evidence.dto';
import type { FileUpload } from '../storage/file-type.util';
import { AwardFilesService } from './award-files.service';
import { AwardResultsService } from './award-results.service';
import { AwardService, type JuryScoresView } from './award.service';
import {
  JurorCandidateQueryDto,
  PublishResultsDto,
  ResultsExportQueryDto,
  SaveApplicationDto,
  SaveEditionDto,
  SetJurorsDto,
  SetScoresDto,
  UpdateApplicationDto,
  UpdateEditionDto,
} from './dto/award.dto';

@ApiTags('award')
@Controller({ version: '1' })
export class AwardController {
  constructor(
    private readonly award: AwardService,
    private readonly results: AwardResultsService,
    private readonly files: AwardFilesService,
  ) {}

  @Get('award/editions')
  @Public()
  @ApiOperation({ summary: 'The Imtiaz award’s open-data editions, newest year first, with their phase' })
  editions(): Promise<AwardEditionSummary[]> {
    return this.award.editions();
  }

  @Get('award/editions/:id')
  @Public()
  @ApiOperation({ summary: 'An edition: timeline, phase, criteria and weights; the jury for coordinators' })
  edition(
    @Caller() caller: ActorContext,
    @Param('id', new UuidParamPipe('awardEdition')) id: string,
  ): Promise<AwardEditionDetail> {
    return this.award.edition(id, caller.actor);
  }

  @Post('award/editions')
  @Authorize(Permission.AwardManage)
  @ApiOperation({ summary: 'Create an edition (weights sum to 100; timeline in order; one per year)' })
  create(@SignedInCaller() caller: SignedInContext, @Body() dto: SaveEditionDto): Promise<AwardEditionDetail> {
    return this.award.create(caller, dto);
  }

  @Patch('award/editions/:id')
  @Authorize(Permission.AwardManage)
  @ApiOperation({
    summary: 'Change an edition (send the version read); criteria and eligible types are fixed once the call is open',
  })
  update(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardEdition')) id: string,
    @Body() dto: UpdateEditionDto,
  ): Promise<AwardEditionDetail> {
    return this.award.update(caller, id, dto);
  }

  @Put('award/editions/:id/jurors')
  @Authorize(Permission.AwardManage)
  @ApiOperation({
    summary: 'Set the whole jury: active accounts and the administrations each declared a conflict with',
  })
  setJurors(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardEdition')) id: string,
    @Body() dto: SetJurorsDto,
  ): Promise<AwardEditionDetail> {
    return this.award.setJurors(caller, id, dto);
  }

  @Get('award/juror-candidates')
  @Authorize(Permission.AwardManage)
  @ApiOperation({
    summary: 'Active accounts whose name or e-mail matches q, to put on a jury (at most 20; e-mails masked)',
  })
  jurorCandidates(@Query() query: JurorCandidateQueryDto): Promise<JurorCandidate[]> {
    return this.award.jurorCandidates(query.q);
  }

  @Get('award/editions/:id/applications')
  @Authorize()
  @ApiOperation({
    summary:
      'Applications: all for coordinators, one’s own administration’s, or (jurors, once scoring opens) those without a conflict of interest',
  })
  applications(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardEdition')) id: string,
  ): Promise<AwardApplicationView[]> {
    return this.award.applications(caller, id);
  }

  @Post('award/editions/:id/applications')
  @Authorize(Permission.AwardApply)
  @ApiOperation({ summary: 'Apply for one’s own administration while the call is open (one application each)' })
  apply(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardEdition')) id: string,
    @Body() dto: SaveApplicationDto,
  ): Promise<AwardApplicationView> {
    return this.award.apply(caller, id, dto);
  }

  @Get('award/editions/:id/ranking')
  @Authorize(Permission.AwardManage)
  @ApiOperation({ summary: 'The ranking as it would be published now (from the deadline on)' })
  ranking(@Param('id', new UuidParamPipe('awardEdition')) id: string): Promise<AwardResultRow[]> {
    return this.results.ranking(id);
  }

  @Post('award/editions/:id/publish')
  @HttpCode(200)
  @Authorize(Permission.AwardManage)
  @ApiOperation({ summary: 'Publish the results once scoring closed (immutable, hashed); a correction needs a reason' })
  publish(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardEdition')) id: string,
    @Body() dto: PublishResultsDto,
  ): Promise<AwardResults> {
    return this.results.publish(caller, id, dto);
  }

  @Get('award/editions/:id/results')
  @Public()
  @ApiOperation({
    summary: 'The published results: ranking, each criterion’s value, jury averages, the method’s hash (404 before)',
  })
  editionResults(@Param('id', new UuidParamPipe('awardEdition')) id: string): Promise<AwardResults> {
    return this.results.results(id);
  }

  @Get('award/editions/:id/results/export')
  @Public()
  @ApiOperation({ summary: 'The published results as CSV or XLSX, one row per application' })
  async export(
    @Param('id', new UuidParamPipe('awardEdition')) id: string,
    @Query() query: ResultsExportQueryDto,
  ): Promise<StreamableFile> {
    const format = query.format ?? 'csv';
    return tableDownload(await this.results.export(id, format), format, 'marsad-imtiaz-results');
  }

  @Get('award/applications/:id')
  @Authorize()
  @ApiOperation({
    summary: 'An application: coordinators, its administration, or a juror once scoring opens (403 when conflicted)',
  })
  application(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardApplication')) id: string,
  ): Promise<AwardApplicationView> {
    return this.award.application(caller, id);
  }

  @Patch('award/applications/:id')
  @Authorize(Permission.AwardApply)
  @ApiOperation({ summary: 'Change one’s own administration’s application until the deadline (send the version read)' })
  updateApplication(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardApplication')) id: string,
    @Body() dto: UpdateApplicationDto,
  ): Promise<AwardApplicationView> {
    return this.award.updateApplication(caller, id, dto);
  }

  @Post('award/applications/:id/files')
  @Authorize(Permission.AwardApply)
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
  @ApiOperation({
    summary:
      'Attach an evidence file to one’s own administration’s application until the deadline (PDF, image or Office document, ≤ 10 MB, at most 10)',
  })
  addFile(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardApplication')) id: string,
    @UploadedFile() file: FileUpload | undefined,
    @Body() dto: UploadEvidenceDto,
  ): Promise<AwardFileView> {
    return this.files.add(caller, id, file, dto.title);
  }

  @Delete('award/applications/:id/files/:fileId')
  @Authorize(Permission.AwardApply)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an evidence file of one’s own administration’s application until the deadline' })
  removeFile(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardApplication')) id: string,
    @Param('fileId', new UuidParamPipe('awardFile')) fileId: string,
  ): Promise<void> {
    return this.files.remove(caller, id, fileId);
  }

  @Get('award/files/:id')
  @Authorize()
  @ApiOperation({
    summary: 'Download an application’s evidence file: whoever may read the application (403 when conflicted)',
  })
  async file(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardFile')) id: string,
  ): Promise<StreamableFile> {
    const file = await this.files.open(caller, id);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Get('award/applications/:id/scores')
  @Authorize()
  @ApiOperation({ summary: 'The signed-in juror’s own scores of an application (blind to the other jurors)' })
  scores(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardApplication')) id: string,
  ): Promise<JurorScoresView> {
    return this.award.scores(caller, id);
  }

  @Put('award/applications/:id/scores')
  @Authorize()
  @ApiOperation({ summary: 'A juror scores the jury criteria (0–10, with a comment) while scoring is open' })
  setScores(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('awardApplication')) id: string,
    @Body() dto: SetScoresDto,
  ): Promise<JurorScoresView> {
    return this.award.setScores(caller, id, dto);
  }

  @Get('award/applications/:id/jury-scores')
  @Authorize(Permission.AwardManage)
  @ApiOperation({ summary: 'Every juror’s scores of an application, once scoring has closed (coordinators)' })
  juryScores(@Param('id', new UuidParamPipe('awardApplication')) id: string): Promise<JuryScoresView> {
    return this.award.juryScores(id);
  }

  @Get('institutions/:code/award')
  @Public()
  @ApiOperation({ summary: 'An administration’s places in the published results of the Imtiaz award' })
  honours(@Param('code') code: string): Promise<AwardHonour[]> {
    return this.results.honours(code);
  }
}
