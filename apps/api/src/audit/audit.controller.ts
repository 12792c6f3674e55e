import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type AuditEventView, type Page } from '@marsad/contracts';
import { Authorize } from '../auth/auth.decorators';
import { AuditQueryDto } from './audit-query.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller({ path: 'audit-events', version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authorize(Permission.AuditRead)
  @ApiOperation({ summary: 'The audit trail, newest first, filtered by entity, actor, institution and dates' })
  search(@Query() query: AuditQueryDto): Promise<Page<AuditEventView>> {
    return this.audit.search(query);
  }
}
