import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { LearningCircle } from '../circles/learning-circle.entity';

export const SERIES_FREQUENCIES = ['weekly', 'every_2_weeks', 'monthly', 'every_2_months'] as const;
export type SeriesFrequency = (typeof SERIES_FREQUENCIES)[number];

/**
 * How a series of sessions was asked for: wall-clock time in an IANA zone, so "every 2 weeks at 18:00 Asia/Amman"
 * stays at 18:00 across daylight-saving changes. Its occurrences are rows of `circle_sessions`.
 */
@Entity('session_series')
export class SessionSeries {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  circleId: string;

  @ManyToOne(() => LearningCircle, { onDelete: 'CASCADE' })
  @JoinColumn()
  circle: Relation<LearningCircle>;

  @Column({ type: 'varchar', length: 16 })
  frequency: SeriesFrequency;

  /** First occurrence's local date and time, e.g. 2026-12-03 and 18:00, in `timeZone`. */
  @Column({ type: 'date' })
  firstDate: string;

  @Column({ type: 'time' })
  localTime: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'int' })
  occurrences: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
