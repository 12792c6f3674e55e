import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlanSchema1795798297906 implements MigrationInterface {
  name = 'CreatePlanSchema1795798297906';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "institutions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" jsonb NOT NULL, "type" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3617f5ad52593fd4355b38d03a1" UNIQUE ("code"), CONSTRAINT "PK_0be7539dcdba335470dc05e9690" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "title" jsonb NOT NULL, "period_start" date, "period_end" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_95f7ef3fc4c31a3545b4d825dd4" UNIQUE ("code"), CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "measures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "number" integer NOT NULL, "title" jsonb NOT NULL, "description" jsonb, "lead_institution_id" uuid, "weight" numeric(8,3) NOT NULL DEFAULT \'1\', "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_a08aee85a509953c43f72694f2" CHECK ("weight" >= 0), CONSTRAINT "CHK_56895b4bd1b90157e3f3d0b392" CHECK ("number" BETWEEN 1 AND 99), CONSTRAINT "PK_ec34a47385441849095def20546" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_15ae4246a6c73c9979b3121c3a" ON "measures"  ("plan_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "milestones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "key" character varying(64) NOT NULL, "title" jsonb NOT NULL, "due_date" date, "done_on" date, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0bdbfe399c777a6a8520ff902d9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_25eca9154c6ce5987a32ced9e8" ON "milestones"  ("activity_id", "key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "progress_update_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "title" character varying(300) NOT NULL, "url" character varying(2048), "storage_key" character varying(200), "content_type" character varying(120), "size_bytes" integer, "sha256" character varying(64), "is_demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_dc298b22e478680789eb7ed09c" CHECK (("kind" = \'link\' AND "url" IS NOT NULL) OR ("kind" = \'file\' AND "storage_key" IS NOT NULL)), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "progress_updates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "reported_on" date NOT NULL, "author_name" character varying(200) NOT NULL, "status" character varying(16) NOT NULL, "progress" integer NOT NULL, "narrative" jsonb NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_f0a573a1ee5c39e945c6121f31" CHECK ("status" IN (\'not_started\', \'in_progress\', \'completed\', \'delayed\', \'cancelled\')), CONSTRAINT "CHK_eb7c5ae059a547a60e1c26f656" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "PK_180f6781848cb83b31c3deb131b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bfc6a8769dcf87b20644c2ee71" ON "progress_updates"  ("activity_id", "reported_on") ',
    );
    await queryRunner.query(
      'CREATE TABLE "activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "measure_id" uuid NOT NULL, "code" character varying(16) NOT NULL, "position" integer NOT NULL, "title" jsonb NOT NULL, "lead_institution_id" uuid, "start_date" date, "due_date" date, "weight" numeric(8,3) NOT NULL DEFAULT \'1\', "status" character varying(16) NOT NULL DEFAULT \'not_started\', "progress" integer NOT NULL DEFAULT \'0\', "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_3f6b7d12af7a87f6a98017171c" CHECK ("start_date" IS NULL OR "due_date" IS NULL OR "start_date" <= "due_date"), CONSTRAINT "CHK_cc240bf5af94817c5360f340a9" CHECK ("status" IN (\'not_started\', \'in_progress\', \'completed\', \'delayed\', \'cancelled\')), CONSTRAINT "CHK_09aa7f8ff36628df6b43b9f5ab" CHECK ("weight" >= 0), CONSTRAINT "CHK_643d5f3909b9a642886023cc65" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "PK_7f4004429f731ffb9c88eb486a8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_5c70df171c59749743f7c8d4e6" ON "activities"  ("measure_id", "code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "app_settings" ("key" character varying(64) NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_975c2db59c65c05fd9c6b63a2ab" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "activity_contributors" ("activity_id" uuid NOT NULL, "institution_id" uuid NOT NULL, CONSTRAINT "PK_3513d2019ce98e03aa742ef7ac9" PRIMARY KEY ("activity_id", "institution_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c9ce94181cb53cba8ea4f7c233" ON "activity_contributors"  ("activity_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0628cb1a616188d0d5f4656788" ON "activity_contributors"  ("institution_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "measures" ADD CONSTRAINT "FK_94c7421cc5576fe30c1b792c1f7" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "measures" ADD CONSTRAINT "FK_6ca3fc68336c17a59874a069fdf" FOREIGN KEY ("lead_institution_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "milestones" ADD CONSTRAINT "FK_e8f6324a660b065a0a77c6bd2b4" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "FK_19c91afe9aebb4640c5ff54cfb1" FOREIGN KEY ("progress_update_id") REFERENCES "progress_updates"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_updates" ADD CONSTRAINT "FK_9147e22bb17262b4ce39a4344f5" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activities" ADD CONSTRAINT "FK_569bc74db56440f896b57e48e54" FOREIGN KEY ("measure_id") REFERENCES "measures"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activities" ADD CONSTRAINT "FK_91bda6b4cc242221f6065c679b5" FOREIGN KEY ("lead_institution_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_contributors" ADD CONSTRAINT "FK_c9ce94181cb53cba8ea4f7c2335" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_contributors" ADD CONSTRAINT "FK_0628cb1a616188d0d5f46567883" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "activity_contributors" DROP CONSTRAINT "FK_0628cb1a616188d0d5f46567883"');
    await queryRunner.query('ALTER TABLE "activity_contributors" DROP CONSTRAINT "FK_c9ce94181cb53cba8ea4f7c2335"');
    await queryRunner.query('ALTER TABLE "activities" DROP CONSTRAINT "FK_91bda6b4cc242221f6065c679b5"');
    await queryRunner.query('ALTER TABLE "activities" DROP CONSTRAINT "FK_569bc74db56440f896b57e48e54"');
    await queryRunner.query('ALTER TABLE "progress_updates" DROP CONSTRAINT "FK_9147e22bb17262b4ce39a4344f5"');
    await queryRunner.query('ALTER TABLE "evidence" DROP CONSTRAINT "FK_19c91afe9aebb4640c5ff54cfb1"');
    await queryRunner.query('ALTER TABLE "milestones" DROP CONSTRAINT "FK_e8f6324a660b065a0a77c6bd2b4"');
    await queryRunner.query('ALTER TABLE "measures" DROP CONSTRAINT "FK_6ca3fc68336c17a59874a069fdf"');
    await queryRunner.query('ALTER TABLE "measures" DROP CONSTRAINT "FK_94c7421cc5576fe30c1b792c1f7"');
    await queryRunner.query('DROP INDEX "public"."IDX_0628cb1a616188d0d5f4656788"');
    await queryRunner.query('DROP INDEX "public"."IDX_c9ce94181cb53cba8ea4f7c233"');
    await queryRunner.query('DROP TABLE "activity_contributors"');
    await queryRunner.query('DROP TABLE "app_settings"');
    await queryRunner.query('DROP INDEX "public"."IDX_5c70df171c59749743f7c8d4e6"');
    await queryRunner.query('DROP TABLE "activities"');
    await queryRunner.query('DROP INDEX "public"."IDX_bfc6a8769dcf87b20644c2ee71"');
    await queryRunner.query('DROP TABLE "progress_updates"');
    await queryRunner.query('DROP TABLE "evidence"');
    await queryRunner.query('DROP INDEX "public"."IDX_25eca9154c6ce5987a32ced9e8"');
    await queryRunner.query('DROP TABLE "milestones"');
    await queryRunner.query('DROP INDEX "public"."IDX_15ae4246a6c73c9979b3121c3a"');
    await queryRunner.query('DROP TABLE "measures"');
    await queryRunner.query('DROP TABLE "plans"');
    await queryRunner.query('DROP TABLE "institutions"');
  }
}
