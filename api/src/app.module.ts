import { Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AccessModule } from './access/access.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CertificatesModule } from './certificates/certificates.module';
import { redactCalendarToken } from './calendar/calendar-token';
import { CirclesModule } from './circles/circles.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { CompletionModule } from './completion/completion.module';
import { ProblemFilter } from './common/problem.filter';
import { ConfigModule } from './config/config.module';
import { CatalogModule } from './courses/catalog.module';
import { loadConfig } from './config/config';
import { DatabaseModule } from './database/database.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { GradebookModule } from './gradebook/gradebook.module';
import { HealthController } from './health/health.controller';
import { InvitationsModule } from './invitations/invitations.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PartnerReportsModule } from './partner-reports/partner-reports.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SessionsModule } from './sessions/sessions.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { UsersModule } from './users/users.module';
import { VerificationModule } from './verification/verification.module';

/** JSON logs with a request id on every line (taken from X-Request-Id when the web server sends one). */
export const loggerModule = LoggerModule.forRoot({
  pinoHttp: {
    level: loadConfig().LOG_LEVEL,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    // Calendar feed URLs carry their secret in the path.
    serializers: { req: (req: { url?: string }) => Object.assign(req, req.url ? { url: redactCalendarToken(req.url) } : {}) },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
  },
  // Named wildcard: the path-to-regexp of Nest 11 no longer accepts a bare '*'.
  forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
});

@Module({
  imports: [ConfigModule, loggerModule, DatabaseModule, AccessModule, AuthModule, UsersModule, OrganizationsModule, InvitationsModule, CatalogModule, CohortsModule, EnrollmentsModule, CirclesModule, SessionsModule, CalendarModule, AssignmentsModule, SubmissionsModule, ReviewsModule, GradebookModule, CompletionModule, CertificatesModule, VerificationModule, PartnerReportsModule],
  controllers: [HealthController],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
})
export class AppModule {}
