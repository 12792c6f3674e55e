import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OfficerAppointment } from './entities/officer-appointment.entity';
import { CoverageController } from './coverage.controller';
import { CoverageService } from './coverage.service';
import { OfficersImportController } from './officers-import.controller';
import { OfficersImportService } from './officers-import.service';
import { OfficersController } from './officers.controller';
import { OfficersService } from './officers.service';

@Module({
  imports: [TypeOrmModule.forFeature([OfficerAppointment])],
  controllers: [OfficersImportController, OfficersController, CoverageController],
  providers: [OfficersService, CoverageService, OfficersImportService],
  exports: [CoverageService],
})
export class OfficersModule {}
