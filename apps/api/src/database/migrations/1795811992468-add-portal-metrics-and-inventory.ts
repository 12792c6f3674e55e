import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPortalMetricsAndInventory1795811992468 implements MigrationInterface {
  name = 'AddPortalMetricsAndInventory1795811992468';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "inventory_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "reference" character varying(64) NOT NULL, "title" jsonb NOT NULL, "description" text, "theme" character varying(8), "owning_unit" character varying(200), "classification" character varying(16) NOT NULL, "legal_basis" text, "priority" character varying(8) NOT NULL DEFAULT \'medium\', "planned_date" date, "frequency" character varying(16), "formats" text array NOT NULL DEFAULT \'{}\', "status" character varying(16) NOT NULL DEFAULT \'identified\', "public" boolean NOT NULL DEFAULT false, "match_state" character varying(12) NOT NULL DEFAULT \'none\', "match_ckan_id" character varying(100), "match_basis" character varying(12), "search_text" text NOT NULL DEFAULT \'\', "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_771f38a8a2b3ad93afd4f1544d" CHECK ("classification" = \'open\' OR NOT "public"), CONSTRAINT "CHK_2e77e7c8e9ca179cbe93c384b6" CHECK ("classification" = \'open\' OR "legal_basis" IS NOT NULL), CONSTRAINT "CHK_f1a35e0a679dffe39d7e5f9bcd" CHECK ("match_state" IN (\'none\', \'suggested\', \'confirmed\')), CONSTRAINT "CHK_558c3f6db2de3d6bbf99afd24e" CHECK ("status" IN (\'identified\', \'in_preparation\', \'published\', \'withheld\')), CONSTRAINT "CHK_528153cba7971ae9d41f341831" CHECK ("classification" IN (\'open\', \'restricted\', \'not_disclosable\')), CONSTRAINT "PK_cf2f451407242e132547ac19169" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_c5a59a0041d199033613fec4e1" ON "inventory_items"  ("match_ckan_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_inventory_reference_per_institution" ON "inventory_items"  ("institution_id", "reference") ',
    );
    await queryRunner.query(
      'CREATE TABLE "metric_snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "day" date NOT NULL, "institution_id" uuid, "datasets" integer NOT NULL, "score" numeric(4,1), "figures" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "run_id" uuid, CONSTRAINT "PK_e7df991ed7476a98b561fc45083" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_d419a0d3d057a92218abcab45f" ON "metric_snapshots"  ("day", "score") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_6f4dbdfc2794f2018ef236542a" ON "metric_snapshots"  ("institution_id", "day") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_metric_snapshot_day_national" ON "metric_snapshots"  ("day") WHERE "institution_id" IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_metric_snapshot_day_institution" ON "metric_snapshots"  ("day", "institution_id") WHERE "institution_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "harvest_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mode" character varying(12) NOT NULL, "trigger" character varying(12) NOT NULL, "triggered_by" uuid, "status" character varying(12) NOT NULL DEFAULT \'running\', "portal_url" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "since" TIMESTAMP WITH TIME ZONE, "requests" integer NOT NULL DEFAULT \'0\', "pages" integer NOT NULL DEFAULT \'0\', "organizations" integer NOT NULL DEFAULT \'0\', "seen" integer NOT NULL DEFAULT \'0\', "created" integer NOT NULL DEFAULT \'0\', "updated" integer NOT NULL DEFAULT \'0\', "deleted" integer NOT NULL DEFAULT \'0\', "skipped" integer NOT NULL DEFAULT \'0\', "issues" jsonb NOT NULL DEFAULT \'[]\', "issue_count" integer NOT NULL DEFAULT \'0\', "failure" text, CONSTRAINT "CHK_cbe73eea16d0929e9d7c795cbb" CHECK ("status" IN (\'running\', \'succeeded\', \'failed\')), CONSTRAINT "CHK_2f2913605a5feb5101af915513" CHECK ("mode" IN (\'full\', \'incremental\')), CONSTRAINT "PK_1e8b247a5530dd9c709ceecdb4b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_one_running_harvest" ON "harvest_runs"  ("status") WHERE "status" = \'running\'',
    );
    await queryRunner.query('CREATE INDEX "IDX_62be8902a1befa899a3378f3f2" ON "harvest_runs"  ("started_at") ');
    await queryRunner.query(
      'CREATE TABLE "portal_datasets" ("ckan_id" character varying(100) NOT NULL, "name" character varying(200) NOT NULL, "title" text NOT NULL, "organization_name" character varying(100), "metadata_created" TIMESTAMP WITH TIME ZONE, "metadata_modified" TIMESTAMP WITH TIME ZONE, "last_updated_at" TIMESTAMP WITH TIME ZONE, "license_id" character varying(100), "open_licence" boolean NOT NULL DEFAULT false, "frequency" character varying(16), "frequency_raw" character varying(200), "formats" text array NOT NULL DEFAULT \'{}\', "resources" jsonb NOT NULL DEFAULT \'[]\', "resource_count" integer NOT NULL DEFAULT \'0\', "stars" smallint NOT NULL DEFAULT \'0\', "machine_readable" boolean NOT NULL DEFAULT false, "completeness" smallint NOT NULL DEFAULT \'0\', "completeness_filled" text array NOT NULL DEFAULT \'{}\', "tags" text array NOT NULL DEFAULT \'{}\', "groups" text array NOT NULL DEFAULT \'{}\', "title_key" text NOT NULL DEFAULT \'\', "deleted_at" TIMESTAMP WITH TIME ZONE, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_run_id" uuid, CONSTRAINT "PK_b81d1d9e274aba0de2fb63cd884" PRIMARY KEY ("ckan_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8ac978c758e092680c1de24f27" ON "portal_datasets"  ("metadata_modified") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2242e0146e726d044d5778bc1e" ON "portal_datasets"  ("organization_name") ',
    );
    await queryRunner.query(
      'CREATE TABLE "portal_dataset_staging" ("ckan_id" character varying(100) NOT NULL, "name" character varying(200) NOT NULL, "title" text NOT NULL, "organization_name" character varying(100), "metadata_created" TIMESTAMP WITH TIME ZONE, "metadata_modified" TIMESTAMP WITH TIME ZONE, "last_updated_at" TIMESTAMP WITH TIME ZONE, "license_id" character varying(100), "open_licence" boolean NOT NULL DEFAULT false, "frequency" character varying(16), "frequency_raw" character varying(200), "formats" text array NOT NULL DEFAULT \'{}\', "resources" jsonb NOT NULL DEFAULT \'[]\', "resource_count" integer NOT NULL DEFAULT \'0\', "stars" smallint NOT NULL DEFAULT \'0\', "machine_readable" boolean NOT NULL DEFAULT false, "completeness" smallint NOT NULL DEFAULT \'0\', "completeness_filled" text array NOT NULL DEFAULT \'{}\', "tags" text array NOT NULL DEFAULT \'{}\', "groups" text array NOT NULL DEFAULT \'{}\', "title_key" text NOT NULL DEFAULT \'\', "run_id" uuid NOT NULL, CONSTRAINT "PK_a68ea26f27c25fe734fd0b21ab8" PRIMARY KEY ("ckan_id", "run_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "portal_organizations" ("name" character varying(100) NOT NULL, "ckan_id" character varying(100), "title" text NOT NULL, "package_count" integer NOT NULL DEFAULT \'0\', "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a63462a274a839262949634670d" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'ALTER TABLE "inventory_items" ADD CONSTRAINT "FK_74fe65beaa130dcef091fd775ce" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "inventory_items" DROP CONSTRAINT "FK_74fe65beaa130dcef091fd775ce"');
    await queryRunner.query('DROP TABLE "portal_organizations"');
    await queryRunner.query('DROP TABLE "portal_dataset_staging"');
    await queryRunner.query('DROP INDEX "public"."IDX_2242e0146e726d044d5778bc1e"');
    await queryRunner.query('DROP INDEX "public"."IDX_8ac978c758e092680c1de24f27"');
    await queryRunner.query('DROP TABLE "portal_datasets"');
    await queryRunner.query('DROP INDEX "public"."IDX_62be8902a1befa899a3378f3f2"');
    await queryRunner.query('DROP INDEX "public"."UQ_one_running_harvest"');
    await queryRunner.query('DROP TABLE "harvest_runs"');
    await queryRunner.query('DROP INDEX "public"."UQ_metric_snapshot_day_institution"');
    await queryRunner.query('DROP INDEX "public"."UQ_metric_snapshot_day_national"');
    await queryRunner.query('DROP INDEX "public"."IDX_6f4dbdfc2794f2018ef236542a"');
    await queryRunner.query('DROP INDEX "public"."IDX_d419a0d3d057a92218abcab45f"');
    await queryRunner.query('DROP TABLE "metric_snapshots"');
    await queryRunner.query('DROP INDEX "public"."UQ_inventory_reference_per_institution"');
    await queryRunner.query('DROP INDEX "public"."IDX_c5a59a0041d199033613fec4e1"');
    await queryRunner.query('DROP TABLE "inventory_items"');
  }
}
