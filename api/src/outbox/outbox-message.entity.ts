import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OUTBOX_STATUSES = ['pending', 'enqueued', 'processing', 'done', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A side effect waiting to happen (an email, later a certificate or a reminder), written in the same transaction as
 * the change that causes it. PostgreSQL is the source of truth; Redis only carries the message id to a worker.
 */
@Entity('outbox_messages')
@Index('outbox_messages_due_idx', ['status', 'availableAt'])
// The pruner's range: done rows by age, without walking every done row through the due index.
@Index('outbox_messages_done_idx', ['processedAt'], { where: `status = 'done'` })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What to do, e.g. `email`. Names the processor. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** Unique when set: asking twice for the same effect (same email for the same event) stores one row. */
  @Index('outbox_messages_dedupe_key', { unique: true, where: 'dedupe_key IS NOT NULL' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Not before: delayed effects (reminders) wait here, not in Redis. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt: Date | null;

  /** Set when a worker claims the message; a claim older than the timeout is taken back by the reconciler. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
