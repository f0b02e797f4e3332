import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Submission } from './submission.entity';

/** What was handed in, frozen: each resubmission is a new version and earlier ones stay readable. */
@Entity('submission_versions')
@Index('submission_versions_submission_number_key', ['submissionId', 'number'], { unique: true })
export class SubmissionVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn()
  submission: Relation<Submission>;

  @Column({ type: 'int' })
  number: number;

  /** Markdown as written; sanitized when shown, never stored as HTML. */
  @Column({ type: 'text', default: '' })
  text: string;

  /** Submitted after the (extended) due date under the `mark_late` or `accept` policy. */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt: Date;
}
