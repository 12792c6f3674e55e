import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReportValidation1796390096569 implements MigrationInterface {
  name = 'AddReportValidation1796390096569';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "author_user_id" uuid');
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "author_institution_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "progress_updates" ADD "state" character varying(12) NOT NULL DEFAULT \'validated\'',
    );
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "submitted_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "decided_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "decided_by_user_id" uuid');
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "decided_by_name" character varying(200)');
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "return_comment" text');
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "blockers" jsonb NOT NULL DEFAULT \'[]\'');
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "version" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query(
      'ALTER TABLE "activities" ADD "figures_source" character varying(16) NOT NULL DEFAULT \'reference\'',
    );
    await queryRunner.query('ALTER TABLE "activities" ADD "figures_as_of" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "activities" ADD "figures_by" character varying(200)');
    // Reports made before validation existed were public at once: they count as validated when made.
    await queryRunner.query('UPDATE "progress_updates" SET "decided_at" = "created_at", "submitted_at" = "created_at"');
    // Each activity's figures come from its newest report (the rule so far), or from the plan as loaded.
    await queryRunner.query(`UPDATE "activities" a SET "figures_source" = CASE WHEN u."is_demo" THEN 'demo' ELSE 'validated' END, "figures_as_of" = u."created_at"
      FROM (SELECT DISTINCT ON ("activity_id") "activity_id", "is_demo", "created_at" FROM "progress_updates" ORDER BY "activity_id", "reported_on" DESC, "created_at" DESC) u
      WHERE u."activity_id" = a."id"`);
    await queryRunner.query(
      'CREATE INDEX "IDX_a6c63d4e1257f4494da01651b5" ON "progress_updates"  ("author_institution_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_781257af26e5a29b28035c3637" ON "progress_updates"  ("state", "submitted_at") ',
    );
    await queryRunner.query(
      "ALTER TABLE \"progress_updates\" ADD CONSTRAINT \"CHK_6a0c808e881c811add10759aca\" CHECK (\"state\" IN ('draft', 'submitted', 'validated', 'returned'))",
    );
    await queryRunner.query(
      'ALTER TABLE "activities" ADD CONSTRAINT "CHK_dbd6c235afd84cf14b764ebf1d" CHECK ("figures_source" IN (\'reference\', \'validated\', \'demo\'))',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_updates" ADD CONSTRAINT "FK_937b51f679992e2dfc7af29a5d2" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_updates" ADD CONSTRAINT "FK_a6c63d4e1257f4494da01651b5a" FOREIGN KEY ("author_institution_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_updates" ADD CONSTRAINT "FK_32d5a3470fa83a4896e01c8dec8" FOREIGN KEY ("decided_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "progress_updates" DROP CONSTRAINT "FK_32d5a3470fa83a4896e01c8dec8"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP CONSTRAINT "FK_a6c63d4e1257f4494da01651b5a"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP CONSTRAINT "FK_937b51f679992e2dfc7af29a5d2"');
    await queryRunner.query('ALTER TABLE "activities" DROP CONSTRAINT "CHK_dbd6c235afd84cf14b764ebf1d"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP CONSTRAINT "CHK_6a0c808e881c811add10759aca"');
    await queryRunner.query('DROP INDEX "public"."IDX_781257af26e5a29b28035c3637"');
    await queryRunner.query('DROP INDEX "public"."IDX_a6c63d4e1257f4494da01651b5"');
    await queryRunner.query('ALTER TABLE "activities" DROP COLUMN "figures_by"');
    await queryRunner.query('ALTER TABLE "activities" DROP COLUMN "figures_as_of"');
    await queryRunner.query('ALTER TABLE "activities" DROP COLUMN "figures_source"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "blockers"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "return_comment"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "decided_by_name"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "decided_by_user_id"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "decided_at"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "submitted_at"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "state"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "author_institution_id"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "author_user_id"');
  }
}
