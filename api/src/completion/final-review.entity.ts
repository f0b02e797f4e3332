import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Enrollment } from '../enrollments/enrollment.entity';

/** A trainer's final sign-off on a trainee (the optional `finalReview` completion rule). One per enrollment. */
@Entity('final_reviews')
export class FinalReview {
  @PrimaryColumn({ type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn()
  enrollment: Relation<Enrollment>;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  reviewedAt: Date;
}
