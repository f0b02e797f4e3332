import type { JobOptions, QueueOptions } from 'bull';
import type { AppConfig } from '../config/config';

/** Bull queue that carries `email` outbox messages to the email processor. */
export const EMAIL_QUEUE = 'email';

/** Bull queue that carries `certificate` outbox messages (render, store, sign, then email) to the certificate processor. */
export const CERTIFICATE_QUEUE = 'certificate';

/**
 * A Bull job only names the outbox row it stands for; the row (PostgreSQL) holds the payload and the state.
 * The job id is the outbox id plus the relay's time, so a row sent round again always gets a job; a second job for
 * the same row does nothing (the row is claimed once).
 */
export interface OutboxJob {
  outboxId: string;
}

/**
 * Bull's own retries only cover failures before a handler has claimed its row (e.g. PostgreSQL briefly away).
 * Once a row is claimed, retries and their backoff are kept in PostgreSQL (`attempts`, `available_at`), which
 * survives Redis losing everything. Finished jobs are removed: PostgreSQL is the record, and a removed job id can
 * be added again when the reconciler sends a row round once more.
 */
export const OUTBOX_JOB_OPTIONS: JobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: true,
};

/**
 * A worker that dies leaves its active jobs locked in Redis until the lock expires; Bull's stalled-job check then
 * hands them to another worker. Keep that within the reclaim window so a killed worker's jobs come back about as
 * fast as the reconciler would take their rows back (Bull's defaults, 30 s, for the default 60 s window).
 */
export function queueSettings(config: AppConfig): QueueOptions['settings'] {
  const lockDuration = Math.min(30_000, Math.max(2_000, Math.floor(config.OUTBOX_RECLAIM_AFTER_MS / 2)));
  return { lockDuration, stalledInterval: lockDuration, maxStalledCount: 1, retryProcessDelay: 1000 };
}

/** `redis://user:***@host:port/db`, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid url)';
  }
}

/** Resolves with the promise, or rejects after `ms` (the promise keeps running; callers must tolerate that). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
