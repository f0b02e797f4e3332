import { MigrationInterface, QueryRunner } from "typeorm";

export class ReportingOrganization1795309309817 implements MigrationInterface {
    name = 'ReportingOrganization1795309309817'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD "reporting_organization_id" uuid
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_31a22006a0964e5385ff22fc0d" ON "enrollments" ("reporting_organization_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "FK_31a22006a0964e5385ff22fc0df" FOREIGN KEY ("reporting_organization_id") REFERENCES "organizations"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        // Reviewed by hand: until now only a sponsor (seat) tied an enrollment to an organization, and partner reports
        // read that column; existing enrollments keep reporting to their sponsor (and keep the consent they gave it).
        await queryRunner.query(`
            UPDATE "enrollments" SET "reporting_organization_id" = "sponsoring_organization_id"
            WHERE "sponsoring_organization_id" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "FK_31a22006a0964e5385ff22fc0df"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_31a22006a0964e5385ff22fc0d"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments" DROP COLUMN "reporting_organization_id"
        `);
    }

}
