import { Module } from '@nestjs/common';
import { InstitutionsModule } from '../institutions/institutions.module';
import { DemoSeedService } from './demo-seed.service';
import { ReferenceSeedService } from './reference-seed.service';

@Module({
  imports: [InstitutionsModule],
  providers: [ReferenceSeedService, DemoSeedService],
  exports: [ReferenceSeedService, DemoSeedService],
})
export class SeedModule {}
