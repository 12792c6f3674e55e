import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotifications1796451371258 implements MigrationInterface {
  name = 'AddNotifications1796451371258';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "category" character varying(16), "params" jsonb NOT NULL DEFAULT \'{}\', "link" character varying(500), "dedup_key" character varying(240) NOT NULL, "in_inbox" boolean NOT NULL DEFAULT true, "read_at" TIMESTAMP WITH TIME ZONE, "email_state" character varying(12) NOT NULL, "digest" character varying(8), "digest_id" uuid, "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_1b49aa057a0c0e504f407a1810" CHECK ("digest" IS NULL OR "digest" IN (\'daily\', \'weekly\')), CONSTRAINT "CHK_9a61d3d9e8a94ca1e8caaeb6ab" CHECK ("email_state" IN (\'pending\', \'sending\', \'sent\', \'failed\', \'digest\', \'digested\', \'off\', \'none\')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_4b9358d8a649bfbd1aac36de71" ON "notifications"  ("dedup_key") ');
    await queryRunner.query(
      'CREATE INDEX "notifications_waiting_digest" ON "notifications"  ("digest", "user_id") WHERE "email_state" = \'digest\'',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_unread" ON "notifications"  ("user_id") WHERE "read_at" IS NULL AND "in_inbox"',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_due" ON "notifications"  ("next_attempt_at") WHERE "email_state" IN (\'pending\', \'sending\')',
    );
    await queryRunner.query('CREATE INDEX "notifications_inbox" ON "notifications"  ("user_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "category" character varying(16) NOT NULL, "mode" character varying(8) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_d6898423cbf29dff15c87a944c" CHECK ("mode" IN (\'immediate\', \'daily\', \'weekly\', \'off\')), CONSTRAINT "PK_5906e7816659c2d55066f409bff" PRIMARY KEY ("user_id", "category"))',
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_64c90edc7310c6be7c10c96f675" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_64c90edc7310c6be7c10c96f675"');
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"');
    await queryRunner.query('DROP TABLE "notification_preferences"');
    await queryRunner.query('DROP INDEX "public"."notifications_inbox"');
    await queryRunner.query('DROP INDEX "public"."notifications_due"');
    await queryRunner.query('DROP INDEX "public"."notifications_unread"');
    await queryRunner.query('DROP INDEX "public"."notifications_waiting_digest"');
    await queryRunner.query('DROP INDEX "public"."IDX_4b9358d8a649bfbd1aac36de71"');
    await queryRunner.query('DROP TABLE "notifications"');
  }
}
