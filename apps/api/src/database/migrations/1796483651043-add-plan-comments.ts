import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPlanComments1796483651043 implements MigrationInterface {
  name = 'AddPlanComments1796483651043';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "plan_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid, "measure_id" uuid, "body" character varying(2000) NOT NULL, "author_name" character varying(80), "status" character varying(10) NOT NULL DEFAULT \'pending\', "reject_reason" character varying(500), "published_at" TIMESTAMP WITH TIME ZONE, "answer_body" character varying(2000), "answer_institution_id" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_57787a2526bf814135a0a54897" CHECK (("answer_body" IS NULL) = ("answered_at" IS NULL)), CONSTRAINT "CHK_7c617776f7cfe7b6e5e002308f" CHECK ("status" <> \'rejected\' OR "reject_reason" IS NOT NULL), CONSTRAINT "CHK_24a445d882a50e40965a9b6dcb" CHECK ("status" <> \'published\' OR "published_at" IS NOT NULL), CONSTRAINT "CHK_19d61e0aa4315c7c163e3480f1" CHECK (("activity_id" IS NULL) <> ("measure_id" IS NULL)), CONSTRAINT "CHK_acb873ee145a117e2d4ce979d9" CHECK ("status" IN (\'pending\', \'published\', \'rejected\')), CONSTRAINT "PK_f65850fbbbae5ecc92d3964e98a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6994366419cf11a1274d8c8586" ON "plan_comments"  ("status", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5fe8a421aaa54e9d99efee7f66" ON "plan_comments"  ("measure_id", "status", "published_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2733aadc4b8fab29aa5bd34c8d" ON "plan_comments"  ("activity_id", "status", "published_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_comments" ADD CONSTRAINT "FK_93bcac929a4ef2e60f8d5d2def5" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_comments" ADD CONSTRAINT "FK_905ef38912c8e659a2eabe7fc3b" FOREIGN KEY ("measure_id") REFERENCES "measures"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_comments" ADD CONSTRAINT "FK_24dd14dc0c9c1711df361800598" FOREIGN KEY ("answer_institution_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "plan_comments" DROP CONSTRAINT "FK_24dd14dc0c9c1711df361800598"');
    await queryRunner.query('ALTER TABLE "plan_comments" DROP CONSTRAINT "FK_905ef38912c8e659a2eabe7fc3b"');
    await queryRunner.query('ALTER TABLE "plan_comments" DROP CONSTRAINT "FK_93bcac929a4ef2e60f8d5d2def5"');
    await queryRunner.query('DROP INDEX "public"."IDX_2733aadc4b8fab29aa5bd34c8d"');
    await queryRunner.query('DROP INDEX "public"."IDX_5fe8a421aaa54e9d99efee7f66"');
    await queryRunner.query('DROP INDEX "public"."IDX_6994366419cf11a1274d8c8586"');
    await queryRunner.query('DROP TABLE "plan_comments"');
  }
}
