import { Controller, Get, Inject, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SystemHealth } from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE_KIND } from '../database/database.tokens';
import type { DatabaseKind } from '../database/data-source-options';
import { Public } from '../auth/auth.decorators';
import { SettingsService } from '../settings/settings.service';

@ApiTags('system')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and which database is in use' })
  async health(): Promise<SystemHealth> {
    await this.dataSource.query('SELECT 1');
    return {
      status: 'ok',
      database: this.databaseKind,
      version: this.config.version,
      demo: await this.settings.demoLoaded(),
    };
  }
}
