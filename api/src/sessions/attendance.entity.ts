import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Enrollment } from '../enrollments/enrollment.entity';
import { CircleSession } from './circle-session.entity';

export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One trainee at one session, as their coach marked it. The session says which circle it was. */
@Entity('attendance')
@Index('attendance_session_enrollment_key', ['sessionId', 'enrollmentId'], { unique: true })
export class Attendance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => CircleSession, { onDelete: 'CASCADE' })
  @JoinColumn()
  session: Relation<CircleSession>;

  @Index()
  @Column({ type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn()
  enrollment: Relation<Enrollment>;

  @Column({ type: 'varchar', length: 16 })
  status: AttendanceStatus;

  @Column({ type: 'uuid', nullable: true })
  markedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  markedAt: Date;
}
