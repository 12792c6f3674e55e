import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddInstitutionVersion1795801645071 implements MigrationInterface {
  name = 'AddInstitutionVersion1795801645071';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "institutions" ADD "version" integer NOT NULL DEFAULT \'1\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "version"');
  }
}
