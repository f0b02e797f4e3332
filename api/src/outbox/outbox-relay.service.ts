import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bull';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CERTIFICATE_KIND } from '../certificates/certificate-email';
import { EMAIL_KIND } from '../mail/email-message';
import { CERTIFICATE_QUEUE, EMAIL_QUEUE, withTimeout, type OutboxJob } from '../queues/queues';
import { OutboxRepository, type DueMessage } from './outbox.repository';

/** Rows moved to Redis per transaction. */
export const RELAY_BATCH_SIZE = 100;
/** Batches per tick at most, so one tick cannot run for ever while rows keep arriving. */
const MAX_BATCHES_PER_TICK = 20;
/** An add that Redis does not confirm within this is treated as failed (the rows stay pending). */
const ADD_TIMEOUT_MS = 5_000;

/**
 * Moves due outbox rows to Bull every OUTBOX_POLL_MS, and takes back rows that Redis or a dead worker lost.
 * Safe with any number of workers: rows are locked with SKIP LOCKED, a job only names its row, and every state
 * change is a conditional UPDATE (see OutboxRepository).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  /** Which queue carries which outbox kind. A kind without a queue here stays pending for a worker that has one. */
  private readonly queues: ReadonlyMap<string, Queue<OutboxJob>>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(EMAIL_QUEUE) emailQueue: Queue<OutboxJob>,
    @InjectQueue(CERTIFICATE_QUEUE) certificateQueue: Queue<OutboxJob>,
  ) {
    this.queues = new Map([
      [EMAIL_KIND, emailQueue],
      [CERTIFICATE_KIND, certificateQueue],
    ]);
  }

  onApplicationBootstrap(): void {
    this.logger.log(`Relaying outbox messages every ${this.config.OUTBOX_POLL_MS} ms; taking back unfinished ones after ${this.config.OUTBOX_RECLAIM_AFTER_MS} ms.`);
    this.schedule(0);
  }

  /** Stops the loop and waits for the tick in progress, before the queues and the database close. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One round: take back what was lost, then relay what is due. Exposed for tests. */
  async tick(): Promise<{ relayed: number; requeued: number; failed: number }> {
    const { requeued, failed } = await this.outbox.reclaimStale(this.config.OUTBOX_RECLAIM_AFTER_MS);
    if (requeued + failed > 0) this.logger.log(`Took back ${requeued} outbox message(s) not finished in time${failed ? `; ${failed} failed after too many attempts` : ''}.`);
    let relayed = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !this.stopped; batch++) {
      const count = await this.relayBatch();
      relayed += count;
      if (count < RELAY_BATCH_SIZE) break;
    }
    return { relayed, requeued, failed };
  }

  private async relayBatch(): Promise<number> {
    const kinds = [...this.queues].filter(([, queue]) => queue.client.status === 'ready').map(([kind]) => kind);
    // Redis away: leave the rows pending rather than queue adds in ioredis' offline queue.
    if (kinds.length === 0) return 0;
    return this.outbox.relayDue(kinds, RELAY_BATCH_SIZE, async (rows) => {
      const byKind = new Map<string, DueMessage[]>();
      for (const row of rows) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row]);
      const relayedAt = Date.now();
      for (const [kind, group] of byKind) {
        const queue = this.queues.get(kind)!;
        // Throws (and so rolls the transaction back, leaving the rows pending) unless Redis took every job.
        await withTimeout(
          // A fresh job id per relay: after Redis lost its jobs, a leftover job hash under the row's own id made Bull
          // ignore the add, and the row went round the reconciler for ever without reaching a worker. Two jobs for
          // one row are harmless (only one can claim it), and SKIP LOCKED relays a pending row once anyway.
          queue.addBulk(group.map((row) => ({ data: { outboxId: row.id }, opts: { jobId: `${row.id}:${relayedAt}` } }))),
          ADD_TIMEOUT_MS,
          `Adding ${group.length} job(s) to queue ${queue.name}`,
        );
      }
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => {
          if (this.failing) this.logger.log('Outbox relay is working again.');
          this.failing = false;
        })
        .catch((error: unknown) => {
          // Once per outage, not once per tick; the next tick tries again.
          if (!this.failing) this.logger.warn(`Outbox relay failed, retrying every ${this.config.OUTBOX_POLL_MS} ms: ${(error as Error).message}`);
          this.failing = true;
        })
        .finally(() => {
          this.running = undefined;
          this.schedule(this.config.OUTBOX_POLL_MS);
        });
    }, delayMs);
  }
}
