import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Submission } from '../submissions/submission.entity';
import { SubmissionVersion } from '../submissions/submission-version.entity';

/**
 * An attachment kept in the FileStore under `fileKey`. Attached to a submission's draft (`versionId` null) until the
 * draft is submitted, then to that version for good. `mediaType` is what the content turned out to be (sniffed),
 * not what the name or the browser claimed.
 */
@Entity('submission_files')
export class SubmissionFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn()
  submission: Relation<Submission>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  versionId: string | null;

  @ManyToOne(() => SubmissionVersion, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  version: Relation<SubmissionVersion> | null;

  @Column({ type: 'varchar', length: 200 })
  fileKey: string;

  /** The name the trainee gave it (shown, and used for downloads after sanitizing). */
  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  @Column({ type: 'varchar', length: 100 })
  mediaType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
