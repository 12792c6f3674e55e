import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InstitutionRef } from '@marsad/contracts';
import { Public } from '../auth/auth.decorators';
import { InstitutionsService } from './institutions.service';

@ApiTags('institutions')
@Controller({ path: 'institutions', version: '1' })
export class InstitutionsController {
  constructor(private readonly service: InstitutionsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Institutions that lead or contribute to the plan (public reference data)' })
  list(): Promise<{ items: InstitutionRef[]; total: number }> {
    return this.service.list();
  }
}
