import { Controller, Get, HttpCode, Post, Query, Req, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ImportPreview, type ImportResult } from '@marsad/contracts';
import type { Actor, ActorContext } from '../auth/actor';
import { Authorize, Caller, Public, type AuthedRequest } from '../auth/auth.decorators';
import { AppException } from '../common/errors/app-exception';
import { requestLocale } from '../common/i18n/request-locale';
import { CONTENT_TYPES } from '../imports/table-file.util';
import { OfficerExportQueryDto, TableFormatDto } from './dto/officer-export-query.dto';
import { OfficersImportService } from './officers-import.service';

type SignedIn = ActorContext & { actor: Actor };
const FILE_LIMITS = { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 2 } };
const FILE_BODY = { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } };

function download(bytes: Buffer, format: 'xlsx' | 'csv', name: string): StreamableFile {
  return new StreamableFile(bytes, { type: CONTENT_TYPES[format], length: bytes.length, disposition: `attachment; filename="${name}.${format}"` });
}

@ApiTags('officers')
@Controller({ path: 'officers', version: '1' })
export class OfficersImportController {
  constructor(private readonly imports: OfficersImportService) {}

  @Get('import-template')
  @Public()
  @ApiOperation({ summary: 'The spreadsheet template for importing officers (headers in French and Arabic)' })
  async template(@Query() query: TableFormatDto): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return download(await this.imports.template(format), format, 'marsad-officers-template');
  }

  @Post('import/preview')
  @HttpCode(200)
  @Authorize(Permission.OfficerManage)
  @UseInterceptors(FileInterceptor('file', FILE_LIMITS))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: 'Check every row of an XLSX or CSV file and say what it would change; writes nothing' })
  preview(@Caller() caller: ActorContext, @Req() request: AuthedRequest, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<ImportPreview> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    return this.imports.preview(caller as SignedIn, file.buffer, requestLocale(request));
  }

  @Post('import')
  @HttpCode(200)
  @Authorize(Permission.OfficerManage)
  @UseInterceptors(FileInterceptor('file', FILE_LIMITS))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: 'Import the whole file in one transaction, or nothing if any row is invalid; re-importing changes nothing' })
  commit(@Caller() caller: ActorContext, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<ImportResult> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    return this.imports.commit(caller as SignedIn, file.buffer);
  }

  @Get('export')
  @Public()
  @ApiOperation({ summary: 'Officers as XLSX or CSV, filtered; contacts only where the reader may see them' })
  async export(@Caller() caller: ActorContext, @Query() query: OfficerExportQueryDto): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return download(await this.imports.export(caller, format, query), format, 'marsad-officers');
  }
}
