import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { SubmissionVersion } from '../submissions/submission-version.entity';

export const REVIEW_DECISIONS = ['pass', 'revise'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * A coach's (or trainer's) review of one submitted version: a level per rubric criterion, feedback, and a decision.
 * Invisible to the trainee until `releasedAt` is set. Every change is an audit event.
 */
@Entity('reviews')
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('reviews_version_key', { unique: true })
  @Column({ type: 'uuid' })
  versionId: string;

  @OneToOne(() => SubmissionVersion, { onDelete: 'CASCADE' })
  @JoinColumn()
  version: Relation<SubmissionVersion>;

  @Column({ type: 'uuid', nullable: true })
  reviewerId: string | null;

  /** Criterion key → level key, e.g. `{ "choice": "proficient" }`. */
  @Column({ type: 'jsonb', default: {} })
  scores: Record<string, string>;

  /** Sum of the chosen levels' points (denormalized for the gradebook). */
  @Column({ type: 'int', default: 0 })
  points: number;

  /** Overall feedback, Markdown, in whatever language the coach wrote it. */
  @Column({ type: 'text', default: '' })
  feedback: string;

  /** Optional feedback per criterion key. */
  @Column({ type: 'jsonb', default: {} })
  criterionFeedback: Record<string, string>;

  @Column({ type: 'varchar', length: 8, nullable: true })
  decision: ReviewDecision | null;

  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

