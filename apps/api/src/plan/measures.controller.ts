import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MeasureDetail } from '@marsad/contracts';
import { Public } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { MeasuresService } from './measures.service';

@ApiTags('plan')
@Controller({ path: 'measures', version: '1' })
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A measure with its activities, milestones and progress updates' })
  get(@Param('id', new UuidParamPipe('measure')) id: string): Promise<MeasureDetail> {
    return this.measures.get(id);
  }
}
