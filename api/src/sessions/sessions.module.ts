import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { AttendanceService } from './attendance.service';
import { CircleSessionsController, MySessionsController, SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

/** Circle sessions (single and series), attendance, and the reminders they queue. */
@Module({
  imports: [AuditModule, OutboxModule],
  controllers: [CircleSessionsController, SessionsController, MySessionsController],
  providers: [SessionsService, AttendanceService],
  exports: [SessionsService],
})
export class SessionsModule {}
