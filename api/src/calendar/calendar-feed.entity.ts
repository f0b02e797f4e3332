import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A user's secret calendar feed. The feed token is not stored: it is derived from the user id, this generation and
 * a server secret (HMAC), so `GET /api/me/calendar-feed` can show the same URL again while a database dump reveals
 * none. Rotating bumps the generation and the old URL stops working at once.
 */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  user: Relation<User>;

  @Column({ type: 'int', default: 1 })
  generation: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  rotatedAt: Date;
}
