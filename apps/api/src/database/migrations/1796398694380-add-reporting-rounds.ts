import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReportingRounds1796398694380 implements MigrationInterface {
  name = 'AddReportingRounds1796398694380';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "reporting_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "name" jsonb NOT NULL, "opens_on" date NOT NULL, "closes_on" date NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_name" character varying(200), "frozen" jsonb, "created_by_user_id" uuid, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_e96229e5ba0ad7446a5e0ca80d" CHECK ("closes_on" >= "opens_on"), CONSTRAINT "PK_12b4499b7936bbcc8e7a119c54d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3b5f7fea1e158432c55609b919" ON "reporting_rounds"  ("plan_id", "opens_on") ',
    );
    await queryRunner.query(
      'CREATE TABLE "reporting_round_confirmations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "confirmed_by_user_id" uuid, "confirmed_by_name" character varying(200) NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_0475ec655eafa62e48d7207ba69" UNIQUE ("round_id", "institution_id", "kind"), CONSTRAINT "CHK_dbc0ddb1be891eed57dfe96f6c" CHECK ("kind" IN (\'officers\', \'inventory\')), CONSTRAINT "PK_323fbc948881415a81f2eb88965" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "reporting_round_activities" ("round_id" uuid NOT NULL, "activity_id" uuid NOT NULL, CONSTRAINT "PK_13bd8bb025d8aee561b86cae653" PRIMARY KEY ("round_id", "activity_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9b333792c1693bf22d34dfe085" ON "reporting_round_activities"  ("round_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_378c729bbe66a1ffcebb0b67ad" ON "reporting_round_activities"  ("activity_id") ',
    );
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "first_submitted_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "progress_updates" ADD "round_id" uuid');
    // Reports handed in before rounds existed: their first submission is the one on record.
    await queryRunner.query('UPDATE "progress_updates" SET "first_submitted_at" = "submitted_at"');
    await queryRunner.query('CREATE INDEX "IDX_fc53e4379f591ec09fa04c293f" ON "progress_updates"  ("round_id") ');
    await queryRunner.query(
      'ALTER TABLE "reporting_rounds" ADD CONSTRAINT "FK_0770d01e3011b3cbd2d0b80d781" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_rounds" ADD CONSTRAINT "FK_42e0ed1e1021e1655824200c1f6" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_round_confirmations" ADD CONSTRAINT "FK_4e65e20439e16746d698d0f217e" FOREIGN KEY ("round_id") REFERENCES "reporting_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_round_confirmations" ADD CONSTRAINT "FK_8c41620a6ec13115e611f4bd659" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_round_confirmations" ADD CONSTRAINT "FK_97c880833e184b267c1e0e99394" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_round_activities" ADD CONSTRAINT "FK_9b333792c1693bf22d34dfe0857" FOREIGN KEY ("round_id") REFERENCES "reporting_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_round_activities" ADD CONSTRAINT "FK_378c729bbe66a1ffcebb0b67ad9" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "reporting_round_activities" DROP CONSTRAINT "FK_378c729bbe66a1ffcebb0b67ad9"',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_round_activities" DROP CONSTRAINT "FK_9b333792c1693bf22d34dfe0857"',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_round_confirmations" DROP CONSTRAINT "FK_97c880833e184b267c1e0e99394"',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_round_confirmations" DROP CONSTRAINT "FK_8c41620a6ec13115e611f4bd659"',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_round_confirmations" DROP CONSTRAINT "FK_4e65e20439e16746d698d0f217e"',
    );
    await queryRunner.query('ALTER TABLE "reporting_rounds" DROP CONSTRAINT "FK_42e0ed1e1021e1655824200c1f6"');
    await queryRunner.query('ALTER TABLE "reporting_rounds" DROP CONSTRAINT "FK_0770d01e3011b3cbd2d0b80d781"');
    await queryRunner.query('DROP INDEX "public"."IDX_fc53e4379f591ec09fa04c293f"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "round_id"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP COLUMN "first_submitted_at"');
    await queryRunner.query('DROP INDEX "public"."IDX_378c729bbe66a1ffcebb0b67ad"');
    await queryRunner.query('DROP INDEX "public"."IDX_9b333792c1693bf22d34dfe085"');
    await queryRunner.query('DROP TABLE "reporting_round_activities"');
    await queryRunner.query('DROP TABLE "reporting_round_confirmations"');
    await queryRunner.query('DROP INDEX "public"."IDX_3b5f7fea1e158432c55609b919"');
    await queryRunner.query('DROP TABLE "reporting_rounds"');
  }
}
