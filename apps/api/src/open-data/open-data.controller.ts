import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { OpenDataCatalogue, OpenDataDataset } from '@marsad/contracts';
import { Public } from '../auth/auth.decorators';
import { OpenDataDownloadQueryDto } from './dto/open-data.dto';
import { OpenDataService } from './open-data.service';

@ApiTags('open-data')
@Controller({ version: '1' })
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('catalog')
  @Public()
  @Header('Content-Type', 'application/ld+json')
  @ApiProduces('application/ld+json')
  @ApiOperation({
    summary: 'The DCAT-AP catalogue of Marsad’s open data (JSON-LD)',
    description:
      'A dcat:Catalog published by ADD; each dcat:Dataset has titles and descriptions in ar, fr and en, dct:modified (the newest change of its data), an EU dct:accrualPeriodicity and one dcat:Distribution per format (CSV, JSON, XLSX) with an absolute dcat:downloadURL on PUBLIC_URL. Weak ETag: If-None-Match answers 304.',
  })
  catalog(): Promise<Record<string, unknown>> {
    return this.openData.catalogue();
  }

  @Get('open-data')
  @Public()
  @ApiOperation({ summary: 'The same datasets as plain JSON, for the open-data page' })
  list(): Promise<OpenDataCatalogue> {
    return this.openData.list();
  }

  @Get('open-data/:dataset')
  @Public()
  @ApiOperation({ summary: 'One dataset of the catalogue: what it holds, its columns and its downloads' })
  dataset(@Param('dataset') dataset: string): Promise<OpenDataDataset> {
    return this.openData.dataset(dataset);
  }

  @Get('open-data/:dataset/download')
  @Public()
  @ApiProduces('text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({
    summary: 'A dataset as CSV (UTF-8 with BOM), JSON or XLSX; every row says its source and as of when',
  })
  download(@Param('dataset') dataset: string, @Query() query: OpenDataDownloadQueryDto): Promise<StreamableFile> {
    return this.openData.download(dataset, query.format ?? 'csv');
  }
}
