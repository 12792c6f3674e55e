import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSteeringCommittee1796409793106 implements MigrationInterface {
  name = 'AddSteeringCommittee1796409793106';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "committee_representatives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "full_name" character varying(200) NOT NULL, "title" character varying(200), "position" character varying(16) NOT NULL, "alternate" boolean NOT NULL DEFAULT false, "from_on" date NOT NULL, "to_on" date, "email" character varying(254), "phone" character varying(40), "user_id" uuid, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "CHK_bc90ddcacf4da5a695c91be1be" CHECK ("to_on" IS NULL OR "to_on" > "from_on"), CONSTRAINT "CHK_eb68645246101754281111cfa9" CHECK ("position" IN (\'chair\', \'secretary\', \'member\')), CONSTRAINT "PK_a84b8723651b5b6a3ce83de69c6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6baedf6d1404df06913804159b" ON "committee_representatives"  ("member_id", "from_on") ',
    );
    await queryRunner.query(
      'CREATE TABLE "committee_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "joined_on" date NOT NULL, "left_on" date, "founding" boolean NOT NULL DEFAULT false, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "CHK_a6db8c72dd8469a793eb997f66" CHECK ("left_on" IS NULL OR "left_on" > "joined_on"), CONSTRAINT "PK_d674c70e45241dde1bd9d8fe21b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_2a772a4925c0049fac4b559b74" ON "committee_members"  ("institution_id", "joined_on") ',
    );
    await queryRunner.query(
      'CREATE TABLE "committee_action_item_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_item_id" uuid NOT NULL, "body" character varying(2000) NOT NULL, "author_user_id" uuid, "author_name" character varying(200) NOT NULL, "author_institution_id" uuid, "status" character varying(16), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a0b21ce68541aab54cc4e2ba2c8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6fcebfe10d393308ca0d7748c1" ON "committee_action_item_notes"  ("action_item_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "committee_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "number" integer NOT NULL, "text" jsonb NOT NULL, "decided_on" date NOT NULL, "measure_numbers" integer array NOT NULL DEFAULT \'{}\', "activity_codes" character varying(32) array NOT NULL DEFAULT \'{}\', "is_demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_25ab4dcc72695613711e0e8d066" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_85bb39d73efb10d45133ae579b" ON "committee_decisions"  ("meeting_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "committee_action_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "decision_id" uuid NOT NULL, "number" integer NOT NULL, "text" jsonb NOT NULL, "owner_institution_id" uuid NOT NULL, "owner_person" character varying(200), "due_on" date NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'open\', "closing_evidence" character varying(2000), "closed_at" TIMESTAMP WITH TIME ZONE, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_d1fc6cf243df0705870d6c9b6f" CHECK ("status" IN (\'open\', \'in_progress\', \'done\', \'dropped\')), CONSTRAINT "PK_16c9cfb12d41575146d14ba5692" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9a5c7c0a3cf314d3b69ca8b9d6" ON "committee_action_items"  ("decision_id", "number") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6cf3da046c44085d0bcbefd488" ON "committee_action_items"  ("status", "due_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_79b619fd4a44288c3d6e1fbb5f" ON "committee_action_items"  ("owner_institution_id", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "committee_agenda_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "position" integer NOT NULL, "title" jsonb NOT NULL DEFAULT \'{}\', "measure_numbers" integer array NOT NULL DEFAULT \'{}\', "activity_codes" character varying(32) array NOT NULL DEFAULT \'{}\', "action_item_id" uuid, CONSTRAINT "PK_e163240eae614b1a25c690728f1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_1f2437c79ee933a959d0fb087f" ON "committee_agenda_items"  ("meeting_id", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "committee_attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "representative_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "confirmed_by_self_at" TIMESTAMP WITH TIME ZONE, "recorded_by" character varying(200), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_42ba2b81d0963350f3403e06bbd" UNIQUE ("meeting_id", "representative_id"), CONSTRAINT "CHK_8161671d5bfef3885ac4d42f28" CHECK ("status" IN (\'present\', \'excused\', \'absent\')), CONSTRAINT "PK_0fdf292728fabbb7e8452d4b9ad" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "committee_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "role" character varying(16) NOT NULL DEFAULT \'document\', "title" character varying(300) NOT NULL, "url" character varying(2048), "storage_key" character varying(200), "content_type" character varying(120), "size_bytes" integer, "sha256" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_e30ff5dd0e51a57328f1c50d1b" CHECK ("role" IN (\'document\', \'minutes_signed\')), CONSTRAINT "CHK_9b886e87c7bc7fff30b0bef68a" CHECK (("kind" = \'link\' AND "url" IS NOT NULL) OR ("kind" = \'file\' AND "storage_key" IS NOT NULL)), CONSTRAINT "PK_5a2ba66543f1f49bd7ebc2a48d1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "committee_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(300), "online_url" character varying(2048), "status" character varying(16) NOT NULL DEFAULT \'planned\', "experts" jsonb NOT NULL DEFAULT \'[]\', "minutes" jsonb NOT NULL DEFAULT \'{}\', "minutes_state" character varying(16) NOT NULL DEFAULT \'draft\', "minutes_approved_at" TIMESTAMP WITH TIME ZONE, "minutes_approved_by" character varying(200), "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b35f392cef79298452f53ce146c" UNIQUE ("number"), CONSTRAINT "CHK_118ecdbce481e5558373b1dd96" CHECK ("minutes_state" IN (\'draft\', \'approved\')), CONSTRAINT "CHK_0ea681ec4e0f60c487dc6fef5c" CHECK ("status" IN (\'planned\', \'held\', \'cancelled\')), CONSTRAINT "PK_64a6d42a37b31bef5472da27730" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_representatives" ADD CONSTRAINT "FK_55778f8010e3977fe1558147dc2" FOREIGN KEY ("member_id") REFERENCES "committee_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_representatives" ADD CONSTRAINT "FK_6372129ebde945053810785a769" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_members" ADD CONSTRAINT "FK_89d4b6189ffb49443bc45787dbd" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_action_item_notes" ADD CONSTRAINT "FK_396063e5837a99f5812000541e8" FOREIGN KEY ("action_item_id") REFERENCES "committee_action_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_action_item_notes" ADD CONSTRAINT "FK_cf9ab213876d1cac15165e12754" FOREIGN KEY ("author_institution_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_decisions" ADD CONSTRAINT "FK_18fe93045ec1546dadb0c06c4a2" FOREIGN KEY ("meeting_id") REFERENCES "committee_meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_action_items" ADD CONSTRAINT "FK_33834c45b538e865cb350118d4b" FOREIGN KEY ("decision_id") REFERENCES "committee_decisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_action_items" ADD CONSTRAINT "FK_25c559f5f47c949b7acc3cee43b" FOREIGN KEY ("owner_institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_agenda_items" ADD CONSTRAINT "FK_82dc993aef108605c8afc02dbc8" FOREIGN KEY ("meeting_id") REFERENCES "committee_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_agenda_items" ADD CONSTRAINT "FK_dca592ced8b5c2dad975737bc6f" FOREIGN KEY ("action_item_id") REFERENCES "committee_action_items"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_attendance" ADD CONSTRAINT "FK_64d031a43a4c769a085bbcb4b90" FOREIGN KEY ("meeting_id") REFERENCES "committee_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_attendance" ADD CONSTRAINT "FK_1e709ab5e7766864b82ec46a2d5" FOREIGN KEY ("representative_id") REFERENCES "committee_representatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_documents" ADD CONSTRAINT "FK_f157ac5c73e267243fbcbaa780b" FOREIGN KEY ("meeting_id") REFERENCES "committee_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "committee_documents" DROP CONSTRAINT "FK_f157ac5c73e267243fbcbaa780b"');
    await queryRunner.query('ALTER TABLE "committee_attendance" DROP CONSTRAINT "FK_1e709ab5e7766864b82ec46a2d5"');
    await queryRunner.query('ALTER TABLE "committee_attendance" DROP CONSTRAINT "FK_64d031a43a4c769a085bbcb4b90"');
    await queryRunner.query('ALTER TABLE "committee_agenda_items" DROP CONSTRAINT "FK_dca592ced8b5c2dad975737bc6f"');
    await queryRunner.query('ALTER TABLE "committee_agenda_items" DROP CONSTRAINT "FK_82dc993aef108605c8afc02dbc8"');
    await queryRunner.query('ALTER TABLE "committee_action_items" DROP CONSTRAINT "FK_25c559f5f47c949b7acc3cee43b"');
    await queryRunner.query('ALTER TABLE "committee_action_items" DROP CONSTRAINT "FK_33834c45b538e865cb350118d4b"');
    await queryRunner.query('ALTER TABLE "committee_decisions" DROP CONSTRAINT "FK_18fe93045ec1546dadb0c06c4a2"');
    await queryRunner.query(
      'ALTER TABLE "committee_action_item_notes" DROP CONSTRAINT "FK_cf9ab213876d1cac15165e12754"',
    );
    await queryRunner.query(
      'ALTER TABLE "committee_action_item_notes" DROP CONSTRAINT "FK_396063e5837a99f5812000541e8"',
    );
    await queryRunner.query('ALTER TABLE "committee_members" DROP CONSTRAINT "FK_89d4b6189ffb49443bc45787dbd"');
    await queryRunner.query('ALTER TABLE "committee_representatives" DROP CONSTRAINT "FK_6372129ebde945053810785a769"');
    await queryRunner.query('ALTER TABLE "committee_representatives" DROP CONSTRAINT "FK_55778f8010e3977fe1558147dc2"');
    await queryRunner.query('DROP TABLE "committee_meetings"');
    await queryRunner.query('DROP TABLE "committee_documents"');
    await queryRunner.query('DROP TABLE "committee_attendance"');
    await queryRunner.query('DROP INDEX "public"."IDX_1f2437c79ee933a959d0fb087f"');
    await queryRunner.query('DROP TABLE "committee_agenda_items"');
    await queryRunner.query('DROP INDEX "public"."IDX_79b619fd4a44288c3d6e1fbb5f"');
    await queryRunner.query('DROP INDEX "public"."IDX_6cf3da046c44085d0bcbefd488"');
    await queryRunner.query('DROP INDEX "public"."IDX_9a5c7c0a3cf314d3b69ca8b9d6"');
    await queryRunner.query('DROP TABLE "committee_action_items"');
    await queryRunner.query('DROP INDEX "public"."IDX_85bb39d73efb10d45133ae579b"');
    await queryRunner.query('DROP TABLE "committee_decisions"');
    await queryRunner.query('DROP INDEX "public"."IDX_6fcebfe10d393308ca0d7748c1"');
    await queryRunner.query('DROP TABLE "committee_action_item_notes"');
    await queryRunner.query('DROP INDEX "public"."IDX_2a772a4925c0049fac4b559b74"');
    await queryRunner.query('DROP TABLE "committee_members"');
    await queryRunner.query('DROP INDEX "public"."IDX_6baedf6d1404df06913804159b"');
    await queryRunner.query('DROP TABLE "committee_representatives"');
  }
}
