import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { ReachService } from './reach.service';

@Module({
  controllers: [EventsController],
  providers: [EventsService, ReachService],
  exports: [EventsService, ReachService],
})
export class EventsModule {}
