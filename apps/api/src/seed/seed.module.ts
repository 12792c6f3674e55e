import { Module } from '@nestjs/common';
import { DemoSeedService } from './demo-seed.service';
import { ReferenceSeedService } from './reference-seed.service';

@Module({ providers: [ReferenceSeedService, DemoSeedService], exports: [ReferenceSeedService, DemoSeedService] })
export class SeedModule {}
