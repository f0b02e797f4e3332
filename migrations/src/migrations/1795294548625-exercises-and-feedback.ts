import { MigrationInterface, QueryRunner } from "typeorm";

export class ExercisesAndFeedback1795294548625 implements MigrationInterface {
    name = 'ExercisesAndFeedback1795294548625'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "module_key" character varying(100) NOT NULL,
                "exercise_key" character varying(100) NOT NULL,
                "position" integer NOT NULL,
                "title" jsonb NOT NULL,
                "instructions" jsonb NOT NULL,
                "rubric" jsonb NOT NULL,
                "pass_mark" integer NOT NULL,
                "submission_kind" character varying(8) NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "late_policy" character varying(16) NOT NULL DEFAULT 'mark_late',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0b3324d0de891ca48244a0574e" ON "assignments" ("due_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "assignments_cohort_exercise_key" ON "assignments" ("cohort_id", "exercise_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "submissions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignment_id" uuid NOT NULL,
                "enrollment_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "draft_text" text NOT NULL DEFAULT '',
                "draft_saved_at" TIMESTAMP WITH TIME ZONE,
                "latest_version" integer NOT NULL DEFAULT '0',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5945f4f3d5e6a7fedd6680cc93" ON "submissions" ("enrollment_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "submissions_status_submitted_idx" ON "submissions" ("status", "submitted_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "submissions_assignment_enrollment_key" ON "submissions" ("assignment_id", "enrollment_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "submission_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "text" text NOT NULL DEFAULT '',
                "late" boolean NOT NULL DEFAULT false,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_47df3ef399d70ac2133f7d07090" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "submission_versions_submission_number_key" ON "submission_versions" ("submission_id", "number")
        `);
        await queryRunner.query(`
            CREATE TABLE "reviews" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version_id" uuid NOT NULL,
                "reviewer_id" uuid,
                "scores" jsonb NOT NULL DEFAULT '{}',
                "points" integer NOT NULL DEFAULT '0',
                "feedback" text NOT NULL DEFAULT '',
                "criterion_feedback" jsonb NOT NULL DEFAULT '{}',
                "decision" character varying(8),
                "released_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_939adf58bc2741b21328ab9927" UNIQUE ("version_id"),
                CONSTRAINT "PK_231ae565c273ee700b283f15c1d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "reviews_version_key" ON "reviews" ("version_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_948b1730c1597ffaa37ccc5a07" ON "reviews" ("released_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "feedback_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "kind" character varying(8) NOT NULL DEFAULT 'thread',
                "criterion_key" character varying(100),
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b7f0dc5cf0fc2dfc18545807317" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "feedback_comments_version_created_idx" ON "feedback_comments" ("version_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "submission_files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "version_id" uuid,
                "file_key" character varying(200) NOT NULL,
                "original_name" character varying(255) NOT NULL,
                "media_type" character varying(100) NOT NULL,
                "size_bytes" integer NOT NULL,
                "sha256" character(64) NOT NULL,
                "uploaded_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5a50c4ff6bd91c77fe659c86b6f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2922aa3bbea583473e9b510618" ON "submission_files" ("submission_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e9faaeb815885158b37c448839" ON "submission_files" ("version_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "assignment_extensions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignment_id" uuid NOT NULL,
                "enrollment_id" uuid NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason" character varying(500),
                "granted_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e96a83312ffdeba90894b171020" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e002a8c42f7c1061e9faa5553d" ON "assignment_extensions" ("enrollment_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "assignment_extensions_assignment_enrollment_key" ON "assignment_extensions" ("assignment_id", "enrollment_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_3a4f0acaa50db2b5049f191ec57" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_8723840b9b0464206640c268abc" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_5945f4f3d5e6a7fedd6680cc931" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD CONSTRAINT "FK_ad0247bc4a35b683313e99290d9" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reviews"
            ADD CONSTRAINT "FK_939adf58bc2741b21328ab9927e" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "feedback_comments"
            ADD CONSTRAINT "FK_576ec7cdcf834cb75a783033c7c" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "feedback_comments"
            ADD CONSTRAINT "FK_05f5b237de7636e44577b906b73" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_files"
            ADD CONSTRAINT "FK_2922aa3bbea583473e9b510618c" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_files"
            ADD CONSTRAINT "FK_e9faaeb815885158b37c4488397" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment_extensions"
            ADD CONSTRAINT "FK_bb915886214c6ee4f8e40c91ab4" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment_extensions"
            ADD CONSTRAINT "FK_e002a8c42f7c1061e9faa5553dd" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "assignment_extensions" DROP CONSTRAINT "FK_e002a8c42f7c1061e9faa5553dd"
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment_extensions" DROP CONSTRAINT "FK_bb915886214c6ee4f8e40c91ab4"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_files" DROP CONSTRAINT "FK_e9faaeb815885158b37c4488397"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_files" DROP CONSTRAINT "FK_2922aa3bbea583473e9b510618c"
        `);
        await queryRunner.query(`
            ALTER TABLE "feedback_comments" DROP CONSTRAINT "FK_05f5b237de7636e44577b906b73"
        `);
        await queryRunner.query(`
            ALTER TABLE "feedback_comments" DROP CONSTRAINT "FK_576ec7cdcf834cb75a783033c7c"
        `);
        await queryRunner.query(`
            ALTER TABLE "reviews" DROP CONSTRAINT "FK_939adf58bc2741b21328ab9927e"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP CONSTRAINT "FK_ad0247bc4a35b683313e99290d9"
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_5945f4f3d5e6a7fedd6680cc931"
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_8723840b9b0464206640c268abc"
        `);
        await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_3a4f0acaa50db2b5049f191ec57"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."assignment_extensions_assignment_enrollment_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e002a8c42f7c1061e9faa5553d"
        `);
        await queryRunner.query(`
            DROP TABLE "assignment_extensions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e9faaeb815885158b37c448839"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2922aa3bbea583473e9b510618"
        `);
        await queryRunner.query(`
            DROP TABLE "submission_files"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."feedback_comments_version_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "feedback_comments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_948b1730c1597ffaa37ccc5a07"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reviews_version_key"
        `);
        await queryRunner.query(`
            DROP TABLE "reviews"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."submission_versions_submission_number_key"
        `);
        await queryRunner.query(`
            DROP TABLE "submission_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."submissions_assignment_enrollment_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."submissions_status_submitted_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5945f4f3d5e6a7fedd6680cc93"
        `);
        await queryRunner.query(`
            DROP TABLE "submissions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."assignments_cohort_exercise_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0b3324d0de891ca48244a0574e"
        `);
        await queryRunner.query(`
            DROP TABLE "assignments"
        `);
    }

}
