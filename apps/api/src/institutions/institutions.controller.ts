import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InstitutionDetail, InstitutionSummary, Page } from '@marsad/contracts';
import { Public } from '../auth/auth.decorators';
import { InstitutionQueryDto } from './dto/institution-query.dto';
import { InstitutionsService } from './institutions.service';

@ApiTags('institutions')
@Controller({ path: 'institutions', version: '1' })
export class InstitutionsController {
  constructor(private readonly service: InstitutionsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The registry of administrations (public reference data), paged and searchable',
    description: 'Search ignores case, accents, Arabic diacritics and hamza/alef variants: «الرباط» and «fes» both work.',
  })
  list(@Query() query: InstitutionQueryDto): Promise<Page<InstitutionSummary>> {
    return this.service.list(query);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One administration by its code (e.g. ADD, HCP, 04.421)' })
  get(@Param('code') code: string): Promise<InstitutionDetail> {
    return this.service.get(code);
  }
}
