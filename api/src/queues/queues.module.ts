import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CERTIFICATE_QUEUE, EMAIL_QUEUE, OUTBOX_JOB_OPTIONS, queueSettings } from './queues';
import { QueuesLifecycle } from './queues.lifecycle';

/**
 * Bull, for the worker only: the api never talks to Redis to send work, it writes outbox rows (DESIGN.md, Runtime).
 * Queue options (attempts, backoff, removeOnComplete) are set here, where the queues are registered.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ url: config.REDIS_URL, prefix: config.BULL_PREFIX, settings: queueSettings(config) }),
    }),
    BullModule.registerQueue({ name: EMAIL_QUEUE, defaultJobOptions: OUTBOX_JOB_OPTIONS }),
    BullModule.registerQueue({ name: CERTIFICATE_QUEUE, defaultJobOptions: OUTBOX_JOB_OPTIONS }),
  ],
  providers: [QueuesLifecycle],
  exports: [BullModule],
})
export class QueuesModule {}
