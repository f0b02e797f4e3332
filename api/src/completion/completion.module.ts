import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CohortCompletionController, EnrollmentProgressController } from './completion.controller';
import { CompletionService } from './completion.service';

/** Completion rules, final reviews and progress computed on read (docs/certificates.md). */
@Module({
  imports: [AuditModule],
  controllers: [CohortCompletionController, EnrollmentProgressController],
  providers: [CompletionService],
})
export class CompletionModule {}
