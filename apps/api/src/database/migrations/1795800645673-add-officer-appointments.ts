import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOfficerAppointments1795800645673 implements MigrationInterface {
  name = 'AddOfficerAppointments1795800645673';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "officer_appointments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "role" character varying(4) NOT NULL, "status" character varying(8) NOT NULL DEFAULT \'active\', "full_name" jsonb NOT NULL, "email" character varying(254) NOT NULL, "phone" character varying(32), "position" character varying(200), "public_consent" boolean NOT NULL DEFAULT false, "appointed_on" date NOT NULL, "act_reference" character varying(120), "act_date" date, "act_storage_key" character varying(200), "act_content_type" character varying(60), "act_size_bytes" integer, "ended_on" date, "end_reason" character varying(300), "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_c6036cb59e5e78b554dadac588" CHECK ("ended_on" IS NULL OR "ended_on" >= "appointed_on"), CONSTRAINT "CHK_140557523aee68209790087f29" CHECK (("status" = \'ended\') = ("ended_on" IS NOT NULL)), CONSTRAINT "CHK_61ec5ef6b30277b5b42902d55a" CHECK ("status" IN (\'active\', \'interim\', \'ended\')), CONSTRAINT "CHK_ca79bcde48f3b9196b5298caef" CHECK ("role" IN (\'ROD\', \'GDD\')), CONSTRAINT "PK_0dc1993ad314c8915e6edc35749" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_0163ef19b15705da9eceb621ec" ON "officer_appointments"  ("email") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_651abeca809cba0f27b5d70280" ON "officer_appointments"  ("institution_id", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_one_active_rod_per_institution" ON "officer_appointments"  ("institution_id") WHERE "role" = \'ROD\' AND "status" = \'active\'',
    );
    await queryRunner.query(
      'ALTER TABLE "officer_appointments" ADD CONSTRAINT "FK_fe74b37adb1d59412da932490b9" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "officer_appointments" DROP CONSTRAINT "FK_fe74b37adb1d59412da932490b9"');
    await queryRunner.query('DROP INDEX "public"."UQ_one_active_rod_per_institution"');
    await queryRunner.query('DROP INDEX "public"."IDX_651abeca809cba0f27b5d70280"');
    await queryRunner.query('DROP INDEX "public"."IDX_0163ef19b15705da9eceb621ec"');
    await queryRunner.query('DROP TABLE "officer_appointments"');
  }
}
