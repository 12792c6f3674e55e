import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { HarvestRunLifecycleService } from './harvest-run-lifecycle.service';
import { HarvestRunsService } from './harvest-runs.service';
import { HarvestStagingStore } from './harvest-staging.store';
import { HarvestService } from './harvest.service';
import { PortalController } from './portal.controller';
import { PortalOrganizationsService } from './portal-organizations.service';
import { PortalSource } from './portal-source';

@Module({
  imports: [MetricsModule, InventoryModule],
  controllers: [PortalController],
  providers: [
    PortalSource,
    HarvestRunLifecycleService,
    HarvestStagingStore,
    HarvestService,
    HarvestRunsService,
    PortalOrganizationsService,
  ],
  exports: [HarvestService, HarvestRunsService, PortalSource],
})
export class PortalModule {}
