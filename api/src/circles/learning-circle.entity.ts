import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import type { LocalizedText } from '../common/localized-text';

/** A small group of a cohort's trainees meeting with their coach(es) on a schedule, in a city or online. */
@Entity('learning_circles')
export class LearningCircle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn()
  cohort: Relation<Cohort>;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  /** Where the circle usually meets (a default for its sessions); `{}` when online. */
  @Column({ type: 'jsonb', default: {} })
  place: LocalizedText;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
