import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale } from '../common/localized-text';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Case-folded before it is stored; unique. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** argon2id hash; null until an invited person sets a password. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  nameLatin: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  nameArabic: string;

  @Column({ type: 'varchar', length: 2, default: 'ar' })
  locale: Locale;

  /** IANA time zone, e.g. Asia/Amman. */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Amman' })
  timeZone: string;

  @Column({ type: 'boolean', default: false })
  isAdmin: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
