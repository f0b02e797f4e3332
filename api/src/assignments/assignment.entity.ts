import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { RubricCriterion, SubmissionKind } from '@halaqa/courses';
import { Cohort } from '../cohorts/cohort.entity';
import type { LocalizedText } from '../common/localized-text';

export const LATE_POLICIES = ['accept', 'mark_late', 'close'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

/**
 * An exercise template of the cohort's pinned course version, made concrete for the cohort: its own due date,
 * late policy, submission kind and pass mark. Title, instructions and rubric are copied from the template when the
 * assignment is made, so a review always grades against the rubric the trainee saw.
 */
@Entity('assignments')
@Index('assignments_cohort_exercise_key', ['cohortId', 'exerciseKey'], { unique: true })
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn()
  cohort: Relation<Cohort>;

  @Column({ type: 'varchar', length: 100 })
  moduleKey: string;

  @Column({ type: 'varchar', length: 100 })
  exerciseKey: string;

  /** Order in the course (module order, then exercise order): the gradebook's columns. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  /** Markdown per locale. */
  @Column({ type: 'jsonb' })
  instructions: LocalizedText;

  @Column({ type: 'jsonb' })
  rubric: RubricCriterion[];

  @Column({ type: 'int' })
  passMark: number;

  @Column({ type: 'varchar', length: 8 })
  submissionKind: SubmissionKind;

  @Index()
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'mark_late' })
  latePolicy: LatePolicy;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
