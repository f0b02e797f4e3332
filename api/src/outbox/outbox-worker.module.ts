import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module';
import { OutboxPruner } from './outbox-pruner.service';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxRepository } from './outbox.repository';

/** The worker's side of the outbox: relay, reconciler, pruner and the claim/done/retry transitions processors use. */
@Module({
  imports: [QueuesModule],
  providers: [OutboxRepository, OutboxRelay, OutboxPruner],
  exports: [OutboxRepository],
})
export class OutboxWorkerModule {}
