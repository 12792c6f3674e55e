import {
  Logger as NestLogger,
  ValidationPipe,
  VersioningType,
  type INestApplication,
  type INestApplicationContext,
} from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { StampedCache } from './common/cache/stamped-cache';
import { MultipartRoutesGuard } from './common/http/accepts-file';
import { installRequestPipeline } from './common/http/request-pipeline';
import { installWebDelivery } from './common/http/web-delivery';
import { installPublicCors } from './open-data/public-api';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { validationExceptionFactory } from './common/errors/validation-exception.factory';
import type { AppConfig } from './config/app-config';
import type { DatabaseTarget } from './database/data-source-options';
import { DATABASE_KIND } from './database/database.tokens';
import { DemoSeedService } from './seed/demo-seed.service';
import { InventoryMatchingService } from './inventory/inventory-matching.service';
import { MetricsService } from './metrics/metrics.service';
import { HarvestRun } from './portal/entities/harvest-run.entity';
import { HarvestService } from './portal/harvest.service';
import { PortalSource } from './portal/portal-source';
import { PageMetaService } from './page-meta/page-meta.service';
import { PlanHistoryService } from './plan/plan-history.service';
import { ReferenceSeedService } from './seed/reference-seed.service';

/** Builds the Nest application exactly as it runs, for main.ts and for tests. */
export async function createApp(config: AppConfig, database: DatabaseTarget): Promise<NestExpressApplication> {
  StampedCache.enabled = config.answerCache;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  installRequestPipeline(app, config);
  installWebDelivery(app, config, app.get(PageMetaService));
  installPublicCors(app);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalGuards(new MultipartRoutesGuard(app.get(Reflector)));
  app.useGlobalFilters(new HttpExceptionFilter());
  setUpOpenApi(app, config);
  return app;
}

function setUpOpenApi(app: INestApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Marsad API')
      .setDescription(
        'Tracking the National Open Data Action Plan. Errors are `{ statusCode, code, message, fields, requestId }`, with `message` in the language of `Accept-Language` (ar, fr or en).',
      )
      .setVersion(config.version)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * Runs `work` while holding PostgreSQL's session lock on start-up, so replicas started
 * together migrate and seed one after the other (the second finds it done: the seeds are
 * idempotent). The lock goes with the connection if the process dies. The embedded
 * database serves one process, which needs no lock.
 */
export async function underStartupLock<T>(app: INestApplicationContext, work: () => Promise<T>): Promise<T> {
  if (app.get(DATABASE_KIND) !== 'postgres') return work();
  const runner = app.get(DataSource).createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('marsad:start-up'))`);
    return await work();
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('marsad:start-up'))`).catch(() => undefined);
    await runner.release();
  }
}

/** Brings the schema up to date and loads reference data (and demo data when configured). */
export async function prepareDatabase(app: INestApplication, config: Pick<AppConfig, 'demoData'>): Promise<void> {
  const dataSource = app.get(DataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  await app.get(ReferenceSeedService).run();
  if (config.demoData) await app.get(DemoSeedService).run();
  // Today's snapshot of the plan, after the seeds (the nightly one may have been missed while stopped).
  await app.get(PlanHistoryService).recordToday();
}

/**
 * Demo mode without PORTAL_URL: harvest the generated catalogue once, so a new
 * installation shows publication metrics from the first page it serves.
 */
export async function harvestDemoPortalOnce(app: INestApplicationContext): Promise<void> {
  if (!app.get(PortalSource).isDemo) return;
  if (!(await app.get(DataSource).getRepository(HarvestRun).existsBy({ status: 'succeeded' }))) {
    const run = await app.get(HarvestService).run('full', 'demo');
    new NestLogger('Demo').log(`Demo portal harvested: ${run.seen} datasets (${run.status})`);
  }
  await app.get(DemoSeedService).ensureDemoHackathon();
  // Inventories of the mapped demo administrations, then the figures with their funnel.
  if (await app.get(DemoSeedService).ensureDemoInventory()) {
    await app.get(DataSource).transaction(async (manager) => {
      await app.get(InventoryMatchingService).suggestMatches(manager);
      await app.get(MetricsService).recompute(manager, { runId: null });
    });
  }
}
