import { Module } from '@nestjs/common';
import { CommitteeModule } from '../committee/committee.module';
import { RoundsModule } from '../rounds/rounds.module';
import { RemindersService } from './reminders.service';

@Module({
  imports: [RoundsModule, CommitteeModule],
  providers: [RemindersService],
  exports: [RemindersService],
})
export class RemindersModule {}
