import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPlanSnapshots1796409856797 implements MigrationInterface {
  name = 'AddPlanSnapshots1796409856797';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "plan_snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "day" date NOT NULL, "progress" numeric(4,1), "health" character varying(16), "figures" jsonb NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_plan_snapshot_plan_day" UNIQUE ("plan_id", "day"), CONSTRAINT "PK_4d637fb96d85006c4188448ecc6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_snapshots" ADD CONSTRAINT "FK_3cfddac7a3cb705c561d184e10c" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "plan_snapshots" DROP CONSTRAINT "FK_3cfddac7a3cb705c561d184e10c"');
    await queryRunner.query('DROP TABLE "plan_snapshots"');
  }
}
