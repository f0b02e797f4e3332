import { MAX_RETRY_DELAY_MS, retryDelayMs } from './outbox.repository';

describe('retryDelayMs', () => {
  it('doubles from half the reclaim window and stops at an hour', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 60_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20, 60_000)).toBe(MAX_RETRY_DELAY_MS);
  });
});
