import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrafficLightModule } from '../traffic-light/traffic-light.module';
import { DivisionsImportService } from './divisions-import.service';
import { Institution } from './entities/institution.entity';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsAdminService } from './institutions-admin.service';
import { InstitutionsImportController } from './institutions-import.controller';
import { InstitutionsImportService } from './institutions-import.service';
import { InstitutionsService } from './institutions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Institution]), TrafficLightModule],
  controllers: [InstitutionsImportController, InstitutionsController],
  providers: [InstitutionsService, InstitutionsAdminService, InstitutionsImportService, DivisionsImportService],
  exports: [InstitutionsService, DivisionsImportService],
})
export class InstitutionsModule {}
