import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { CertificateSettings } from '@halaqa/certificates';
import type { CompletionRule } from '@halaqa/courses';
import type { LocalizedText } from '../common/localized-text';
import { CourseVersion } from '../courses/course-version.entity';

export const COHORT_STATUSES = ['draft', 'open', 'running', 'completed'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];
export const ENROLLMENT_MODES = ['open', 'application', 'invite'] as const;
export type EnrollmentMode = (typeof ENROLLMENT_MODES)[number];

export interface ApplicationQuestion {
  key: string;
  label: LocalizedText;
  required: boolean;
}

/** A run of one pinned course version, with its dates, place, capacity and way to join. */
@Entity('cohorts')
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  courseVersionId: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'RESTRICT' })
  @JoinColumn()
  courseVersion: Relation<CourseVersion>;

  /** Denormalized from the version so catalog queries need no join through versions. */
  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Column({ type: 'jsonb', default: {} })
  city: LocalizedText;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'varchar', length: 16 })
  enrollmentMode: EnrollmentMode;

  @Column({ type: 'jsonb', default: [] })
  applicationQuestions: ApplicationQuestion[];

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: CohortStatus;

  /** Copied from the course's default when the cohort is created, then adjustable per cohort. */
  @Column({ type: 'jsonb' })
  completionRule: CompletionRule;

  /** Second language, issuer name and signatories printed on the cohort's certificates. */
  @Column({ type: 'jsonb', default: { secondaryLocale: 'en', issuerName: {}, signatories: [] } })
  certificateSettings: CertificateSettings;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
