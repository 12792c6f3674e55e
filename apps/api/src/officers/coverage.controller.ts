import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CoverageReport } from '@marsad/contracts';
import { Public } from '../auth/auth.decorators';
import { CoverageService } from './coverage.service';
import { CoverageQueryDto } from './dto/coverage-query.dto';

@ApiTags('officers')
@Controller({ path: 'coverage', version: '1' })
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Share of administrations with an active ROD, GdD or both, by type and region; vacancies; appointments per month',
  })
  report(@Query() query: CoverageQueryDto): Promise<CoverageReport> {
    return this.coverage.report(query);
  }
}
