import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FILE_STORE, LocalFileStore } from '../files/file-store';
import { OutboxModule } from '../outbox/outbox.module';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

/** Issuing, re-issuing, revoking and reading certificates; the worker renders them (certificate-worker.module.ts). */
@Module({
  imports: [AuditModule, OutboxModule],
  controllers: [CertificatesController],
  providers: [CertificatesService, { provide: FILE_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalFileStore(config.FILES_DIR) }],
})
export class CertificatesModule {}
