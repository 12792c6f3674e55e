import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type InstitutionDetail, type InstitutionListItem, type Page } from '@marsad/contracts';
import type { SignedInContext } from '../auth/actor';
import { Authorize, Public, SignedInCaller } from '../auth/auth.decorators';
import { CreateInstitutionDto, UpdateInstitutionDto } from './dto/institution-write.dto';
import { InstitutionsAdminService } from './institutions-admin.service';
import { InstitutionQueryDto } from './dto/institution-query.dto';
import { InstitutionsService } from './institutions.service';

@ApiTags('institutions')
@Controller({ path: 'institutions', version: '1' })
export class InstitutionsController {
  constructor(
    private readonly service: InstitutionsService,
    private readonly admin: InstitutionsAdminService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The registry of administrations (public reference data), paged and searchable',
    description:
      'Search ignores case, accents, Arabic diacritics and hamza/alef variants: «الرباط» and «fes» both work. Each row says whether a ROD and a GdD are in office (`hasRod`, `hasGdd`) and carries its traffic light (`trafficLight`: light, reasons, as of; every input at GET /institutions/:code/traffic-light).',
  })
  list(@Query() query: InstitutionQueryDto): Promise<Page<InstitutionListItem>> {
    return this.service.list(query);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One administration by its code (e.g. ADD, HCP, 04.421)' })
  get(@Param('code') code: string): Promise<InstitutionDetail> {
    return this.service.get(code);
  }

  @Post()
  @Authorize(Permission.InstitutionManage)
  @ApiOperation({ summary: 'Add an administration to the registry (coordinators)' })
  create(@SignedInCaller() caller: SignedInContext, @Body() dto: CreateInstitutionDto): Promise<InstitutionDetail> {
    return this.admin.create(caller, dto);
  }

  @Patch(':code')
  @Authorize(Permission.InstitutionManage)
  @ApiOperation({
    summary:
      'Correct an administration: names, type, parent, region, website, portal name, active (send the version you read)',
  })
  update(
    @SignedInCaller() caller: SignedInContext,
    @Param('code') code: string,
    @Body() dto: UpdateInstitutionDto,
  ): Promise<InstitutionDetail> {
    return this.admin.update(caller, code, dto);
  }
}
