import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';

export const ENROLLMENT_STATUSES = ['applied', 'waitlisted', 'active', 'withdrawn', 'completed', 'rejected'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** A person's place in a cohort; every status change is also an `enrollment_events` row. */
@Entity('enrollments')
@Index('enrollments_cohort_user_key', ['cohortId', 'userId'], { unique: true })
@Index('enrollments_cohort_status_idx', ['cohortId', 'status'])
export class Enrollment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  @Column({ type: 'varchar', length: 16 })
  status: EnrollmentStatus;

  /** The organization whose seat the person holds (placed by its manager); seats and capacity count this column. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  sponsoringOrganizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  sponsoringOrganization: Relation<Organization> | null;

  /**
   * The organization this enrollment's progress is reported to while `consentToShare` holds: the sponsor when an
   * organization placed the person in one of its seats, else the organization the person named when joining (which
   * holds no seat: ADR 009).
   */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  reportingOrganizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  reportingOrganization: Relation<Organization> | null;

  /** The trainee agreed to share their progress with the reporting organization; they may withdraw it at any time. */
  @Column({ type: 'boolean', default: false })
  consentToShare: boolean;

  @Column({ type: 'jsonb', default: {} })
  applicationAnswers: Record<string, string>;

  /** Orders the waitlist: the earliest is promoted first. */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  inviteCodeId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
