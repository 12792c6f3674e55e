import { DynamicModule, Module } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { PgThrottlerStorage } from './common/http/pg-throttler-storage';
import { CacheInvalidationInterceptor } from './common/cache/cache-invalidation.interceptor';
import { loggerOptions } from './common/logging/logger.options';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions, type DatabaseTarget } from './database/data-source-options';
import { DATABASE_KIND } from './database/database.tokens';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { PUBLIC_COMMENT_LIMITED, PUBLIC_FORM_LIMITED, SIGN_IN_LIMITED } from './auth/auth.decorators';
import { HealthController } from './health/health.controller';
import { InstitutionsModule } from './institutions/institutions.module';
import { InventoryModule } from './inventory/inventory.module';
import { OfficersModule } from './officers/officers.module';
import { MetricsModule } from './metrics/metrics.module';
import { PlanModule } from './plan/plan.module';
import { RoundsModule } from './rounds/rounds.module';
import { HomeModule } from './home/home.module';
import { CommitteeModule } from './committee/committee.module';
import { PortalModule } from './portal/portal.module';
import { SeedModule } from './seed/seed.module';
import { SettingsModule } from './settings/settings.module';
import { StorageModule } from './storage/storage.module';
import { UsersModule } from './users/users.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { EventsModule } from './events/events.module';
import { ReusesModule } from './reuses/reuses.module';
import { CommentsModule } from './comments/comments.module';
import { HackathonsModule } from './hackathons/hackathons.module';
import { AwardModule } from './award/award.module';
import { OpenDataModule } from './open-data/open-data.module';
import { PageMetaModule } from './page-meta/page-meta.module';
import {
  isAnonymousRead,
  MarsadThrottlerGuard,
  perClientKey,
  PUBLIC_READS,
  PUBLIC_READS_TTL_MS,
} from './open-data/public-api';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget): DynamicModule {
    // The web app itself is served by installWebDelivery (common/http/web-delivery.ts).
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot(dataSourceOptions(database)),
        // Counters in PostgreSQL, shared by every instance (see docs/deployment.md); the embedded
        // database serves one process only, so it counts in memory.
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
            storage: database.kind === 'postgres' ? new PgThrottlerStorage(dataSource) : undefined,
            throttlers: [
              {
                name: 'sign-in',
                ttl: 60_000,
                limit: config.signInRateLimit,
                skipIf: (context) => !Reflect.getMetadata(SIGN_IN_LIMITED, context.getHandler()),
              },
              {
                name: 'public-forms',
                ttl: 3_600_000,
                limit: config.publicFormRateLimit,
                skipIf: (context) => !Reflect.getMetadata(PUBLIC_FORM_LIMITED, context.getHandler()),
              },
              {
                name: 'public-comments',
                ttl: 60_000,
                limit: config.publicCommentRateLimit,
                skipIf: (context) => !Reflect.getMetadata(PUBLIC_COMMENT_LIMITED, context.getHandler()),
                // One counter per client for comments on measures and activities alike (not one per route).
                generateKey: (_context, tracker, name) =>
                  createHash('sha256').update(`${name}-${tracker}`).digest('hex'),
              },
              {
                // Anonymous GET/HEAD per client IP across the whole API, announced in RateLimit-* headers.
                name: PUBLIC_READS,
                ttl: PUBLIC_READS_TTL_MS,
                limit: config.publicReadRateLimit,
                skipIf: (context) => !isAnonymousRead(context),
                generateKey: perClientKey,
              },
              {
                name: 'writes',
                ttl: 60_000,
                limit: config.writeRateLimit,
                skipIf: (context) => ['GET', 'HEAD', 'OPTIONS'].includes(context.switchToHttp().getRequest().method),
              },
            ],
          }),
        }),
        StorageModule,
        SettingsModule,
        AuditModule,
        NotificationsModule,
        AuthModule,
        UsersModule,
        InstitutionsModule,
        PlanModule,
        RoundsModule,
        HomeModule,
        CommitteeModule,
        OfficersModule,
        InventoryModule,
        MetricsModule,
        PortalModule,
        RemindersModule,
        EventsModule,
        ReusesModule,
        CommentsModule,
        HackathonsModule,
        AwardModule,
        OpenDataModule,
        PageMetaModule,
        SeedModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: MarsadThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: CacheInvalidationInterceptor },
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_KIND, useValue: database.kind },
      ],
      exports: [APP_CONFIG, DATABASE_KIND],
    };
  }
}
