import { Module } from '@nestjs/common';
import { TrafficLightController } from './traffic-light.controller';
import { TrafficLightService } from './traffic-light.service';

@Module({
  controllers: [TrafficLightController],
  providers: [TrafficLightService],
  exports: [TrafficLightService],
})
export class TrafficLightModule {}
