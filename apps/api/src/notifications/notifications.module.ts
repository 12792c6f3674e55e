import { Global, Module } from '@nestjs/common';
import { DeliveryService } from './delivery.service';
import { MailTransport } from './mail-transport';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** The outbox, the inbox and the e-mail worker; global, since every feature's events notify. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, DeliveryService, MailTransport, UnsubscribeTokens],
  exports: [NotificationsService, DeliveryService, UnsubscribeTokens],
})
export class NotificationsModule {}
