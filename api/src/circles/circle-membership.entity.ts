import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Enrollment } from '../enrollments/enrollment.entity';
import { LearningCircle } from './learning-circle.entity';

/**
 * A trainee's stay in a circle: moving them ends this row (`leftAt`) and opens another, so past attendance keeps
 * pointing at the circle they were in. At most one open row per enrollment.
 */
@Entity('circle_memberships')
@Index('circle_memberships_open_enrollment_key', ['enrollmentId'], { unique: true, where: '"left_at" IS NULL' })
@Index('circle_memberships_circle_idx', ['circleId', 'leftAt'])
export class CircleMembership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  circleId: string;

  @ManyToOne(() => LearningCircle, { onDelete: 'CASCADE' })
  @JoinColumn()
  circle: Relation<LearningCircle>;

  @Index()
  @Column({ type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn()
  enrollment: Relation<Enrollment>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  /** Who added or moved them (null: auto-assignment by the system on someone's behalf is still recorded by actor). */
  @Column({ type: 'uuid', nullable: true })
  addedById: string | null;
}
