import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddImtiazAward1796474241347 implements MigrationInterface {
  name = 'AddImtiazAward1796474241347';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "award_editions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "title" jsonb NOT NULL, "call_opens_on" date NOT NULL, "applications_close_at" TIMESTAMP WITH TIME ZONE NOT NULL, "scoring_opens_on" date NOT NULL, "scoring_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "results_on" date NOT NULL, "eligible_types" text array NOT NULL DEFAULT \'{}\', "frozen_at" TIMESTAMP WITH TIME ZONE, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_086cab5d07fe19d0b2e4f473f6f" UNIQUE ("year"), CONSTRAINT "CHK_eb91bd7a32399723845a1ca5ca" CHECK ("scoring_closes_at" >= "applications_close_at"), CONSTRAINT "CHK_3480e627fae7203b4013fb9155" CHECK ("scoring_opens_on" <= "scoring_closes_at"), CONSTRAINT "CHK_96040d7f95efb6284313bbdc6c" CHECK ("applications_close_at" >= "call_opens_on"), CONSTRAINT "PK_d4993797cd350966c218281d9e3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "award_criteria" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "metric" character varying(32), "title" jsonb NOT NULL, "description" jsonb NOT NULL DEFAULT \'{}\', "weight" numeric(5,2) NOT NULL, "position" integer NOT NULL, CONSTRAINT "CHK_ee817e1b5fa7074a3c1163efa5" CHECK ("weight" > 0 AND "weight" <= 100), CONSTRAINT "CHK_745d06f1ea8382f5a3ae529897" CHECK (("kind" = \'automated\') = ("metric" IS NOT NULL)), CONSTRAINT "CHK_2c249e70ccb074cce4e76a444a" CHECK ("kind" IN (\'automated\', \'jury\')), CONSTRAINT "PK_44679b534ecb6a895028099b653" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_f12878928344a594564acc7c80" ON "award_criteria"  ("edition_id") ');
    await queryRunner.query(
      'CREATE TABLE "award_jurors" ("edition_id" uuid NOT NULL, "user_id" uuid NOT NULL, "conflict_institution_ids" uuid array NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_bad8df181c1cee0afce70cc812f" PRIMARY KEY ("edition_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "award_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "narrative" jsonb NOT NULL DEFAULT \'{}\', "links" jsonb NOT NULL DEFAULT \'[]\', "claimed_reuse_ids" uuid array NOT NULL DEFAULT \'{}\', "submitted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a5f62c89f97f4b15cca56348a34" UNIQUE ("edition_id", "institution_id"), CONSTRAINT "PK_33a0a9884302cb8fb20b32d5634" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "award_automated_values" ("application_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, "raw" numeric(12,2), "value" numeric(5,2) NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_65dd4ac916c655bf286be8b92bb" PRIMARY KEY ("application_id", "criterion_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "award_scores" ("application_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, "juror_id" uuid NOT NULL, "score" numeric(4,2) NOT NULL, "comment" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_6762264b4a8231fbcb10d6f6dd" CHECK ("score" >= 0 AND "score" <= 10), CONSTRAINT "PK_b45b83a16ee3937bcbcbe25a092" PRIMARY KEY ("application_id", "criterion_id", "juror_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "award_publications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "number" integer NOT NULL, "rows" jsonb NOT NULL, "hash" character varying(64) NOT NULL, "reason" text, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_996a704363d205214056b39a1cf" UNIQUE ("edition_id", "number"), CONSTRAINT "PK_e9110c944306c5ad1a65abebf11" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "award_criteria" ADD CONSTRAINT "FK_f12878928344a594564acc7c80e" FOREIGN KEY ("edition_id") REFERENCES "award_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_jurors" ADD CONSTRAINT "FK_b78af0186b9094875a863dd1308" FOREIGN KEY ("edition_id") REFERENCES "award_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_jurors" ADD CONSTRAINT "FK_deaab7a04a262138501dbe825af" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_applications" ADD CONSTRAINT "FK_b0edb75825f284a237f5d271ffe" FOREIGN KEY ("edition_id") REFERENCES "award_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_applications" ADD CONSTRAINT "FK_8b27594b342e08465cb8bb72969" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_automated_values" ADD CONSTRAINT "FK_ada764bfd37580e49cebe1c455b" FOREIGN KEY ("application_id") REFERENCES "award_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_automated_values" ADD CONSTRAINT "FK_a9b107ba3ba4adfb22e683a5420" FOREIGN KEY ("criterion_id") REFERENCES "award_criteria"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_scores" ADD CONSTRAINT "FK_a1ee48537ff31b73097e8b6d553" FOREIGN KEY ("application_id") REFERENCES "award_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_scores" ADD CONSTRAINT "FK_34611fe3c581df2952ee3d05ad2" FOREIGN KEY ("criterion_id") REFERENCES "award_criteria"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_scores" ADD CONSTRAINT "FK_14040ee483987f9bf46615c429a" FOREIGN KEY ("juror_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_publications" ADD CONSTRAINT "FK_c64b6d4e6b919dd09b4835dae86" FOREIGN KEY ("edition_id") REFERENCES "award_editions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // A publication is immutable: a correction is a new publication.
    await queryRunner.query(
      `CREATE FUNCTION award_publications_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'award_publications is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER award_publications_no_update_delete BEFORE UPDATE OR DELETE OR TRUNCATE ON "award_publications" FOR EACH STATEMENT EXECUTE FUNCTION award_publications_immutable()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER award_publications_no_update_delete ON "award_publications"`);
    await queryRunner.query(`DROP FUNCTION award_publications_immutable()`);
    await queryRunner.query('ALTER TABLE "award_publications" DROP CONSTRAINT "FK_c64b6d4e6b919dd09b4835dae86"');
    await queryRunner.query('ALTER TABLE "award_scores" DROP CONSTRAINT "FK_14040ee483987f9bf46615c429a"');
    await queryRunner.query('ALTER TABLE "award_scores" DROP CONSTRAINT "FK_34611fe3c581df2952ee3d05ad2"');
    await queryRunner.query('ALTER TABLE "award_scores" DROP CONSTRAINT "FK_a1ee48537ff31b73097e8b6d553"');
    await queryRunner.query('ALTER TABLE "award_automated_values" DROP CONSTRAINT "FK_a9b107ba3ba4adfb22e683a5420"');
    await queryRunner.query('ALTER TABLE "award_automated_values" DROP CONSTRAINT "FK_ada764bfd37580e49cebe1c455b"');
    await queryRunner.query('ALTER TABLE "award_applications" DROP CONSTRAINT "FK_8b27594b342e08465cb8bb72969"');
    await queryRunner.query('ALTER TABLE "award_applications" DROP CONSTRAINT "FK_b0edb75825f284a237f5d271ffe"');
    await queryRunner.query('ALTER TABLE "award_jurors" DROP CONSTRAINT "FK_deaab7a04a262138501dbe825af"');
    await queryRunner.query('ALTER TABLE "award_jurors" DROP CONSTRAINT "FK_b78af0186b9094875a863dd1308"');
    await queryRunner.query('ALTER TABLE "award_criteria" DROP CONSTRAINT "FK_f12878928344a594564acc7c80e"');
    await queryRunner.query('DROP TABLE "award_publications"');
    await queryRunner.query('DROP TABLE "award_scores"');
    await queryRunner.query('DROP TABLE "award_automated_values"');
    await queryRunner.query('DROP TABLE "award_applications"');
    await queryRunner.query('DROP TABLE "award_jurors"');
    await queryRunner.query('DROP INDEX "public"."IDX_f12878928344a594564acc7c80"');
    await queryRunner.query('DROP TABLE "award_criteria"');
    await queryRunner.query('DROP TABLE "award_editions"');
  }
}
