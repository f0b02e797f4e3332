import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { ReminderPlanner } from './reminder-planner.service';

/** The worker's side of session reminders: the planner that catches people who joined after a session was planned. */
@Module({ imports: [OutboxModule], providers: [ReminderPlanner] })
export class RemindersWorkerModule {}
