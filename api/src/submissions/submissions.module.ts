import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { AuditModule } from '../audit/audit.module';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FILE_STORE, LocalFileStore } from '../files/file-store';
import { OutboxModule } from '../outbox/outbox.module';
import { FilesController, OwnSubmissionController, SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';

/** A trainee's submission of an assignment: draft, attachments (FileStore), frozen versions; staff read; downloads. */
@Module({
  imports: [AssignmentsModule, AuditModule, OutboxModule],
  controllers: [OwnSubmissionController, SubmissionsController, FilesController],
  providers: [SubmissionsService, { provide: FILE_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalFileStore(config.FILES_DIR) }],
  exports: [SubmissionsService, FILE_STORE],
})
export class SubmissionsModule {}
