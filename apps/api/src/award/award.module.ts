import { Module } from '@nestjs/common';
import { ReusesModule } from '../reuses/reuses.module';
import { AwardFilesService } from './award-files.service';
import { AwardFreezeService } from './award-freeze.service';
import { AwardResultsService } from './award-results.service';
import { AwardController } from './award.controller';
import { AwardService } from './award.service';

/** The Imtiaz award's open-data category (measure 10): editions, applications, the jury, the published ranking. */
@Module({
  imports: [ReusesModule],
  controllers: [AwardController],
  providers: [AwardService, AwardResultsService, AwardFreezeService, AwardFilesService],
  exports: [AwardService, AwardResultsService, AwardFreezeService],
})
export class AwardModule {}
