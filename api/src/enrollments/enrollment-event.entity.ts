import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Enrollment, type EnrollmentStatus } from './enrollment.entity';

/** The history of an enrollment: one row per status transition, with who made it. */
@Entity('enrollment_events')
export class EnrollmentEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn()
  enrollment: Relation<Enrollment>;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: EnrollmentStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: EnrollmentStatus;

  /** Null when the system made the change (promotion from the waitlist). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
