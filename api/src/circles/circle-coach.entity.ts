import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';
import { LearningCircle } from './learning-circle.entity';

/** A coach of one circle (a circle may have several; a coach may hold several circles). */
@Entity('circle_coaches')
@Index('circle_coaches_circle_user_key', ['circleId', 'userId'], { unique: true })
export class CircleCoach {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  circleId: string;

  @ManyToOne(() => LearningCircle, { onDelete: 'CASCADE' })
  @JoinColumn()
  circle: Relation<LearningCircle>;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  user: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
