import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';
import { SubmissionVersion } from '../submissions/submission-version.entity';

export const COMMENT_KINDS = ['thread', 'peer'] as const;
/** `thread`: between the trainee and their coach/trainers. `peer`: advisory feedback from a circle-mate on released work. */
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** A comment on one submission version, optionally about one rubric criterion. */
@Entity('feedback_comments')
@Index('feedback_comments_version_created_idx', ['versionId', 'createdAt'])
export class FeedbackComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => SubmissionVersion, { onDelete: 'CASCADE' })
  @JoinColumn()
  version: Relation<SubmissionVersion>;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  author: Relation<User>;

  @Column({ type: 'varchar', length: 8, default: 'thread' })
  kind: CommentKind;

  @Column({ type: 'varchar', length: 100, nullable: true })
  criterionKey: string | null;

  /** Markdown; sanitized when shown. */
  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
