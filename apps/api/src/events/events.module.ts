import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { FeedbackService } from './feedback.service';
import { ReachService } from './reach.service';
import { SignInSheetService } from './sign-in-sheet.service';

@Module({
  controllers: [EventsController],
  providers: [EventsService, ReachService, FeedbackService, SignInSheetService],
  exports: [EventsService, ReachService, FeedbackService],
})
export class EventsModule {}
