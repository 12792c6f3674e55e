import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { loggerOptions } from './common/logging/logger.options';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions, type DatabaseTarget } from './database/data-source-options';
import { DATABASE_KIND } from './database/database.tokens';
import { HealthController } from './health/health.controller';
import { InstitutionsModule } from './institutions/institutions.module';
import { PlanModule } from './plan/plan.module';
import { SeedModule } from './seed/seed.module';
import { SettingsModule } from './settings/settings.module';
import { StorageModule } from './storage/storage.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget): DynamicModule {
    const serveWeb = existsSync(config.webDist);
    if (!serveWeb && config.env !== 'test') {
      new Logger('Web').warn(`No web build at ${config.webDist}: serving the API only (run \`npm run build\`).`);
    }
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot(dataSourceOptions(database)),
        ...(serveWeb
          ? [ServeStaticModule.forRoot({ rootPath: config.webDist, exclude: ['/api/{*path}'], serveStaticOptions: { maxAge: '1h' } })]
          : []),
        StorageModule,
        SettingsModule,
        InstitutionsModule,
        PlanModule,
        SeedModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_KIND, useValue: database.kind },
      ],
      exports: [APP_CONFIG, DATABASE_KIND],
    };
  }
}
