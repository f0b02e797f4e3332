import { MigrationInterface, QueryRunner } from "typeorm";

export class Certificates1795298703736 implements MigrationInterface {
    name = 'Certificates1795298703736'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "final_reviews" (
                "enrollment_id" uuid NOT NULL,
                "passed" boolean NOT NULL,
                "note" text NOT NULL DEFAULT '',
                "reviewed_by_id" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_16fc45a3a08dc7d9760e8febf2d" PRIMARY KEY ("enrollment_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "certificate_batches" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "requested_by_id" uuid,
                "total" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9358f0ebfa17fe9e85bae1822d3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_da1e1e3b7ad19fee4297752ec3" ON "certificate_batches" ("cohort_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enrollment_id" uuid NOT NULL,
                "cohort_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "revision" integer NOT NULL DEFAULT '1',
                "fields" jsonb NOT NULL,
                "identity_salt" character varying(64) NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "issued_by_id" uuid,
                "batch_id" uuid,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_by_id" uuid,
                "revocation_reason" text,
                "pdf_file_key" character varying(80),
                "pdf_revision" integer,
                "pdf_bytes" integer,
                "rendered_at" TIMESTAMP WITH TIME ZONE,
                "credential_jwt" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "certificates_enrollment_key" ON "certificates" ("enrollment_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d7609db7f51e86bfe1163d6984" ON "certificates" ("cohort_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_88f90b1b9c635c14271e509cec" ON "certificates" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "certificates_code_key" ON "certificates" ("code")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e22bbd3f0c47b543ce91e16ddd" ON "certificates" ("batch_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD "certificate_settings" jsonb NOT NULL DEFAULT '{"secondaryLocale":"en","issuerName":{},"signatories":[]}'
        `);
        await queryRunner.query(`
            ALTER TABLE "final_reviews"
            ADD CONSTRAINT "FK_16fc45a3a08dc7d9760e8febf2d" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_batches"
            ADD CONSTRAINT "FK_da1e1e3b7ad19fee4297752ec3c" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_f0f3773b2ccb7811da9ccd63d94" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_d7609db7f51e86bfe1163d6984f" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_88f90b1b9c635c14271e509cec0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_e22bbd3f0c47b543ce91e16ddde" FOREIGN KEY ("batch_id") REFERENCES "certificate_batches"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_e22bbd3f0c47b543ce91e16ddde"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_88f90b1b9c635c14271e509cec0"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_d7609db7f51e86bfe1163d6984f"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_f0f3773b2ccb7811da9ccd63d94"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_batches" DROP CONSTRAINT "FK_da1e1e3b7ad19fee4297752ec3c"
        `);
        await queryRunner.query(`
            ALTER TABLE "final_reviews" DROP CONSTRAINT "FK_16fc45a3a08dc7d9760e8febf2d"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts" DROP COLUMN "certificate_settings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e22bbd3f0c47b543ce91e16ddd"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."certificates_code_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_88f90b1b9c635c14271e509cec"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d7609db7f51e86bfe1163d6984"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."certificates_enrollment_key"
        `);
        await queryRunner.query(`
            DROP TABLE "certificates"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_da1e1e3b7ad19fee4297752ec3"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate_batches"
        `);
        await queryRunner.query(`
            DROP TABLE "final_reviews"
        `);
    }

}
