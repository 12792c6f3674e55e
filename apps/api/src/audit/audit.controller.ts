import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type AuditEventView, type Page } from '@marsad/contracts';
import type { ActorContext } from '../auth/actor';
import { Authorize, Caller } from '../auth/auth.decorators';
import { AuditQueryDto } from './audit-query.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller({ path: 'audit-events', version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authorize(Permission.AuditRead)
  @ApiOperation({
    summary: 'The audit trail, newest first, filtered by entity, actor, institution and dates',
    description:
      'Personal data is redacted ("[redacted]") for readers who may not see it: officers\' contacts follow the officers\' own views, ' +
      "an account's email is for admins and its holder, the IP address and user agent for admins and the person who made the request.",
  })
  search(@Query() query: AuditQueryDto, @Caller() caller: ActorContext): Promise<Page<AuditEventView>> {
    return this.audit.search(query, caller.actor);
  }
}
