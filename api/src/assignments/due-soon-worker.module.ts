import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { DueSoonPlanner } from './due-soon-planner.service';

/** The worker's side of "due soon" emails: the planner that catches trainees who enrolled after assignments were made. */
@Module({ imports: [OutboxModule], providers: [DueSoonPlanner] })
export class DueSoonWorkerModule {}
