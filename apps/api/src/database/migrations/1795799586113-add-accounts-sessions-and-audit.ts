import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAccountsSessionsAndAudit1795799586113 implements MigrationInterface {
  name = 'AddAccountsSessionsAndAudit1795799586113';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_role" character varying(16), "actor_institution_code" character varying(64), "action" character varying(64) NOT NULL, "entity_type" character varying(32) NOT NULL, "entity_id" character varying(64) NOT NULL, "diff" jsonb NOT NULL, "request_id" character varying(128), "ip" character varying(64), "user_agent" character varying(400), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_04c7c044146c6632491a370fc0" ON "audit_events"  ("actor_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_f8118f4a96a6642323b7a6c757" ON "audit_events"  ("actor_institution_code") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_4e139cc590fd5127ecc451472e" ON "audit_events"  ("occurred_at") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_1c7d4879956fd96c1c280634f0" ON "audit_events"  ("entity_type", "entity_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(200) NOT NULL, "password_hash" character varying(255), "role" character varying(16) NOT NULL, "institution_id" uuid, "preferred_locale" character varying(2) NOT NULL DEFAULT \'fr\', "active" boolean NOT NULL DEFAULT true, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "password_changed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "CHK_5c19ce9fc7e0d02bdfeef5647d" CHECK ("role" NOT IN (\'OFFICER\', \'DATA_MANAGER\') OR "institution_id" IS NOT NULL), CONSTRAINT "CHK_bee66c6ec5387f156cf89ec71c" CHECK ("role" IN (\'ADMIN\', \'COORDINATOR\', \'COMMITTEE\', \'OFFICER\', \'DATA_MANAGER\')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "password_reset_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_91185d86d5d7557b19abbb2868" ON "password_reset_tokens"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "csrf_token" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip" character varying(64), "user_agent" character varying(400), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions"  ("token_hash") ');
    await queryRunner.query('CREATE INDEX "IDX_9cfe37d28c3b229a350e086d94" ON "sessions"  ("expires_at") ');
    await queryRunner.query(
      'CREATE TABLE "sign_in_attempts" ("email_key" character varying(64) NOT NULL, "failures" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f75cfd71db264c10b8f9813f415" PRIMARY KEY ("email_key"))',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "FK_822972ceea1fda0973b8acc7bbe" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // The audit trail is append-only: the database itself refuses to change or remove an event.
    await queryRunner.query(
      `CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_update_delete ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"');
    await queryRunner.query('ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "FK_822972ceea1fda0973b8acc7bbe"');
    await queryRunner.query('DROP TABLE "sign_in_attempts"');
    await queryRunner.query('DROP INDEX "public"."IDX_9cfe37d28c3b229a350e086d94"');
    await queryRunner.query('DROP INDEX "public"."IDX_abaa9e068cdd390bc5210f7988"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."IDX_91185d86d5d7557b19abbb2868"');
    await queryRunner.query('DROP TABLE "password_reset_tokens"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP INDEX "public"."IDX_1c7d4879956fd96c1c280634f0"');
    await queryRunner.query('DROP INDEX "public"."IDX_4e139cc590fd5127ecc451472e"');
    await queryRunner.query('DROP INDEX "public"."IDX_f8118f4a96a6642323b7a6c757"');
    await queryRunner.query('DROP INDEX "public"."IDX_04c7c044146c6632491a370fc0"');
    await queryRunner.query('DROP TABLE "audit_events"');
  }
}
