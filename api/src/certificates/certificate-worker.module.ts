import { Module } from '@nestjs/common';
import { fileStoreProvider } from '../files/file-store';
import { OutboxModule } from '../outbox/outbox.module';
import { OutboxWorkerModule } from '../outbox/outbox-worker.module';
import { QueuesModule } from '../queues/queues.module';
import { CertificateProcessor } from './certificate.processor';
import { CredentialSigner } from './credential-signer';

/** The worker's side of certificates: renders, stores and signs each issued revision, then asks for its email. */
@Module({
  imports: [QueuesModule, OutboxWorkerModule, OutboxModule],
  providers: [CertificateProcessor, CredentialSigner, fileStoreProvider],
})
export class CertificateWorkerModule {}
