import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 'immediate' has 9 characters: the column held 8, so going back to immediate e-mails failed. */
export class WidenNotificationMode1796610000000 implements MigrationInterface {
  name = 'WidenNotificationMode1796610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification_preferences" ALTER COLUMN "mode" TYPE character varying(16)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "notification_preferences" SET "mode" = 'daily' WHERE length("mode") > 8`);
    await queryRunner.query('ALTER TABLE "notification_preferences" ALTER COLUMN "mode" TYPE character varying(8)');
  }
}
