import { MigrationInterface, QueryRunner } from "typeorm";

export class WorkerHeartbeats1795310888983 implements MigrationInterface {
    name = 'WorkerHeartbeats1795310888983'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "worker_heartbeats" (
                "id" uuid NOT NULL,
                "hostname" character varying(255) NOT NULL,
                "pid" integer NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "stopped_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b78cac2cb4a34485da0553fd5c9" PRIMARY KEY ("id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "worker_heartbeats"
        `);
    }

}
