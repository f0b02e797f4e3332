import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';
import { Cohort } from './cohort.entity';

export const COHORT_STAFF_ROLES = ['lead_trainer', 'coach'] as const;
export type CohortStaffRole = (typeof COHORT_STAFF_ROLES)[number];

@Entity('cohort_staff')
@Index('cohort_staff_cohort_user_key', ['cohortId', 'userId'], { unique: true })
export class CohortStaff {
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
  role: CohortStaffRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
