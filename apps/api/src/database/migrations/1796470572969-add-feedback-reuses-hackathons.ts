import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddFeedbackReusesHackathons1796470572969 implements MigrationInterface {
  name = 'AddFeedbackReusesHackathons1796470572969';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "event_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "nonce" character varying(64) NOT NULL, "personal" boolean NOT NULL DEFAULT false, "overall" smallint NOT NULL, "content" smallint, "organisation" smallint, "comment" text, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_34f1f6b339c4bfb1d6101bfc572" UNIQUE ("event_id", "nonce"), CONSTRAINT "CHK_8cf962d942abf237eb513835d3" CHECK ("organisation" IS NULL OR "organisation" BETWEEN 1 AND 5), CONSTRAINT "CHK_0e2ba9acaa32acd7027846fd46" CHECK ("content" IS NULL OR "content" BETWEEN 1 AND 5), CONSTRAINT "CHK_2810b8701c1de397c1d08cfe5a" CHECK ("overall" BETWEEN 1 AND 5), CONSTRAINT "PK_45430c2b672fff2eef02db0fed1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "event_guests" ("event_id" uuid NOT NULL, "email_key" character varying(64) NOT NULL, "category" character varying(24) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc819b6b488c1da3f85aeb52772" PRIMARY KEY ("event_id", "email_key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "reuses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" jsonb NOT NULL, "description" jsonb NOT NULL, "reuser_type" character varying(16) NOT NULL, "url" character varying(2000) NOT NULL, "origin" character varying(12) NOT NULL DEFAULT \'spontaneous\', "status" character varying(10) NOT NULL DEFAULT \'submitted\', "dataset_ids" text array NOT NULL DEFAULT \'{}\', "contact_email" character varying(254), "reject_reason" character varying(500), "hackathon_event_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_c35539d3f49d835ea26b8f3f98" CHECK ("status" <> \'published\' OR "published_at" IS NOT NULL), CONSTRAINT "CHK_1568f0a774ac37e3a791f756a0" CHECK ("status" IN (\'submitted\', \'published\', \'rejected\')), CONSTRAINT "CHK_4ab763a7fc95c36ca439831a94" CHECK ("origin" IN (\'hackathon\', \'spontaneous\', \'partnership\')), CONSTRAINT "CHK_55eabe90b83d801c9a8e466d42" CHECK ("reuser_type" IN (\'startup\', \'company\', \'researcher\', \'student\', \'civil_society\', \'media\', \'administration\')), CONSTRAINT "PK_d32b281ad41e4371405cdd599bd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_e5781c8018eefd6ec298db0be0" ON "reuses"  ("status", "published_at") ');
    await queryRunner.query(
      'CREATE TABLE "hackathon_challenges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "title" jsonb NOT NULL, "description" jsonb NOT NULL DEFAULT \'{}\', "dataset_ids" text array NOT NULL DEFAULT \'{}\', "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26c27d8825b8289fa6ebb8d4722" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_53f63abb77285ac8c0860cb292" ON "hackathon_challenges"  ("event_id") ');
    await queryRunner.query(
      'CREATE TABLE "hackathon_teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "members" integer NOT NULL, "challenge_id" uuid, "submission" jsonb, "score" numeric(5,2), "rank" integer, "reuse_id" uuid, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_98904282b47d22286a825db71dc" UNIQUE ("event_id", "name"), CONSTRAINT "CHK_6e460d3ea56f9f5bec49de7ce6" CHECK ("rank" IS NULL OR "rank" >= 1), CONSTRAINT "CHK_c2c0a3bdbf27bb52344971acf4" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100), CONSTRAINT "CHK_83f647e64c5ce39969584f6723" CHECK ("members" BETWEEN 1 AND 50), CONSTRAINT "PK_698e891160d654b5763ff88c3a4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "event_feedback" ADD CONSTRAINT "FK_c04f68822fb845b4a8e655e7b42" FOREIGN KEY ("event_id") REFERENCES "plan_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_guests" ADD CONSTRAINT "FK_b2c7a42e1776377f3701935ae5b" FOREIGN KEY ("event_id") REFERENCES "plan_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reuses" ADD CONSTRAINT "FK_b796e13b1fa047b8a51761c36cc" FOREIGN KEY ("hackathon_event_id") REFERENCES "plan_events"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "hackathon_challenges" ADD CONSTRAINT "FK_53f63abb77285ac8c0860cb292c" FOREIGN KEY ("event_id") REFERENCES "plan_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "hackathon_teams" ADD CONSTRAINT "FK_4a4ce0e3395088b42aa3563684f" FOREIGN KEY ("event_id") REFERENCES "plan_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "hackathon_teams" ADD CONSTRAINT "FK_cf3082d303b7d49e06ab09b6255" FOREIGN KEY ("challenge_id") REFERENCES "hackathon_challenges"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "hackathon_teams" ADD CONSTRAINT "FK_11b2fc61a99c8e257d88d820938" FOREIGN KEY ("reuse_id") REFERENCES "reuses"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "hackathon_teams" DROP CONSTRAINT "FK_11b2fc61a99c8e257d88d820938"');
    await queryRunner.query('ALTER TABLE "hackathon_teams" DROP CONSTRAINT "FK_cf3082d303b7d49e06ab09b6255"');
    await queryRunner.query('ALTER TABLE "hackathon_teams" DROP CONSTRAINT "FK_4a4ce0e3395088b42aa3563684f"');
    await queryRunner.query('ALTER TABLE "hackathon_challenges" DROP CONSTRAINT "FK_53f63abb77285ac8c0860cb292c"');
    await queryRunner.query('ALTER TABLE "reuses" DROP CONSTRAINT "FK_b796e13b1fa047b8a51761c36cc"');
    await queryRunner.query('ALTER TABLE "event_guests" DROP CONSTRAINT "FK_b2c7a42e1776377f3701935ae5b"');
    await queryRunner.query('ALTER TABLE "event_feedback" DROP CONSTRAINT "FK_c04f68822fb845b4a8e655e7b42"');
    await queryRunner.query('DROP TABLE "hackathon_teams"');
    await queryRunner.query('DROP INDEX "public"."IDX_53f63abb77285ac8c0860cb292"');
    await queryRunner.query('DROP TABLE "hackathon_challenges"');
    await queryRunner.query('DROP INDEX "public"."IDX_e5781c8018eefd6ec298db0be0"');
    await queryRunner.query('DROP TABLE "reuses"');
    await queryRunner.query('DROP TABLE "event_guests"');
    await queryRunner.query('DROP TABLE "event_feedback"');
  }
}
