import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795279437475 implements MigrationInterface {
    name = 'Foundation1795279437475'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "password_hash" character varying(255),
                "name_latin" character varying(200) NOT NULL DEFAULT '',
                "name_arabic" character varying(200) NOT NULL DEFAULT '',
                "locale" character varying(2) NOT NULL DEFAULT 'ar',
                "time_zone" character varying(64) NOT NULL DEFAULT 'Asia/Amman',
                "is_admin" boolean NOT NULL DEFAULT false,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(40) NOT NULL,
                "payload" jsonb NOT NULL,
                "dedupe_key" character varying(200),
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "enqueued_at" TIMESTAMP WITH TIME ZONE,
                "claimed_at" TIMESTAMP WITH TIME ZONE,
                "processed_at" TIMESTAMP WITH TIME ZONE,
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "outbox_messages_dedupe_key" ON "outbox_messages" ("dedupe_key")
            WHERE dedupe_key IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages" ("status", "available_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" jsonb NOT NULL,
                "kind" character varying(16) NOT NULL,
                "country" character(2) NOT NULL,
                "city" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "description" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "website" character varying(300),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9eace498ddf7b43455979c4952" ON "organizations" ("country")
        `);
        await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" character(64) NOT NULL,
                "email" character varying(254) NOT NULL,
                "organization_id" uuid,
                "role" character varying(16),
                "invited_by_id" uuid NOT NULL,
                "locale" character varying(2) NOT NULL DEFAULT 'ar',
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "accepted_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_97ab59cb592c7cec109741b592" ON "invitations" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "organization_members" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c2b39d5d072886a4d9c8105eb9a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_89bde91f78d36ca41e9515d91c" ON "organization_members" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "organization_members_org_user_key" ON "organization_members" ("organization_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "password_resets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" character(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "password_resets_token_hash_key" ON "password_resets" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f7a4c3bc48f24df007936d217b" ON "password_resets" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "rate_limit_buckets" (
                "key" character varying(255) NOT NULL,
                "points" integer NOT NULL DEFAULT '0',
                "expire" bigint,
                CONSTRAINT "PK_9eb2f8a2ae370667b4ca83dd313" PRIMARY KEY ("key")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" character(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ip" character varying(64),
                "user_agent" character varying(300),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "actor_id" uuid,
                "action" character varying(80) NOT NULL,
                "entity_type" character varying(40) NOT NULL,
                "entity_id" uuid NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "ip" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_497bb4f7c4c55db9749616cd2a" ON "audit_events" ("created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5c7623cfe8d008e1c1fd758fbc" ON "audit_events" ("entity_type", "entity_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_d4de0403dd012cf87b430af70ef" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "organization_members"
            ADD CONSTRAINT "FK_7062a4fbd9bab22ffd918e5d3d9" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "organization_members"
            ADD CONSTRAINT "FK_89bde91f78d36ca41e9515d91c6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "password_resets"
            ADD CONSTRAINT "FK_f7a4c3bc48f24df007936d217be" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"
        `);
        await queryRunner.query(`
            ALTER TABLE "password_resets" DROP CONSTRAINT "FK_f7a4c3bc48f24df007936d217be"
        `);
        await queryRunner.query(`
            ALTER TABLE "organization_members" DROP CONSTRAINT "FK_89bde91f78d36ca41e9515d91c6"
        `);
        await queryRunner.query(`
            ALTER TABLE "organization_members" DROP CONSTRAINT "FK_7062a4fbd9bab22ffd918e5d3d9"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_d4de0403dd012cf87b430af70ef"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5c7623cfe8d008e1c1fd758fbc"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_497bb4f7c4c55db9749616cd2a"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_085d540d9f418cfbdc7bd55bb1"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."sessions_token_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "sessions"
        `);
        await queryRunner.query(`
            DROP TABLE "rate_limit_buckets"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f7a4c3bc48f24df007936d217b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."password_resets_token_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "password_resets"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."organization_members_org_user_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_89bde91f78d36ca41e9515d91c"
        `);
        await queryRunner.query(`
            DROP TABLE "organization_members"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_97ab59cb592c7cec109741b592"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."invitations_token_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "invitations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9eace498ddf7b43455979c4952"
        `);
        await queryRunner.query(`
            DROP TABLE "organizations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."outbox_messages_due_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."outbox_messages_dedupe_key"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."users_email_key"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
    }

}
