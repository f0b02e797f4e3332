import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** Rows of workers not heard from for this long are deleted (by any worker), so the table holds recent ones only. */
const FORGET_AFTER_DAYS = 7;

/**
 * The worker's heartbeat: its row in `worker_heartbeats`, written at start and every WORKER_HEARTBEAT_MS, marked
 * stopped on a graceful stop. A failed beat is logged once per outage; the next tick tries again.
 */
@Injectable()
export class WorkerHeartbeatService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WorkerHeartbeat');
  private readonly id = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(`DELETE FROM worker_heartbeats WHERE last_seen_at < now() - make_interval(days => $1)`, [FORGET_AFTER_DAYS]).catch(() => undefined);
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.WORKER_HEARTBEAT_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.beating;
    await this.dataSource.query(`UPDATE worker_heartbeats SET stopped_at = now() WHERE id = $1`, [this.id]).catch(() => undefined);
  }

  /** One beat; never throws. */
  tick(): Promise<void> {
    this.beating ??= this.dataSource
      .query(
        `INSERT INTO worker_heartbeats (id, hostname, pid, started_at, last_seen_at) VALUES ($1, $2, $3, now(), now())
         ON CONFLICT (id) DO UPDATE SET last_seen_at = now()`,
        [this.id, hostname().slice(0, 255), process.pid],
      )
      .then(() => {
        if (this.failing) this.logger.log('Worker heartbeat is recorded again.');
        this.failing = false;
      })
      .catch((error: unknown) => {
        if (!this.failing) this.logger.warn(`Could not record the worker heartbeat, retrying every ${this.config.WORKER_HEARTBEAT_MS} ms: ${(error as Error).message}`);
        this.failing = true;
      })
      .finally(() => (this.beating = undefined));
    return this.beating;
  }
}
