import { Module } from '@nestjs/common';
import { fileStoreProvider } from '../files/file-store';
import { OutboxWorkerModule } from '../outbox/outbox-worker.module';
import { QueuesModule } from '../queues/queues.module';
import { EmailProcessor } from './email.processor';
import { Mailer } from './mailer.service';

/** Sending the emails the api asked for in the outbox (worker only). */
@Module({
  imports: [QueuesModule, OutboxWorkerModule],
  providers: [Mailer, EmailProcessor, fileStoreProvider],
})
export class MailModule {}
