import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { LearningCircle } from '../circles/learning-circle.entity';
import type { LocalizedText } from '../common/localized-text';
import { SessionSeries } from './session-series.entity';

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * One meeting of a circle. `startsAt` is the instant; `timeZone` the zone it was planned in (rendering and
 * iCalendar TZID). `sequence` grows with every change a calendar must see (iCalendar SEQUENCE); its `id` is the UID.
 */
@Entity('circle_sessions')
@Index('circle_sessions_circle_starts_idx', ['circleId', 'startsAt'])
export class CircleSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  circleId: string;

  @ManyToOne(() => LearningCircle, { onDelete: 'CASCADE' })
  @JoinColumn()
  circle: Relation<LearningCircle>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  seriesId: string | null;

  @ManyToOne(() => SessionSeries, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  series: Relation<SessionSeries> | null;

  /** 1-based position in its series (stable when later ones are edited), null for a single session. */
  @Column({ type: 'int', nullable: true })
  seriesIndex: number | null;

  @Index()
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'jsonb', default: {} })
  place: LocalizedText;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'jsonb', default: {} })
  agenda: LocalizedText;

  @Column({ type: 'varchar', length: 16, default: 'scheduled' })
  status: SessionStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ type: 'int', default: 0 })
  sequence: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
