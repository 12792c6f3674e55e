import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { HarvestRunsService } from './harvest-runs.service';
import { HarvestService } from './harvest.service';
import { PortalController } from './portal.controller';
import { PortalOrganizationsService } from './portal-organizations.service';
import { PortalSource } from './portal-source';

@Module({
  imports: [MetricsModule, InventoryModule],
  controllers: [PortalController],
  providers: [PortalSource, HarvestService, HarvestRunsService, PortalOrganizationsService],
  exports: [HarvestService, HarvestRunsService, PortalSource],
})
export class PortalModule {}
