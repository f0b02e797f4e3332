import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CERTIFICATE_QUEUE, EMAIL_QUEUE, redactUrl, withTimeout } from './queues';

/** How long shutdown waits for in-flight jobs before letting the queues close anyway. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Says, once per outage, when Redis cannot be reached (Bull and ioredis keep reconnecting by themselves), and on
 * shutdown stops taking jobs and lets the in-flight ones finish, within a bound.
 */
@Injectable()
export class QueuesLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Queues');
  private readonly queues: Queue[];
  private redisDown = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(EMAIL_QUEUE) emailQueue: Queue,
    @InjectQueue(CERTIFICATE_QUEUE) certificateQueue: Queue,
  ) {
    // Every queue this worker consumes.
    this.queues = [emailQueue, certificateQueue];
  }

  onApplicationBootstrap(): void {
    const redis = redactUrl(this.config.REDIS_URL);
    for (const queue of this.queues) {
      // Without a listener, an ioredis connection error would be thrown as an unhandled 'error' event.
      queue.on('error', (error: Error) => {
        if (this.redisDown) return;
        this.redisDown = true;
        this.logger.warn(`Redis at ${redis} is unreachable (${error.message}); retrying. Outbox rows wait in PostgreSQL meanwhile.`);
      });
      queue.client.on('ready', () => {
        if (!this.redisDown) return;
        this.redisDown = false;
        this.logger.log(`Redis at ${redis} is reachable again.`);
      });
    }
    if (this.queues.some((queue) => queue.client.status !== 'ready' && queue.client.status !== 'connecting' && queue.client.status !== 'connect')) {
      this.redisDown = true;
      this.logger.warn(`Redis at ${redis} is unreachable; retrying. Outbox rows wait in PostgreSQL meanwhile.`);
    }
  }

  /** Runs before Nest closes the queues and the database: in-flight jobs still need both to finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.queues.map(async (queue) => {
        try {
          // Local pause: this process takes no new job and waits for its active ones; other workers go on.
          await withTimeout(queue.pause(true, false), DRAIN_TIMEOUT_MS, `Draining queue ${queue.name}`);
        } catch (error) {
          // Unfinished jobs are not lost: their rows stay claimed and the reconciler takes them back.
          this.logger.warn(`${(error as Error).message}; closing anyway.`);
        }
      }),
    );
  }
}
