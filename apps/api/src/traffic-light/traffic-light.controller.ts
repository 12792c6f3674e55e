import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TrafficLightReport } from '@marsad/contracts';
import { Public } from '../auth/auth.decorators';
import { TrafficLightService } from './traffic-light.service';

@ApiTags('institutions')
@Controller({ path: 'institutions', version: '1' })
export class TrafficLightController {
  constructor(private readonly service: TrafficLightService) {}

  @Get(':code/traffic-light')
  @Public()
  @ApiOperation({
    summary: "An administration's traffic light: green, amber, red or grey (not measured), and why",
    description:
      'From the share of the plan activities it leads that are late, its punctuality in the last closed reporting round and its publication score in the newest snapshot; each input with its value, source and date. The registry list carries the light of each row (`trafficLight`).',
  })
  get(@Param('code') code: string): Promise<TrafficLightReport> {
    return this.service.of(code);
  }
}
