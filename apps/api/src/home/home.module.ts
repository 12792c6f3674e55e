import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { OfficersModule } from '../officers/officers.module';
import { PlanModule } from '../plan/plan.module';
import { RoundsModule } from '../rounds/rounds.module';
import { CommitteeModule } from '../committee/committee.module';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

@Module({
  imports: [PlanModule, RoundsModule, MetricsModule, OfficersModule, CommitteeModule],
  controllers: [HomeController],
  providers: [HomeService],
})
export class HomeModule {}
