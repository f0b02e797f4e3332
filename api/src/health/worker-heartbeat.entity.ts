import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per worker process, written by the process itself every WORKER_HEARTBEAT_MS: how GET /api/health knows a
 * worker is running. In PostgreSQL because Redis may lose everything (DESIGN.md, Runtime).
 */
@Entity('worker_heartbeats')
export class WorkerHeartbeat {
  /** Chosen by the process at start; a restarted worker is a new row. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 255 })
  hostname: string;

  @Column({ type: 'integer' })
  pid: number;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  /** Set by a graceful stop, so the worker reads as down at once rather than after three missed beats. */
  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;
}
