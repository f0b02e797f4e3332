import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeerWorkController } from './peer-work.controller';
import { PeerWorkService } from './peer-work.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

/** Reviews of submitted versions, their release, comment threads and peer comments. */
@Module({
  imports: [AuditModule, OutboxModule],
  controllers: [ReviewsController, PeerWorkController],
  providers: [ReviewsService, PeerWorkService],
})
export class ReviewsModule {}
