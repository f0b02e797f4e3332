import { MigrationInterface, QueryRunner } from "typeorm";

export class CohortsAndEnrollment1795286701873 implements MigrationInterface {
    name = 'CohortsAndEnrollment1795286701873'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "courses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(100) NOT NULL,
                "title" jsonb NOT NULL,
                "summary" jsonb NOT NULL DEFAULT '{}',
                "current_version_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "courses_slug_key" ON "courses" ("slug")
        `);
        await queryRunner.query(`
            CREATE TABLE "course_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "content_hash" character varying(64) NOT NULL,
                "content" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cc9e77578136a62e599f33d15ff" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "course_versions_course_hash_key" ON "course_versions" ("course_id", "content_hash")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "course_versions_course_version_key" ON "course_versions" ("course_id", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "cohorts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_version_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "name" jsonb NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "time_zone" character varying(64) NOT NULL,
                "online" boolean NOT NULL DEFAULT false,
                "city" jsonb NOT NULL DEFAULT '{}',
                "capacity" integer NOT NULL,
                "enrollment_mode" character varying(16) NOT NULL,
                "application_questions" jsonb NOT NULL DEFAULT '[]',
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "completion_rule" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_55c45ce9492475c06b07250cf6" ON "cohorts" ("course_version_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f4228ff8a867fe9bdc7fe5d07e" ON "cohorts" ("course_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0572b65800b7bc75757975f0bc" ON "cohorts" ("status")
        `);
        await queryRunner.query(`
            CREATE TABLE "enrollments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL,
                "sponsoring_organization_id" uuid,
                "consent_to_share" boolean NOT NULL DEFAULT false,
                "application_answers" jsonb NOT NULL DEFAULT '{}',
                "waitlisted_at" TIMESTAMP WITH TIME ZONE,
                "invite_code_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7c0f752f9fb68bf6ed7367ab00f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ff997f5a39cd24a491b9aca45c" ON "enrollments" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9ba61e2593c1e2612d688a26d6" ON "enrollments" ("sponsoring_organization_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "enrollments_cohort_status_idx" ON "enrollments" ("cohort_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "enrollments_cohort_user_key" ON "enrollments" ("cohort_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "cohort_invite_codes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "code_hash" character varying(64) NOT NULL,
                "max_uses" integer,
                "uses" integer NOT NULL DEFAULT '0',
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_073e38da734fe5491050b7a9493" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_941c431fffd0fc9f351d3d81eb" ON "cohort_invite_codes" ("cohort_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "cohort_invite_codes_hash_key" ON "cohort_invite_codes" ("code_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "cohort_staff" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_11abaa8210f8883a9933a145d0f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_edc652134dfdd44fc02f2f8e4d" ON "cohort_staff" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "cohort_staff_cohort_user_key" ON "cohort_staff" ("cohort_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "seat_allocations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "seats" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_27c8e6bca82c372efa307b8cd53" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5caeb6cd932a81770fcae0e084" ON "seat_allocations" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "seat_allocations_cohort_org_key" ON "seat_allocations" ("cohort_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "enrollment_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enrollment_id" uuid NOT NULL,
                "from_status" character varying(16),
                "to_status" character varying(16) NOT NULL,
                "actor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_519643d967be3b94db78084a271" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6b60df2795613794ad85ca66d5" ON "enrollment_events" ("enrollment_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD CONSTRAINT "FK_34cbd320b458b8cf9e0d580304e" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD CONSTRAINT "FK_55c45ce9492475c06b07250cf66" FOREIGN KEY ("course_version_id") REFERENCES "course_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "FK_66dbba19e66e25c3814f80b6478" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "FK_9ba61e2593c1e2612d688a26d6e" FOREIGN KEY ("sponsoring_organization_id") REFERENCES "organizations"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_invite_codes"
            ADD CONSTRAINT "FK_941c431fffd0fc9f351d3d81ebc" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_staff"
            ADD CONSTRAINT "FK_30ed4b4739c589ca40bef1bb6ac" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_staff"
            ADD CONSTRAINT "FK_edc652134dfdd44fc02f2f8e4d9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "seat_allocations"
            ADD CONSTRAINT "FK_7ff9aeedfa19cf763d205fe8032" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "seat_allocations"
            ADD CONSTRAINT "FK_5caeb6cd932a81770fcae0e084a" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollment_events"
            ADD CONSTRAINT "FK_6b60df2795613794ad85ca66d5d" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enrollment_events" DROP CONSTRAINT "FK_6b60df2795613794ad85ca66d5d"
        `);
        await queryRunner.query(`
            ALTER TABLE "seat_allocations" DROP CONSTRAINT "FK_5caeb6cd932a81770fcae0e084a"
        `);
        await queryRunner.query(`
            ALTER TABLE "seat_allocations" DROP CONSTRAINT "FK_7ff9aeedfa19cf763d205fe8032"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_staff" DROP CONSTRAINT "FK_edc652134dfdd44fc02f2f8e4d9"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_staff" DROP CONSTRAINT "FK_30ed4b4739c589ca40bef1bb6ac"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_invite_codes" DROP CONSTRAINT "FK_941c431fffd0fc9f351d3d81ebc"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "FK_9ba61e2593c1e2612d688a26d6e"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "FK_66dbba19e66e25c3814f80b6478"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts" DROP CONSTRAINT "FK_55c45ce9492475c06b07250cf66"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions" DROP CONSTRAINT "FK_34cbd320b458b8cf9e0d580304e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6b60df2795613794ad85ca66d5"
        `);
        await queryRunner.query(`
            DROP TABLE "enrollment_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."seat_allocations_cohort_org_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5caeb6cd932a81770fcae0e084"
        `);
        await queryRunner.query(`
            DROP TABLE "seat_allocations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."cohort_staff_cohort_user_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_edc652134dfdd44fc02f2f8e4d"
        `);
        await queryRunner.query(`
            DROP TABLE "cohort_staff"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."cohort_invite_codes_hash_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_941c431fffd0fc9f351d3d81eb"
        `);
        await queryRunner.query(`
            DROP TABLE "cohort_invite_codes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."enrollments_cohort_user_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."enrollments_cohort_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9ba61e2593c1e2612d688a26d6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ff997f5a39cd24a491b9aca45c"
        `);
        await queryRunner.query(`
            DROP TABLE "enrollments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0572b65800b7bc75757975f0bc"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f4228ff8a867fe9bdc7fe5d07e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_55c45ce9492475c06b07250cf6"
        `);
        await queryRunner.query(`
            DROP TABLE "cohorts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."course_versions_course_version_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."course_versions_course_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "course_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."courses_slug_key"
        `);
        await queryRunner.query(`
            DROP TABLE "courses"
        `);
    }

}
