import { Module } from '@nestjs/common';
import { ReusesController } from './reuses.controller';
import { ReusesService } from './reuses.service';

/** Reuses of the portal's data (measure 11): proposed by anyone, moderated by coordinators, shown in the showcase. */
@Module({
  controllers: [ReusesController],
  providers: [ReusesService],
  exports: [ReusesService],
})
export class ReusesModule {}
