import { Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile, UploadedFile } from '@nestjs/common';
import { AcceptsFile } from '../common/http/accepts-file';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ImportPreview, type ImportResult } from '@marsad/contracts';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller, type AuthedRequest } from '../auth/auth.decorators';
import { AppException } from '../common/errors/app-exception';
import { requestLocale } from '../common/i18n/request-locale';
import { TABLE_UPLOAD_BODY, TABLE_UPLOAD_LIMITS, tableDownload } from '../imports/table-file.util';
import { TableFormatDto } from '../officers/dto/officer-export-query.dto';
import { InventoryExportQueryDto } from './dto/inventory.dto';
import { InventoryImportService } from './inventory-import.service';

// Registered before InventoryController, so /inventory/import-template is not read as an id.
@ApiTags('inventory')
@Controller({ version: '1' })
export class InventoryImportController {
  constructor(private readonly imports: InventoryImportService) {}

  @Get('inventory/import-template')
  @Public()
  @ApiOperation({ summary: 'The spreadsheet template for importing an inventory (headers in French and Arabic)' })
  async template(@Query() query: TableFormatDto): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return tableDownload(await this.imports.template(format), format, 'marsad-inventory-template');
  }

  @Post('institutions/:code/inventory/import/preview')
  @HttpCode(200)
  @Authorize(Permission.InventoryManage)
  @AcceptsFile(TABLE_UPLOAD_LIMITS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(TABLE_UPLOAD_BODY)
  @ApiOperation({
    summary: "Check every row of an administration's inventory file and say what it would change; writes nothing",
  })
  preview(
    @SignedInCaller() caller: SignedInContext,
    @Req() request: AuthedRequest,
    @Param('code') code: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<ImportPreview> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    return this.imports.preview(caller, code, file.buffer, requestLocale(request));
  }

  @Post('institutions/:code/inventory/import')
  @HttpCode(200)
  @Authorize(Permission.InventoryManage)
  @AcceptsFile(TABLE_UPLOAD_LIMITS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(TABLE_UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Import inventory items keyed on their reference, in one transaction or not at all; re-importing changes nothing',
  })
  commit(
    @SignedInCaller() caller: SignedInContext,
    @Param('code') code: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<ImportResult> {
    if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    return this.imports.commit(caller, code, file.buffer);
  }

  @Get('institutions/:code/inventory/export')
  @Public()
  @ApiOperation({
    summary: "An administration's inventory as XLSX or CSV, filtered like the list; public items only for outsiders",
  })
  async export(
    @Caller() caller: ActorContext,
    @Param('code') code: string,
    @Query() query: InventoryExportQueryDto,
  ): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return tableDownload(await this.imports.export(caller, code, format, query), format, `marsad-inventory-${code}`);
  }
}
