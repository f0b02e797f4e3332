import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HeartbeatWorkerModule } from './health/heartbeat-worker.module';
import { MailModule } from './mail/mail.module';
import { OutboxWorkerModule } from './outbox/outbox-worker.module';
import { QueuesModule } from './queues/queues.module';
import { DueSoonWorkerModule } from './assignments/due-soon-worker.module';
import { CertificateWorkerModule } from './certificates/certificate-worker.module';
import { RemindersWorkerModule } from './sessions/reminders-worker.module';

/** The background worker: Bull processors, the outbox relay, reconciler and pruner, the reminder planners, its heartbeat. No HTTP. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL } }) }),
    DatabaseModule,
    QueuesModule,
    OutboxWorkerModule,
    MailModule,
    RemindersWorkerModule,
    DueSoonWorkerModule,
    CertificateWorkerModule,
    HeartbeatWorkerModule,
  ],
})
export class WorkerModule {}
