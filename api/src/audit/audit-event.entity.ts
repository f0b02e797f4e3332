import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which record: role changes, account changes, and later grades, attendance, certificates. */
@Entity('audit_events')
@Index(['entityType', 'entityId'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null when the system acted (a job, a migration). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Dotted verb, e.g. `user.registered`, `organization.member.role_changed`. */
  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'uuid' })
  entityId: string;

  /** Before/after values; never secrets. */
  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
