import { Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type InstitutionMetrics,
  type NationalMetrics,
  type Page,
  type RankingEntry,
} from '@marsad/contracts';
import { Authorize, Public } from '../auth/auth.decorators';
import { RankingExportQueryDto, RankingQueryDto } from './dto/ranking-query.dto';
import { MetricsExportService } from './metrics-export.service';
import { MetricsQueryService } from './metrics-query.service';
import { MetricsService } from './metrics.service';
import { tableDownload } from '../imports/table-file.util';

@ApiTags('metrics')
@Controller({ version: '1' })
export class MetricsController {
  constructor(
    private readonly query: MetricsQueryService,
    private readonly metrics: MetricsService,
    private readonly exports: MetricsExportService,
  ) {}

  @Get('metrics/national')
  @Public()
  @ApiOperation({
    summary: 'National publication figures: totals, score distribution, top and bottom, by type and region, history',
  })
  national(): Promise<NationalMetrics> {
    return this.query.national();
  }

  @Get('metrics/rankings')
  @Public()
  @ApiOperation({ summary: 'Administrations by publication score (competition ranking: ties share a rank)' })
  rankings(@Query() query: RankingQueryDto): Promise<Page<RankingEntry>> {
    return this.query.rankings(query);
  }

  @Get('metrics/rankings/export')
  @Public()
  @ApiOperation({ summary: 'The rankings, filtered like the list, as CSV or XLSX' })
  async export(@Query() query: RankingExportQueryDto): Promise<StreamableFile> {
    const format = query.format ?? 'csv';
    return tableDownload(await this.exports.rankings(format, query), format, 'marsad-publication-scores');
  }

  @Post('metrics/recompute')
  @HttpCode(200)
  @Authorize(Permission.PortalManage)
  @ApiOperation({ summary: "Recompute today's figures from the harvested data (e.g. after inventory changes)" })
  recompute(): Promise<{ institutions: number; day: string }> {
    return this.metrics.recomputeNow();
  }

  @Get('institutions/:code/metrics')
  @Public()
  @ApiOperation({ summary: "An administration's scorecard: figures, score breakdown, rank, history, overdue datasets" })
  institution(@Param('code') code: string): Promise<InstitutionMetrics> {
    return this.query.institution(code);
  }
}
