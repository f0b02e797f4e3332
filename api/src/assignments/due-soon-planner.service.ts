import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicRound } from '../common/periodic-round';
import { OutboxService } from '../outbox/outbox.service';
import { queueDueSoon } from './due-soon';

/** How often the worker looks for trainees who joined a cohort after its assignments were made. */
export const DUE_SOON_PLAN_INTERVAL_MS = 10 * 60 * 1000;
/** Due dates up to this far ahead are looked at; later ones on a later round. */
const PLAN_AHEAD_DAYS = 9;

/**
 * "Due soon" emails are queued when assignments are made or their dates change, for the trainees of that moment.
 * Someone who enrolls afterwards must still hear about them: every round, the worker queues them again for the
 * assignments due in the coming days (their own extension included). Rows that exist are left alone (dedupe key).
 */
@Injectable()
export class DueSoonPlanner extends PeriodicRound {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {
    super('Planning due-soon emails', DUE_SOON_PLAN_INTERVAL_MS);
  }

  protected round(): Promise<number> {
    return this.tick();
  }

  /** One round; returns how many emails it queued or found already queued. Exposed for tests. */
  async tick(now: Date = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `SELECT id FROM assignments WHERE due_at > $1::timestamptz + interval '48 hours' AND due_at <= $1::timestamptz + make_interval(days => $2)
         UNION
         SELECT assignment_id FROM assignment_extensions WHERE due_at > $1::timestamptz + interval '48 hours' AND due_at <= $1::timestamptz + make_interval(days => $2)
         LIMIT 5000`,
        [now, PLAN_AHEAD_DAYS],
      );
      return queueDueSoon(
        manager,
        this.outbox,
        rows.map((r) => r.id),
        now,
      );
    });
  }
}
