import { Module } from '@nestjs/common';
import { PortalDatasetsService } from '../portal/portal-datasets.service';
import { MetricsController } from './metrics.controller';
import { MetricsExportService } from './metrics-export.service';
import { MetricsQueryService } from './metrics-query.service';
import { MetricsService } from './metrics.service';

@Module({
  controllers: [MetricsController],
  providers: [MetricsService, MetricsQueryService, MetricsExportService, PortalDatasetsService],
  exports: [MetricsService, MetricsQueryService, PortalDatasetsService],
})
export class MetricsModule {}
