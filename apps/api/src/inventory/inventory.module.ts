import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InventoryItem } from './entities/inventory-item.entity';
import { InventoryImportController } from './inventory-import.controller';
import { InventoryImportService } from './inventory-import.service';
import { InventoryMatchingService } from './inventory-matching.service';
import { InventoryController } from './inventory.controller';
import { InventoryService } from './inventory.service';

/** Measure 6: the data inventory. Exports InventoryMatchingService for the harvester (suggestMatches). */
@Module({
  imports: [TypeOrmModule.forFeature([InventoryItem])],
  controllers: [InventoryImportController, InventoryController],
  providers: [InventoryService, InventoryMatchingService, InventoryImportService],
  exports: [InventoryService, InventoryMatchingService],
})
export class InventoryModule {}
