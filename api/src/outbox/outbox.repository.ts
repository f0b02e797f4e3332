import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** After this many processing attempts a message is given up ('failed', with the last error). */
export const MAX_ATTEMPTS = 8;

/** Longest wait between two attempts. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * Wait before attempt `attempts + 1`: doubling from half the reclaim window (30 s by default: 30 s, 1 min, 2 min …
 * capped at an hour, so the 8 attempts span about two hours of an SMTP outage).
 */
export function retryDelayMs(attempts: number, reclaimAfterMs: number): number {
  const base = Math.max(100, Math.floor(reclaimAfterMs / 2));
  return Math.min(MAX_RETRY_DELAY_MS, base * 2 ** Math.max(0, attempts - 1));
}

/** The SQL form of `retryDelayMs` for a row's own `attempts`, as an interval. `$base` is the base in ms. */
const RETRY_DELAY_SQL = (base: string) => `(least(${base}::float8 * power(2, greatest(attempts - 1, 0)), ${MAX_RETRY_DELAY_MS}) * interval '1 millisecond')`;

export interface DueMessage {
  id: string;
  kind: string;
}

export interface ClaimedMessage {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * The outbox state machine, in single conditional statements so that several workers (and a reconciler) can race
 * on the same row safely:
 *
 *   pending ──relay──▶ enqueued ──claim──▶ processing ──▶ done
 *      ▲                  │                     │ └─────▶ failed (permanent error, or MAX_ATTEMPTS reached)
 *      └── reconciler ────┴──── or a retry ─────┘
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Locks up to `limit` due pending rows of the given kinds for the length of `relay`'s transaction (rows locked by
   * another relay are skipped), and marks them enqueued only if `relay` succeeds.
   */
  async relayDue(kinds: string[], limit: number, relay: (rows: DueMessage[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const rows: DueMessage[] = await manager.query(
        `SELECT id, kind FROM outbox_messages
          WHERE status = 'pending' AND available_at <= now() AND kind = ANY($1)
          ORDER BY available_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [kinds, limit],
      );
      if (rows.length === 0) return 0;
      await relay(rows);
      await manager.query(`UPDATE outbox_messages SET status = 'enqueued', enqueued_at = now() WHERE id = ANY($1)`, [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  /**
   * Takes back rows whose job Redis lost (enqueued too long ago) or whose worker died or hung (claimed too long
   * ago). A lost job costs no attempt; a lost claim does, with backoff, and ends in 'failed' after MAX_ATTEMPTS.
   */
  async reclaimStale(reclaimAfterMs: number): Promise<{ requeued: number; failed: number }> {
    const [rows] = await this.dataSource.query<[Array<{ status: string }>, number]>(
      `UPDATE outbox_messages SET
          status = CASE WHEN status = 'processing' AND attempts >= $2 THEN 'failed' ELSE 'pending' END,
          available_at = CASE WHEN status = 'processing' THEN now() + ${RETRY_DELAY_SQL('$3')} ELSE now() END,
          last_error = CASE WHEN status = 'processing' THEN $4 ELSE last_error END,
          enqueued_at = NULL,
          claimed_at = NULL
        WHERE (status = 'enqueued' AND enqueued_at < now() - $1::int * interval '1 millisecond')
           OR (status = 'processing' AND claimed_at < now() - $1::int * interval '1 millisecond')
        RETURNING status`,
      [reclaimAfterMs, MAX_ATTEMPTS, Math.max(100, Math.floor(reclaimAfterMs / 2)), `Not finished within ${reclaimAfterMs} ms of being claimed (the worker stopped or hung)`],
    );
    const failed = rows.filter((row) => row.status === 'failed').length;
    return { requeued: rows.length - failed, failed };
  }

  /**
   * Claims a row for processing. Returns null when it is not there to take: done, failed, claimed by another
   * worker, or waiting for its next attempt. The caller then does nothing, which makes redelivery harmless.
   */
  async claim(id: string): Promise<ClaimedMessage | null> {
    const [rows] = await this.dataSource.query<[ClaimedMessage[], number]>(
      `UPDATE outbox_messages SET status = 'processing', claimed_at = now(), attempts = attempts + 1
        WHERE id = $1 AND status IN ('pending', 'enqueued') AND available_at <= now()
        RETURNING id, kind, payload, attempts`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Deletes up to `limit` rows that were done more than `retentionDays` ago, in one statement; returns how many.
   * Only `done` rows: pending, enqueued, processing and failed ones are work or evidence. Rows another pruner has
   * locked are skipped, so pruners running at once delete disjoint rows and a repeat finds nothing to do. Why a
   * done row's dedupe key may go with it: docs/decisions/002 (amendment, pruning).
   */
  async pruneDone(retentionDays: number, limit: number): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM outbox_messages WHERE id IN (
          SELECT id FROM outbox_messages
           WHERE status = 'done' AND processed_at < now() - make_interval(days => $1)
           LIMIT $2
           FOR UPDATE SKIP LOCKED)`,
      [retentionDays, limit],
    );
    return deleted;
  }

  /**
   * The effect happened. Whatever state the row reached meanwhile, it must not be attempted again. Pass a
   * transaction's manager to record it together with the effect (then a crash cannot separate the two).
   */
  async markDone(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE outbox_messages SET status = 'done', processed_at = now(), claimed_at = NULL WHERE id = $1`, [id]);
  }

  /**
   * The attempt failed: try again after a backoff, or give up when the error is permanent or attempts ran out.
   * Returns the new status.
   */
  async markAttemptFailed(id: string, error: string, options: { permanent: boolean; reclaimAfterMs: number }): Promise<'pending' | 'failed' | null> {
    const [rows] = await this.dataSource.query<[Array<{ status: 'pending' | 'failed' }>, number]>(
      `UPDATE outbox_messages SET
          status = CASE WHEN $3 OR attempts >= $4 THEN 'failed' ELSE 'pending' END,
          available_at = now() + ${RETRY_DELAY_SQL('$5')},
          last_error = $2,
          enqueued_at = NULL,
          claimed_at = NULL
        WHERE id = $1 AND status = 'processing'
        RETURNING status`,
      [id, error.slice(0, 2000), options.permanent, MAX_ATTEMPTS, Math.max(100, Math.floor(options.reclaimAfterMs / 2))],
    );
    return rows[0]?.status ?? null;
  }
}
