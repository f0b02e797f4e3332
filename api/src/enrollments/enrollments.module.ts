import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OutboxModule } from '../outbox/outbox.module';
import { CohortEnrollmentsService } from './cohort-enrollments.service';
import { CohortEnrollmentsController, MyEnrollmentsController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { SeatsController } from './seats.controller';
import { SeatsService } from './seats.service';

@Module({
  imports: [AuditModule, OrganizationsModule, OutboxModule],
  controllers: [CohortEnrollmentsController, MyEnrollmentsController, SeatsController],
  providers: [EnrollmentsService, CohortEnrollmentsService, SeatsService],
})
export class EnrollmentsModule {}
