import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { RateLimitedException } from './domain.exception';

export interface RateLimit {
  /** Requests allowed per window. */
  points: number;
  /** Window, in seconds. */
  duration: number;
}

/**
 * A rate limiter whose counters live in PostgreSQL (`rate_limit_buckets`, created by the migrations), so every api
 * instance shares them. `keyPrefix` separates the limits sharing the table.
 *
 * @example
 *   const perIp = pgRateLimiter(dataSource, 'verify-ip', { points: 30, duration: 60 });
 *   await consumeOrThrow(perIp, ctx.ip); // 429 with Retry-After once the 31st request of the minute comes
 */
export function pgRateLimiter(dataSource: DataSource, keyPrefix: string, limit: RateLimit): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: dataSource,
    storeType: 'typeorm',
    tableName: 'rate_limit_buckets',
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix,
    ...limit,
  });
}

/** Counts one request against `key`; over the limit, a 429 problem saying when to try again (login's, unless given). */
export async function consumeOrThrow(limiter: RateLimiterPostgres, key: string, problem?: { code: string; messageKey: string }): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedException(error.msBeforeNext / 1000, problem?.code, problem?.messageKey);
    throw error;
  }
}
