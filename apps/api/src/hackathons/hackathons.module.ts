import { Module } from '@nestjs/common';
import { ReusesModule } from '../reuses/reuses.module';
import { HackathonsController } from './hackathons.controller';
import { HackathonsService } from './hackathons.service';

/** Hackathons and competitions (measure 12): challenges, teams, submissions, the jury's results. */
@Module({
  imports: [ReusesModule],
  controllers: [HackathonsController],
  providers: [HackathonsService],
  exports: [HackathonsService],
})
export class HackathonsModule {}
