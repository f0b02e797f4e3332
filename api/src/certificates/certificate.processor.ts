import { Process, Processor } from '@nestjs/bull';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { renderCertificatePdf, type CertificateFields } from '@halaqa/certificates';
import type { Job } from 'bull';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FILE_STORE, newFileKey, type FileStore } from '../files/file-store';
import { EMAIL_KIND } from '../mail/email-message';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { CERTIFICATE_QUEUE, type OutboxJob } from '../queues/queues';
import type { Locale, LocalizedText } from '../common/localized-text';
import { certificateIssuedEmail } from './certificate-email';
import { CredentialSigner } from './credential-signer';

/** Certificates rendered at once by one worker process (rendering is CPU work on this process' event loop). */
export const CERTIFICATE_CONCURRENCY = 2;

export type CertificateJobOutcome = 'rendered' | 'skipped' | 'superseded' | 'retry' | 'failed';

const payloadSchema = z.object({ certificateId: z.string().uuid(), revision: z.number().int().min(1) });

interface CertificateRow {
  id: string;
  code: string;
  cohort_id: string;
  revision: number;
  pdf_revision: number | null;
  fields: CertificateFields;
  identity_salt: string;
  issued_at: Date;
  email: string;
  locale: Locale;
  name_latin: string | null;
  name_arabic: string | null;
  course_title: LocalizedText;
  cohort_name: LocalizedText;
}

/**
 * The FileStore key of one revision's PDF. Derived from the certificate and revision rather than random, so an
 * attempt cut short between storing the file and recording it (a killed worker) is redone into the same key
 * instead of leaving an orphan behind: the store never holds two renderings of one revision.
 */
export function certificatePdfKey(certificateId: string, revision: number): string {
  const hex = createHash('sha256').update(`certificate-pdf:${certificateId}:${revision}`).digest('hex');
  return newFileKey(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`);
}

/**
 * Renders one `certificate` outbox message: the PDF from the certificate's printed fields, stored in the FileStore,
 * and the signed credential; then, in one transaction, records both on the certificate (only if that revision is
 * still current and not rendered yet), asks for the `certificate_issued` email, and marks the message done.
 * Idempotent: a job for a row that is not there to claim, or for a revision already rendered or overtaken by a
 * re-issue, renders nothing and sends nothing (docs/certificates.md, The worker; ADR 002).
 */
@Processor(CERTIFICATE_QUEUE)
export class CertificateProcessor {
  private readonly logger = new Logger('CertificateProcessor');

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly outboxService: OutboxService,
    private readonly signer: CredentialSigner,
    @Inject(FILE_STORE) private readonly files: FileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Process({ concurrency: CERTIFICATE_CONCURRENCY })
  async handle(job: Job<OutboxJob>): Promise<CertificateJobOutcome> {
    const message = await this.outbox.claim(job.data.outboxId);
    if (!message) return 'skipped';

    const parsed = payloadSchema.safeParse(message.payload);
    if (!parsed.success) {
      await this.outbox.markAttemptFailed(message.id, `Invalid certificate payload: ${parsed.error.issues[0].path.join('.') || '(root)'}: ${parsed.error.issues[0].message}`, {
        permanent: true,
        reclaimAfterMs: this.config.OUTBOX_RECLAIM_AFTER_MS,
      });
      return 'failed';
    }
    const { certificateId, revision } = parsed.data;

    const key = certificatePdfKey(certificateId, revision);
    let stored = false;
    try {
      const [certificate] = await this.dataSource.query<CertificateRow[]>(
        `SELECT c.id, c.code, c.cohort_id, c.revision, c.pdf_revision, c.fields, c.identity_salt, c.issued_at,
                u.email, u.locale, u.name_latin, u.name_arabic, h.name AS cohort_name,
                -- The course as the cohort's pinned version names it, else the course's title (like the api's answers).
                COALESCE(CASE WHEN jsonb_typeof(cv.content->'title') = 'object' THEN cv.content->'title' END, co.title) AS course_title
           FROM certificates c
           JOIN users u ON u.id = c.user_id
           JOIN cohorts h ON h.id = c.cohort_id
           JOIN course_versions cv ON cv.id = h.course_version_id
           JOIN courses co ON co.id = h.course_id
          WHERE c.id = $1`,
        [certificateId],
      );
      // Gone (the enrollment was deleted), re-issued since (the newer revision has its own message), or done already.
      if (!certificate || certificate.revision !== revision || (certificate.pdf_revision !== null && certificate.pdf_revision >= revision)) {
        await this.outbox.markDone(message.id);
        return 'skipped';
      }

      const pdf = await renderCertificatePdf(certificate.fields);
      // A previous attempt may have stored this revision's file and died before recording it: replace it.
      await this.files.delete(key);
      await this.files.put(key, pdf);
      stored = true;
      const credentialJwt = await this.signer.sign(
        { code: certificate.code, cohortId: certificate.cohort_id, fields: certificate.fields, identitySalt: certificate.identity_salt, issuedAt: certificate.issued_at },
        certificate.email,
      );

      const result = await this.dataSource.transaction(async (manager) => {
        const [updated] = await manager.query<[Array<{ old_key: string | null }>, number]>(
          `UPDATE certificates c
              SET pdf_file_key = $3, pdf_revision = $2, pdf_bytes = $4, rendered_at = now(), credential_jwt = $5, updated_at = now()
             FROM (SELECT id, pdf_file_key AS old_key FROM certificates WHERE id = $1 FOR UPDATE) previous
            WHERE c.id = previous.id AND c.revision = $2 AND (c.pdf_revision IS NULL OR c.pdf_revision < $2)
        RETURNING previous.old_key`,
          [certificateId, revision, key, pdf.length, credentialJwt],
        );
        if (updated.length > 0) {
          await this.outboxService.enqueue(manager, {
            kind: EMAIL_KIND,
            payload: certificateIssuedEmail(
              certificate,
              { email: certificate.email, locale: certificate.locale, nameLatin: certificate.name_latin, nameArabic: certificate.name_arabic },
              { courseTitle: certificate.course_title, cohortName: certificate.cohort_name },
              key,
              this.config.PUBLIC_WEB_URL,
            ),
            dedupeKey: `certificate-issued:${certificateId}:${revision}`,
          });
        }
        await this.outbox.markDone(message.id, manager);
        if (updated.length > 0) return { won: true as const, oldKey: updated[0].old_key };
        // Lost a race: a newer revision, or this one recorded by another attempt (under this same key, then keep it).
        const [current] = await manager.query<Array<{ pdf_file_key: string | null }>>(`SELECT pdf_file_key FROM certificates WHERE id = $1`, [certificateId]);
        return { won: false as const, keep: current?.pdf_file_key === key };
      });

      if (result.won) {
        if (result.oldKey && result.oldKey !== key) await this.deleteQuietly(result.oldKey);
        return 'rendered';
      }
      if (!result.keep) await this.deleteQuietly(key);
      return 'superseded';
    } catch (error) {
      // Not recorded: the file (if stored) belongs to nobody; the next attempt renders it again into the same key.
      if (stored) await this.deleteQuietly(key);
      const status = await this.outbox.markAttemptFailed(message.id, (error as Error).message, { permanent: false, reclaimAfterMs: this.config.OUTBOX_RECLAIM_AFTER_MS });
      this.logger.warn(`Certificate ${certificateId} revision ${revision} (attempt ${message.attempts}) was not rendered: ${(error as Error).message}${status === 'failed' ? '; giving up' : '; will retry'}`);
      return status === 'failed' ? 'failed' : 'retry';
    }
  }

  /** An unused file left behind costs disk space, not correctness: log and go on. */
  private async deleteQuietly(key: string): Promise<void> {
    try {
      await this.files.delete(key);
    } catch (error) {
      this.logger.warn(`Could not delete the unused certificate file ${key}: ${(error as Error).message}`);
    }
  }
}
