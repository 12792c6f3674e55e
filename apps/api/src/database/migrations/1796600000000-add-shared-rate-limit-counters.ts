import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every API instance on one PostgreSQL (see
 * common/http/pg-throttler-storage.ts). UNLOGGED: counters are worth nothing after
 * a crash, and skipping the WAL keeps a hit as cheap as PostgreSQL allows. Written
 * by hand: TypeORM entities cannot say UNLOGGED, and no entity maps this table.
 */
export class AddSharedRateLimitCounters1796600000000 implements MigrationInterface {
  name = 'AddSharedRateLimitCounters1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "rate_limit_counters" ("throttler" character varying(60) NOT NULL, "key" character varying(200) NOT NULL, "hits" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_rate_limit_counters" PRIMARY KEY ("throttler", "key"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_rate_limit_counters_expires_at" ON "rate_limit_counters" ("expires_at")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_rate_limit_counters_expires_at"');
    await queryRunner.query('DROP TABLE "rate_limit_counters"');
  }
}
