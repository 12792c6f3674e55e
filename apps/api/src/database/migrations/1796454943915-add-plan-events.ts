import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPlanEvents1796454943915 implements MigrationInterface {
  name = 'AddPlanEvents1796454943915';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "plan_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(16) NOT NULL, "title" jsonb NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "format" character varying(12) NOT NULL, "place_id" uuid, "online_url" character varying(2000), "organiser_id" uuid, "partners" jsonb NOT NULL DEFAULT \'[]\', "audiences" text array NOT NULL DEFAULT \'{}\', "capacity" integer, "status" character varying(12) NOT NULL DEFAULT \'planned\', "materials" jsonb NOT NULL DEFAULT \'[]\', "activity_codes" text array NOT NULL DEFAULT \'{}\', "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_a913efff00d0525ea5edd6aa3b" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "CHK_58fe6e7e19d4022d755b84a101" CHECK ("status" IN (\'planned\', \'held\', \'cancelled\')), CONSTRAINT "CHK_0956714feea1456f9613eafb60" CHECK ("format" IN (\'in_person\', \'online\', \'hybrid\')), CONSTRAINT "CHK_35abb05f2685707449ccd679c5" CHECK ("type" IN (\'workshop\', \'training\', \'promotion\', \'hackathon\', \'other\')), CONSTRAINT "PK_9b27c2a10aa99740f8bd7ed91dd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_7f3d8d72da570b3fb0c0be9cc1" ON "plan_events"  ("starts_on") ');
    await queryRunner.query(
      'CREATE TABLE "event_participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "appointment_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "role" character varying(4) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a3a600c5d4f7be37becb4676d74" UNIQUE ("event_id", "appointment_id"), CONSTRAINT "PK_b65ffd558d76fd51baffe81d42b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b487c9ffff8761fdfe0153d676" ON "event_participants"  ("institution_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_17919c937846dd452924907c94" ON "event_participants"  ("appointment_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "event_participant_counts" ("event_id" uuid NOT NULL, "category" character varying(24) NOT NULL, "count" integer NOT NULL, CONSTRAINT "CHK_a4ca3f33c60cd7be044d2c8660" CHECK ("count" >= 0), CONSTRAINT "PK_2d6995721b60eec1a4c2f6a1ad0" PRIMARY KEY ("event_id", "category"))',
    );
    await queryRunner.query(
      'CREATE TABLE "reach_targets" ("year" integer NOT NULL, "type" character varying(16) NOT NULL, "events" integer, "participants" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f6e727886d4631eb38da38af2d2" PRIMARY KEY ("year", "type"))',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_events" ADD CONSTRAINT "FK_5672c3e4d0442589783c32f17e9" FOREIGN KEY ("place_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_events" ADD CONSTRAINT "FK_6ce79be4fcd966126c53ceef513" FOREIGN KEY ("organiser_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_participants" ADD CONSTRAINT "FK_b5349807aae71193d0cc0f52e35" FOREIGN KEY ("event_id") REFERENCES "plan_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_participants" ADD CONSTRAINT "FK_17919c937846dd452924907c941" FOREIGN KEY ("appointment_id") REFERENCES "officer_appointments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_participants" ADD CONSTRAINT "FK_b487c9ffff8761fdfe0153d676d" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_participant_counts" ADD CONSTRAINT "FK_f3ae45ce37301fab4d8822963cd" FOREIGN KEY ("event_id") REFERENCES "plan_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "event_participant_counts" DROP CONSTRAINT "FK_f3ae45ce37301fab4d8822963cd"');
    await queryRunner.query('ALTER TABLE "event_participants" DROP CONSTRAINT "FK_b487c9ffff8761fdfe0153d676d"');
    await queryRunner.query('ALTER TABLE "event_participants" DROP CONSTRAINT "FK_17919c937846dd452924907c941"');
    await queryRunner.query('ALTER TABLE "event_participants" DROP CONSTRAINT "FK_b5349807aae71193d0cc0f52e35"');
    await queryRunner.query('ALTER TABLE "plan_events" DROP CONSTRAINT "FK_6ce79be4fcd966126c53ceef513"');
    await queryRunner.query('ALTER TABLE "plan_events" DROP CONSTRAINT "FK_5672c3e4d0442589783c32f17e9"');
    await queryRunner.query('DROP TABLE "reach_targets"');
    await queryRunner.query('DROP TABLE "event_participant_counts"');
    await queryRunner.query('DROP INDEX "public"."IDX_17919c937846dd452924907c94"');
    await queryRunner.query('DROP INDEX "public"."IDX_b487c9ffff8761fdfe0153d676"');
    await queryRunner.query('DROP TABLE "event_participants"');
    await queryRunner.query('DROP INDEX "public"."IDX_7f3d8d72da570b3fb0c0be9cc1"');
    await queryRunner.query('DROP TABLE "plan_events"');
  }
}
