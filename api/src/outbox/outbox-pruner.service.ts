import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicRound } from '../common/periodic-round';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { OutboxRepository } from './outbox.repository';

/** How often a worker deletes old done outbox rows (and once at start). */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** Rows per DELETE: short statements and short locks, whatever the backlog. */
export const PRUNE_BATCH_SIZE = 1_000;
/** Statements per round at most (a million rows), so a first round after a long time cannot run for ever. */
const MAX_BATCHES_PER_ROUND = 1_000;

/**
 * Done outbox rows are kept OUTBOX_RETENTION_DAYS (for looking into what was sent), then deleted, so the table
 * holds the work in flight and the recent past instead of every email ever sent. Every worker does it; they share
 * the rows through SKIP LOCKED (OutboxRepository.pruneDone).
 */
@Injectable()
export class OutboxPruner extends PeriodicRound {
  private readonly log = new Logger('OutboxPruner');
  private stopping = false;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('Pruning done outbox messages', PRUNE_INTERVAL_MS, { atStart: true });
  }

  protected round(): Promise<number> {
    return this.prune();
  }

  override async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await super.onModuleDestroy();
  }

  /** Deletes done rows older than the retention, batch by batch; returns how many. Exposed for tests. */
  async prune(batchSize: number = PRUNE_BATCH_SIZE): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_ROUND && !this.stopping; batch++) {
      const deleted = await this.outbox.pruneDone(this.config.OUTBOX_RETENTION_DAYS, batchSize);
      total += deleted;
      if (deleted < batchSize) break;
    }
    if (total > 0) this.log.log(`Deleted ${total} outbox message(s) done more than ${this.config.OUTBOX_RETENTION_DAYS} day(s) ago.`);
    return total;
  }
}
