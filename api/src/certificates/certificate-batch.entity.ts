import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';

/**
 * "Issue to every eligible trainee": the certificate rows are written at once with one outbox row each; progress is
 * counted from the certificates whose `batchId` is this batch (rendered = `pdfRevision = revision`).
 */
@Entity('certificate_batches')
export class CertificateBatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn()
  cohort: Relation<Cohort>;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @Column({ type: 'int' })
  total: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
