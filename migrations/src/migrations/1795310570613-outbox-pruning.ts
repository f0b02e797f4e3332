import { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxPruning1795310570613 implements MigrationInterface {
    name = 'OutboxPruning1795310570613'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "outbox_messages_done_idx" ON "outbox_messages" ("processed_at")
            WHERE status = 'done'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."outbox_messages_done_idx"
        `);
    }

}
