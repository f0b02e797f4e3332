import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicRound } from '../common/periodic-round';
import { OutboxService } from '../outbox/outbox.service';
import { queueSessionReminders } from './session-reminders';

/** How often the worker looks for people who joined a circle (or became its coach) after its sessions were planned. */
export const REMINDER_PLAN_INTERVAL_MS = 10 * 60 * 1000;
/** Sessions up to this far ahead are looked at; later ones are looked at again on a later round. */
const PLAN_AHEAD_DAYS = 8;

/**
 * Reminders are queued when a session is created or changed, for the members and coaches of that moment. Someone
 * who joins afterwards must still hear about the next sessions: every round, the worker queues reminders for the
 * sessions of the coming days again. Rows that exist are left alone (their dedupe key), so a round adds only the
 * missing ones, and several workers doing it at once add each row once.
 */
@Injectable()
export class ReminderPlanner extends PeriodicRound {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {
    super('Planning reminders', REMINDER_PLAN_INTERVAL_MS);
  }

  protected round(): Promise<number> {
    return this.tick();
  }

  /** One round; returns how many reminders it queued or found already queued. Exposed for tests. */
  async tick(now: Date = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `SELECT id FROM circle_sessions
          WHERE status = 'scheduled' AND starts_at > $1::timestamptz + interval '24 hours'
            AND starts_at <= $1::timestamptz + make_interval(days => $2)
          ORDER BY starts_at LIMIT 5000`,
        [now, PLAN_AHEAD_DAYS],
      );
      return queueSessionReminders(
        manager,
        this.outbox,
        rows.map((r) => r.id),
        now,
      );
    });
  }
}
