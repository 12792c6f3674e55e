import { Controller, Get, HttpCode, Post, Query, Req, StreamableFile, UploadedFile } from '@nestjs/common';
import { AcceptsFile } from '../common/http/accepts-file';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ImportPreview, type ImportResult } from '@marsad/contracts';
import type { SignedInContext } from '../auth/actor';
import { Authorize, Public, SignedInCaller, type AuthedRequest } from '../auth/auth.decorators';
import { AppException } from '../common/errors/app-exception';
import { requestLocale } from '../common/i18n/request-locale';
import { TABLE_UPLOAD_BODY, TABLE_UPLOAD_LIMITS, tableDownload } from '../imports/table-file.util';
import { TableFormatDto } from '../officers/dto/officer-export-query.dto';
import { InstitutionExportQueryDto } from './dto/institution-query.dto';
import { InstitutionsImportService } from './institutions-import.service';

// Registered before InstitutionsController, so /institutions/export is not read as a code.
@ApiTags('institutions')
@Controller({ path: 'institutions', version: '1' })
export class InstitutionsImportController {
  constructor(private readonly imports: InstitutionsImportService) {}

  @Get('import-template')
  @Public()
  @ApiOperation({ summary: 'The spreadsheet template for importing administrations (headers in French and Arabic)' })
  async template(@Query() query: TableFormatDto): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return tableDownload(await this.imports.template(format), format, 'marsad-administrations-template');
  }

  @Get('export')
  @Public()
  @ApiOperation({ summary: 'The registry, filtered like the list, as XLSX or CSV (public reference data)' })
  async export(@Query() query: InstitutionExportQueryDto): Promise<StreamableFile> {
    const chosen = query.format ?? 'xlsx';
    return tableDownload(await this.imports.export(chosen, query), chosen, 'marsad-administrations');
  }

  @Post('import/preview')
  @HttpCode(200)
  @Authorize(Permission.InstitutionManage)
  @AcceptsFile(TABLE_UPLOAD_LIMITS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(TABLE_UPLOAD_BODY)
  @ApiOperation({ summary: 'Check every row of an administrations file and say what it would change; writes nothing' })
  preview(@Req() request: AuthedRequest, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<ImportPreview> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    return this.imports.preview(file.buffer, requestLocale(request));
  }

  @Post('import')
  @HttpCode(200)
  @Authorize(Permission.InstitutionManage)
  @AcceptsFile(TABLE_UPLOAD_LIMITS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(TABLE_UPLOAD_BODY)
  @ApiOperation({ summary: 'Import administrations keyed on their code, in one transaction or not at all' })
  commit(
    @SignedInCaller() caller: SignedInContext,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<ImportResult> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    return this.imports.commit(caller, file.buffer);
  }
}
