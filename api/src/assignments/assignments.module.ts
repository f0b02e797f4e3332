import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { AssignmentsController, CohortAssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';

/** Assignments of a cohort (made from the pinned course's exercise templates), their settings and extensions. */
@Module({
  imports: [AuditModule, OutboxModule],
  controllers: [CohortAssignmentsController, AssignmentsController],
  providers: [AssignmentsService],
  exports: [AssignmentsService],
})
export class AssignmentsModule {}
