import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { OfficersModule } from '../officers/officers.module';
import { PlanModule } from '../plan/plan.module';
import { MeetingPackService } from './pack/meeting-pack.service';
import { PdfRenderer } from './pack/pdf-renderer';
import { ActionItemsService } from './action-items.service';
import { CommitteeMembersService } from './committee-members.service';
import { CommitteeController } from './committee.controller';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [PlanModule, MetricsModule, OfficersModule],
  controllers: [CommitteeController],
  providers: [CommitteeMembersService, MeetingsService, ActionItemsService, MeetingPackService, PdfRenderer],
  exports: [CommitteeMembersService, MeetingsService, ActionItemsService],
})
export class CommitteeModule {}
