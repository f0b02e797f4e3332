import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CalendarController, MyCalendarFeedController, SessionCalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** Calendar feeds (secret URL per user) and per-session .ics downloads. */
@Module({
  imports: [AuditModule, SessionsModule],
  controllers: [CalendarController, SessionCalendarController, MyCalendarFeedController],
  providers: [CalendarService],
})
export class CalendarModule {}
