import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { CertificateFields } from '@halaqa/certificates';
import { Cohort } from '../cohorts/cohort.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { User } from '../users/user.entity';
import { CertificateBatch } from './certificate-batch.entity';

/**
 * One certificate per enrollment (unique). Issuing again after a name correction bumps `revision`, refreshes the
 * snapshot of printed fields and re-renders the PDF; the public `code` never changes. The PDF and the signed
 * credential are produced by the worker (`pdfRevision` = the revision they were made from; behind `revision` while
 * the worker has not caught up).
 */
@Entity('certificates')
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('certificates_enrollment_key', { unique: true })
  @Column({ type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn()
  enrollment: Relation<Enrollment>;

  @Index()
  @Column({ type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn()
  cohort: Relation<Cohort>;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  user: Relation<User>;

  /** The public verification code, normalized (28 Crockford symbols, no dashes); printed grouped in fours. */
  @Index('certificates_code_key', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'int', default: 1 })
  revision: number;

  /** Every field printed on the certificate, as printed (the verify page shows exactly these). */
  @Column({ type: 'jsonb' })
  fields: CertificateFields;

  /** Random salt of the credential subject's email hash (Open Badges IdentityObject). */
  @Column({ type: 'varchar', length: 64 })
  identitySalt: string;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  issuedById: string | null;

  /** The batch that last (re-)issued it; null when issued to one trainee. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  batchId: string | null;

  @ManyToOne(() => CertificateBatch, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  batch: Relation<CertificateBatch> | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedById: string | null;

  /** Shown to the graduate and to staff; never on the public verify page. */
  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;

  /** FileStore key of the current PDF; null until the worker has rendered one. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  pdfFileKey: string | null;

  @Column({ type: 'int', nullable: true })
  pdfRevision: number | null;

  @Column({ type: 'int', nullable: true })
  pdfBytes: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  renderedAt: Date | null;

  /** The Open Badges 3.0 credential as a compact VC-JWT (EdDSA), signed with the same revision as the PDF. */
  @Column({ type: 'text', nullable: true })
  credentialJwt: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
