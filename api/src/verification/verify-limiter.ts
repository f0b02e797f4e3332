import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { consumeOrThrow, pgRateLimiter } from '../common/pg-rate-limiter';

/** Public verification requests allowed per IP address and minute: plenty for people, too few to walk the codes. */
export const VERIFY_LIMIT = { points: 30, duration: 60 } as const;

@Injectable()
export class VerifyLimiter {
  private readonly perIp: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.perIp = pgRateLimiter(dataSource, 'verify-ip', VERIFY_LIMIT);
  }

  /** Counts one verification (a page or a credential) from this IP; over the limit, 429 `verify.rate_limited`. */
  count(ip: string): Promise<void> {
    return consumeOrThrow(this.perIp, ip, { code: 'verify.rate_limited', messageKey: 'errors.verify_rate_limited' });
  }
}
