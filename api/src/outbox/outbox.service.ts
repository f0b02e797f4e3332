import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxMessage } from './outbox-message.entity';

export interface OutboxRequest<P extends Record<string, unknown> = Record<string, unknown>> {
  kind: string;
  payload: P;
  /**
   * Same key, same effect: a second request with this key is ignored. Only while the row exists: done rows are
   * pruned after OUTBOX_RETENTION_DAYS, so whatever could ask again must also be stopped by something that lasts
   * (a row that exists once, domain state, or a window that has closed), see docs/decisions/002 (pruning).
   */
  dedupeKey?: string;
  /** Not before this instant (reminders). */
  availableAt?: Date;
}

/**
 * Records side effects in the caller's transaction. Pass the transaction's EntityManager so the effect commits
 * (or rolls back) with the change that causes it; the worker's relay does the rest.
 */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, request: OutboxRequest): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        kind: request.kind,
        // jsonb takes any JSON object; TypeORM's deep-partial type cannot see that through Record<string, unknown>.
        payload: request.payload as QueryDeepPartialEntity<Record<string, unknown>>,
        dedupeKey: request.dedupeKey ?? null,
        availableAt: request.availableAt ?? new Date(),
      })
      .orIgnore()
      .execute();
  }
}
