import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAwardApplicationFiles1796519103257 implements MigrationInterface {
  name = 'AddAwardApplicationFiles1796519103257';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "award_application_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "storage_key" character varying(200) NOT NULL, "content_type" character varying(120) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ea12477098e985e35d1a80ba16" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_90ab9f099d41b463535a92768f" ON "award_application_files"  ("application_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "award_application_files" ADD CONSTRAINT "FK_03556538839b9f63eed50e81a81" FOREIGN KEY ("application_id") REFERENCES "award_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "award_application_files" DROP CONSTRAINT "FK_03556538839b9f63eed50e81a81"');
    await queryRunner.query('DROP INDEX "public"."IDX_90ab9f099d41b463535a92768f"');
    await queryRunner.query('DROP TABLE "award_application_files"');
  }
}
