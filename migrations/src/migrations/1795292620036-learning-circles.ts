import { MigrationInterface, QueryRunner } from "typeorm";

export class LearningCircles1795292620036 implements MigrationInterface {
    name = 'LearningCircles1795292620036'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "learning_circles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "name" jsonb NOT NULL,
                "place" jsonb NOT NULL DEFAULT '{}',
                "online" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f94269fd434b91ccab77d5b2896" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d123711b41cbe71ceaf451df55" ON "learning_circles" ("cohort_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "session_series" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "circle_id" uuid NOT NULL,
                "frequency" character varying(16) NOT NULL,
                "first_date" date NOT NULL,
                "local_time" TIME NOT NULL,
                "time_zone" character varying(64) NOT NULL,
                "duration_minutes" integer NOT NULL,
                "occurrences" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_077f57f4d4502f888c8874cbbec" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f38121860c3a80a790137b322c" ON "session_series" ("circle_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "circle_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "circle_id" uuid NOT NULL,
                "series_id" uuid,
                "series_index" integer,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_minutes" integer NOT NULL,
                "time_zone" character varying(64) NOT NULL,
                "place" jsonb NOT NULL DEFAULT '{}',
                "online_url" character varying(500),
                "agenda" jsonb NOT NULL DEFAULT '{}',
                "status" character varying(16) NOT NULL DEFAULT 'scheduled',
                "cancel_reason" character varying(500),
                "sequence" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_85808380c3cde08bdfb4cb3c256" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_679e1c8801055f77233befda8c" ON "circle_sessions" ("series_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_20986e4819fcee0b05c5de0e86" ON "circle_sessions" ("starts_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "circle_sessions_circle_starts_idx" ON "circle_sessions" ("circle_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "attendance" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "enrollment_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL,
                "marked_by_id" uuid,
                "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ee0ffe42c1f1a01e72b725c0cb2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_005fdbba9ac200693005f5ab21" ON "attendance" ("enrollment_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "attendance_session_enrollment_key" ON "attendance" ("session_id", "enrollment_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "circle_memberships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "circle_id" uuid NOT NULL,
                "enrollment_id" uuid NOT NULL,
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "left_at" TIMESTAMP WITH TIME ZONE,
                "added_by_id" uuid,
                CONSTRAINT "PK_439621c0f758782fff164e880d4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c5bf57e28c6529a88ddf476e79" ON "circle_memberships" ("enrollment_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "circle_memberships_circle_idx" ON "circle_memberships" ("circle_id", "left_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "circle_memberships_open_enrollment_key" ON "circle_memberships" ("enrollment_id")
            WHERE "left_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "circle_coaches" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "circle_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cd213426fd9550a2a45862a4448" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d69576044dff630ed3156f67ef" ON "circle_coaches" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "circle_coaches_circle_user_key" ON "circle_coaches" ("circle_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "user_id" uuid NOT NULL,
                "generation" integer NOT NULL DEFAULT '1',
                "rotated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3212ce9ff23847e66347a6730d3" PRIMARY KEY ("user_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "learning_circles"
            ADD CONSTRAINT "FK_d123711b41cbe71ceaf451df550" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_series"
            ADD CONSTRAINT "FK_f38121860c3a80a790137b322c0" FOREIGN KEY ("circle_id") REFERENCES "learning_circles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_sessions"
            ADD CONSTRAINT "FK_eb8152397a2437d35cadf829729" FOREIGN KEY ("circle_id") REFERENCES "learning_circles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_sessions"
            ADD CONSTRAINT "FK_679e1c8801055f77233befda8c4" FOREIGN KEY ("series_id") REFERENCES "session_series"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance"
            ADD CONSTRAINT "FK_5940f7beb6d791a618dbf88361e" FOREIGN KEY ("session_id") REFERENCES "circle_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance"
            ADD CONSTRAINT "FK_005fdbba9ac200693005f5ab21f" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_memberships"
            ADD CONSTRAINT "FK_fa2a9a24866bde1d5b4f1cddefa" FOREIGN KEY ("circle_id") REFERENCES "learning_circles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_memberships"
            ADD CONSTRAINT "FK_c5bf57e28c6529a88ddf476e799" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_coaches"
            ADD CONSTRAINT "FK_246f3993ffc335e7e32a539507d" FOREIGN KEY ("circle_id") REFERENCES "learning_circles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_coaches"
            ADD CONSTRAINT "FK_d69576044dff630ed3156f67ef8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
            ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_coaches" DROP CONSTRAINT "FK_d69576044dff630ed3156f67ef8"
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_coaches" DROP CONSTRAINT "FK_246f3993ffc335e7e32a539507d"
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_memberships" DROP CONSTRAINT "FK_c5bf57e28c6529a88ddf476e799"
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_memberships" DROP CONSTRAINT "FK_fa2a9a24866bde1d5b4f1cddefa"
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance" DROP CONSTRAINT "FK_005fdbba9ac200693005f5ab21f"
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance" DROP CONSTRAINT "FK_5940f7beb6d791a618dbf88361e"
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_sessions" DROP CONSTRAINT "FK_679e1c8801055f77233befda8c4"
        `);
        await queryRunner.query(`
            ALTER TABLE "circle_sessions" DROP CONSTRAINT "FK_eb8152397a2437d35cadf829729"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_series" DROP CONSTRAINT "FK_f38121860c3a80a790137b322c0"
        `);
        await queryRunner.query(`
            ALTER TABLE "learning_circles" DROP CONSTRAINT "FK_d123711b41cbe71ceaf451df550"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."circle_coaches_circle_user_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d69576044dff630ed3156f67ef"
        `);
        await queryRunner.query(`
            DROP TABLE "circle_coaches"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."circle_memberships_open_enrollment_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."circle_memberships_circle_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c5bf57e28c6529a88ddf476e79"
        `);
        await queryRunner.query(`
            DROP TABLE "circle_memberships"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."attendance_session_enrollment_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_005fdbba9ac200693005f5ab21"
        `);
        await queryRunner.query(`
            DROP TABLE "attendance"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."circle_sessions_circle_starts_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_20986e4819fcee0b05c5de0e86"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_679e1c8801055f77233befda8c"
        `);
        await queryRunner.query(`
            DROP TABLE "circle_sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f38121860c3a80a790137b322c"
        `);
        await queryRunner.query(`
            DROP TABLE "session_series"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d123711b41cbe71ceaf451df55"
        `);
        await queryRunner.query(`
            DROP TABLE "learning_circles"
        `);
    }

}
