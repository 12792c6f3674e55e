import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type EmailState,
  type NotificationPage,
  type NotificationPreferenceView,
  type NotificationView,
  type OutboxSummary,
  type UnreadCount,
  type UnsubscribeView,
} from '@marsad/contracts';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { InboxQueryDto, OutboxQueryDto, UnsubscribeQueryDto, UpdatePreferencesDto } from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller({ path: 'notifications', version: '1' })
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authorize()
  @ApiOperation({ summary: "The caller's inbox, the newest first, with the unread count" })
  inbox(@SignedInCaller() caller: SignedInContext, @Query() query: InboxQueryDto): Promise<NotificationPage> {
    return this.notifications.inbox(caller, {
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
      unread: query.unread,
    });
  }

  @Get('unread-count')
  @Authorize()
  @ApiOperation({ summary: 'How many of the caller’s messages are unread (the bell)' })
  unreadCount(@SignedInCaller() caller: SignedInContext): Promise<UnreadCount> {
    return this.notifications.unreadCount(caller);
  }

  @Post('read-all')
  @Authorize()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all the caller’s messages read' })
  readAll(@SignedInCaller() caller: SignedInContext): Promise<{ updated: number }> {
    return this.notifications.markAllRead(caller);
  }

  @Get('preferences')
  @Authorize()
  @ApiOperation({ summary: 'How the caller receives each category by e-mail: immediately, daily, weekly or off' })
  preferences(@SignedInCaller() caller: SignedInContext): Promise<NotificationPreferenceView[]> {
    return this.notifications.preferences(caller.actor.userId);
  }

  @Put('preferences')
  @Authorize()
  @ApiOperation({ summary: 'Change some categories; security messages (account) are always sent at once' })
  updatePreferences(
    @SignedInCaller() caller: SignedInContext,
    @Body() dto: UpdatePreferencesDto,
  ): Promise<NotificationPreferenceView[]> {
    return this.notifications.updatePreferences(caller, dto);
  }

  @Get('unsubscribe')
  @Public()
  @ApiOperation({ summary: 'What an unsubscribe link stands for (no sign-in; nothing changes)' })
  unsubscribeView(@Query() query: UnsubscribeQueryDto): Promise<UnsubscribeView> {
    return this.notifications.unsubscribeView(query.token);
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'One click, no sign-in: stop e-mails of the link’s category (RFC 8058 List-Unsubscribe-Post); other categories are untouched',
  })
  unsubscribe(@Caller() caller: ActorContext, @Query() query: UnsubscribeQueryDto): Promise<UnsubscribeView> {
    return this.notifications.unsubscribe(caller, query.token);
  }

  @Get('outbox')
  @Authorize(Permission.MailManage)
  @ApiOperation({ summary: 'The e-mail outbox: what waits, was sent or failed, and whether SMTP is configured' })
  outbox(@Query() query: OutboxQueryDto): Promise<OutboxSummary> {
    return this.notifications.outbox({ state: query.state, page: query.page ?? 1, pageSize: query.pageSize ?? 50 });
  }

  @Post('outbox/:id/retry')
  @Authorize(Permission.MailManage)
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed e-mail again' })
  retry(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('notification')) id: string,
  ): Promise<{ id: string; state: EmailState }> {
    return this.notifications.retry(caller, id);
  }

  @Post(':id/read')
  @Authorize()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of the caller’s messages read' })
  read(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('notification')) id: string,
  ): Promise<NotificationView> {
    return this.notifications.markRead(caller, id);
  }
}
