import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ExtendInstitutionsIntoRegistry1795800230032 implements MigrationInterface {
  name = 'ExtendInstitutionsIntoRegistry1795800230032';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "institutions" ADD "acronym" character varying(32)');
    await queryRunner.query('ALTER TABLE "institutions" ADD "subtype" character varying(40)');
    await queryRunner.query('ALTER TABLE "institutions" ADD "parent_id" uuid');
    await queryRunner.query('ALTER TABLE "institutions" ADD "region_code" character varying(8)');
    await queryRunner.query('ALTER TABLE "institutions" ADD "website" character varying(300)');
    await queryRunner.query('ALTER TABLE "institutions" ADD "portal_org_name" character varying(100)');
    await queryRunner.query(
      'ALTER TABLE "institutions" ADD CONSTRAINT "UQ_7a1953c8ceb369cc628bca4b898" UNIQUE ("portal_org_name")',
    );
    await queryRunner.query('ALTER TABLE "institutions" ADD "active" boolean NOT NULL DEFAULT true');
    await queryRunner.query('ALTER TABLE "institutions" ADD "search_text" text NOT NULL DEFAULT \'\'');
    await queryRunner.query('CREATE INDEX "IDX_b240d2dcc44fe6166b990c8dad" ON "institutions"  ("parent_id") ');
    await queryRunner.query('CREATE INDEX "IDX_d07c7fa1953754a0a95525e757" ON "institutions"  ("region_code") ');
    await queryRunner.query('CREATE INDEX "IDX_3a1075b26b6dcaccd6225db4ae" ON "institutions"  ("type", "code") ');
    await queryRunner.query(
      'ALTER TABLE "institutions" ADD CONSTRAINT "FK_b240d2dcc44fe6166b990c8dad0" FOREIGN KEY ("parent_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "institutions" DROP CONSTRAINT "FK_b240d2dcc44fe6166b990c8dad0"');
    await queryRunner.query('DROP INDEX "public"."IDX_3a1075b26b6dcaccd6225db4ae"');
    await queryRunner.query('DROP INDEX "public"."IDX_d07c7fa1953754a0a95525e757"');
    await queryRunner.query('DROP INDEX "public"."IDX_b240d2dcc44fe6166b990c8dad"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "search_text"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "active"');
    await queryRunner.query('ALTER TABLE "institutions" DROP CONSTRAINT "UQ_7a1953c8ceb369cc628bca4b898"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "portal_org_name"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "website"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "region_code"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "parent_id"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "subtype"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "acronym"');
  }
}
