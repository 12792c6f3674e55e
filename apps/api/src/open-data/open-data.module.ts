import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MetricsModule } from '../metrics/metrics.module';
import { OfficersModule } from '../officers/officers.module';
import { PlanModule } from '../plan/plan.module';
import { ReusesModule } from '../reuses/reuses.module';
import { OpenDataTablesService } from './open-data-tables.service';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';

/** The tracker's own open data (issue #16): the DCAT-AP catalogue and its downloads. */
@Module({
  imports: [PlanModule, MetricsModule, OfficersModule, EventsModule, ReusesModule],
  controllers: [OpenDataController],
  providers: [OpenDataService, OpenDataTablesService],
})
export class OpenDataModule {}
