import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';
import { Enrollment } from '../enrollments/enrollment.entity';

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'passed'] as const;
/**
 * - `draft`: nothing submitted yet (a draft may be saved);
 * - `submitted`: the latest version waits for review (or has an unreleased review);
 * - `returned`: the released review asks for a revision (a new version may be submitted);
 * - `passed`: the released review passed the latest version.
 */
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** One trainee's work on one assignment: the current draft and the submitted versions (`submission_versions`). */
@Entity('submissions')
@Index('submissions_assignment_enrollment_key', ['assignmentId', 'enrollmentId'], { unique: true })
@Index('submissions_status_submitted_idx', ['status', 'submittedAt'])
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn()
  assignment: Relation<Assignment>;

  @Index()
  @Column({ type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn()
  enrollment: Relation<Enrollment>;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: SubmissionStatus;

  /** Markdown being written; autosaved. Never shown to anyone but its author. */
  @Column({ type: 'text', default: '' })
  draftText: string;

  @Column({ type: 'timestamptz', nullable: true })
  draftSavedAt: Date | null;

  /** Number of the newest submitted version (0 before the first). */
  @Column({ type: 'int', default: 0 })
  latestVersion: number;

  /** When the newest version was submitted (the grading queue's order). */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
