import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { consumeOrThrow, pgRateLimiter } from '../common/pg-rate-limiter';
import { hashToken } from '../common/tokens';

/** Failed sign-ins allowed per account and per IP address in a window; the next attempt gets 429. */
export const LOGIN_LIMITS = {
  account: { points: 5, duration: 15 * 60 },
  ip: { points: 50, duration: 15 * 60 },
  /** Reset emails per address, so nobody can flood an inbox through us. Beyond it, requests still answer 202. */
  resetEmail: { points: 3, duration: 60 * 60 },
} as const;

/**
 * Login throttling stored in PostgreSQL (see pgRateLimiter), so every api instance shares the counters. Keys are
 * hashed: an email can be longer than the key column and has no place in it.
 */
@Injectable()
export class LoginLimiter {
  private readonly account: RateLimiterPostgres;
  private readonly ip: RateLimiterPostgres;
  private readonly resetEmail: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.account = pgRateLimiter(dataSource, 'login-account', LOGIN_LIMITS.account);
    this.ip = pgRateLimiter(dataSource, 'login-ip', LOGIN_LIMITS.ip);
    this.resetEmail = pgRateLimiter(dataSource, 'reset-email', LOGIN_LIMITS.resetEmail);
  }

  /**
   * Counts one attempt against the account and the IP before the password is checked (so parallel guesses cannot
   * slip past the limit); a successful sign-in gives the points back with `succeeded`.
   */
  async attempt(email: string, ip: string): Promise<void> {
    await consumeOrThrow(this.ip, ip);
    await consumeOrThrow(this.account, hashToken(email));
  }

  /** A correct password clears the account's failures and returns the IP's point. */
  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.all([this.account.delete(hashToken(email)), this.ip.reward(ip)]);
  }

  /** Whether another reset email may go to this address now. */
  async allowResetEmail(email: string): Promise<boolean> {
    try {
      await this.resetEmail.consume(hashToken(email));
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  }
}
