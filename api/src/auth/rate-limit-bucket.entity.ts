import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Storage for rate-limiter-flexible's PostgreSQL limiter (login attempts per account and per IP). */
@Entity('rate_limit_buckets')
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  @Column({ type: 'integer', default: 0 })
  points: number;

  @Column({ type: 'bigint', nullable: true })
  expire: string | null;
}
