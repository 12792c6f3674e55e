import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type HarvestRunView,
  type Page,
  type PortalDatasetView,
  type PortalOrganizationView,
  type PortalStatus,
} from '@marsad/contracts';
import type { ActorContext } from '../auth/actor';
import { Authorize, Caller, Public } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import {
  MapOrganizationDto,
  PageQueryDto,
  PortalDatasetQueryDto,
  PortalOrganizationQueryDto,
  StartHarvestDto,
} from './dto/portal.dto';
import { HarvestRunsService } from './harvest-runs.service';
import { PortalDatasetsService } from './portal-datasets.service';
import { PortalOrganizationsService } from './portal-organizations.service';

@ApiTags('portal')
@Controller({ path: 'portal', version: '1' })
export class PortalController {
  constructor(
    private readonly runs: HarvestRunsService,
    private readonly datasets: PortalDatasetsService,
    private readonly organizations: PortalOrganizationsService,
  ) {}

  @Get('status')
  @Public()
  @ApiOperation({ summary: 'Which portal is harvested, when next, and the last good run the figures come from' })
  status(): Promise<PortalStatus> {
    return this.runs.status();
  }

  @Get('runs')
  @Authorize(Permission.AuditRead)
  @ApiOperation({ summary: 'Harvest runs, newest first: pages, datasets seen/new/updated/deleted, issues' })
  listRuns(@Query() query: PageQueryDto): Promise<Page<HarvestRunView>> {
    return this.runs.list(query.page, query.pageSize);
  }

  @Get('runs/:id')
  @Authorize(Permission.AuditRead)
  @ApiOperation({ summary: 'One harvest run, with its issues' })
  run(@Param('id', new UuidParamPipe('harvestRun')) id: string): Promise<HarvestRunView> {
    return this.runs.get(id);
  }

  @Post('runs')
  @HttpCode(202)
  @Authorize(Permission.PortalManage)
  @ApiOperation({
    summary: 'Start a harvest now (coordinators); 409 when one is running. Answers at once; poll the run.',
  })
  start(@Caller() caller: ActorContext, @Body() dto: StartHarvestDto): Promise<HarvestRunView> {
    return this.runs.startInBackground(dto.mode, caller);
  }

  @Get('organizations')
  @Public()
  @ApiOperation({
    summary: 'Portal organisations and the administration each is mapped to (mapped=false: those left to map)',
  })
  listOrganizations(@Query() query: PortalOrganizationQueryDto): Promise<Page<PortalOrganizationView>> {
    return this.organizations.list(query);
  }

  @Put('organizations/:name/institution')
  @Authorize(Permission.PortalManage)
  @ApiOperation({ summary: 'Map a portal organisation to an administration, or unmap it with null (coordinators)' })
  map(
    @Caller() caller: ActorContext,
    @Param('name') name: string,
    @Body() dto: MapOrganizationDto,
  ): Promise<PortalOrganizationView> {
    return this.organizations.map(caller, name, dto.institutionCode);
  }

  @Get('datasets')
  @Public()
  @ApiOperation({
    summary: 'Harvested datasets with normalised formats, declared frequency, freshness today, stars and completeness',
  })
  listDatasets(@Query() query: PortalDatasetQueryDto): Promise<Page<PortalDatasetView>> {
    return this.datasets.list(query);
  }
}
