import { Controller, Get, HttpCode, Post, Query, Req, StreamableFile, UploadedFile } from '@nestjs/common';
import { AcceptsFile } from '../common/http/accepts-file';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ImportPreview, type ImportResult } from '@marsad/contracts';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller, type AuthedRequest } from '../auth/auth.decorators';
import { AppException } from '../common/errors/app-exception';
import { requestLocale } from '../common/i18n/request-locale';
import { TABLE_UPLOAD_BODY, TABLE_UPLOAD_LIMITS, tableDownload } from '../imports/table-file.util';
import { OfficerExportQueryDto, TableFormatDto } from './dto/officer-export-query.dto';
import { OfficersImportService } from './officers-import.service';

@ApiTags('officers')
@Controller({ path: 'officers', version: '1' })
export class OfficersImportController {
  constructor(private readonly imports: OfficersImportService) {}

  @Get('import-template')
  @Public()
  @ApiOperation({ summary: 'The spreadsheet template for importing officers (headers in French and Arabic)' })
  async template(@Query() query: TableFormatDto): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return tableDownload(await this.imports.template(format), format, 'marsad-officers-template');
  }

  @Post('import/preview')
  @HttpCode(200)
  @Authorize(Permission.OfficerManage)
  @AcceptsFile(TABLE_UPLOAD_LIMITS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(TABLE_UPLOAD_BODY)
  @ApiOperation({ summary: 'Check every row of an XLSX or CSV file and say what it would change; writes nothing' })
  preview(
    @SignedInCaller() caller: SignedInContext,
    @Req() request: AuthedRequest,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<ImportPreview> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    return this.imports.preview(caller, file.buffer, requestLocale(request));
  }

  @Post('import')
  @HttpCode(200)
  @Authorize(Permission.OfficerManage)
  @AcceptsFile(TABLE_UPLOAD_LIMITS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(TABLE_UPLOAD_BODY)
  @ApiOperation({
    summary: 'Import the whole file in one transaction, or nothing if any row is invalid; re-importing changes nothing',
  })
  commit(
    @SignedInCaller() caller: SignedInContext,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<ImportResult> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    return this.imports.commit(caller, file.buffer);
  }

  @Get('export')
  @Public()
  @ApiOperation({ summary: 'Officers as XLSX or CSV, filtered; contacts only where the reader may see them' })
  async export(@Caller() caller: ActorContext, @Query() query: OfficerExportQueryDto): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return tableDownload(await this.imports.export(caller, format, query), format, 'marsad-officers');
  }
}
