import { Process, Processor } from '@nestjs/bull';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bull';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { OutboxRepository } from '../outbox/outbox.repository';
import { dueSoonStillDue } from '../assignments/due-soon';
import { reminderStillDue } from '../sessions/session-reminders';
import { certificateEmailStillDue } from '../certificates/certificate-email';
import { EMAIL_QUEUE, type OutboxJob } from '../queues/queues';
import { InvalidEmailPayloadError, parseEmailPayload, renderEmail } from './email-renderer';
import { isPermanentSmtpError, Mailer } from './mailer.service';

/** Payload of a job on the email queue: only the outbox id; the row holds the email. */
export type EmailJob = OutboxJob;

export type EmailJobOutcome = 'sent' | 'skipped' | 'retry' | 'failed';

/** Emails sent at once by one worker process. */
export const EMAIL_CONCURRENCY = 5;

/**
 * Sends one `email` outbox message. Idempotent: a job for a row that is done, failed or being sent by another
 * worker does nothing. The one window where a duplicate can still happen is between the SMTP server accepting the
 * message and `markDone` committing (see docs/decisions/002-outbox-and-idempotent-jobs.md); the Message-ID is the
 * same on a resend, so a receiving system (and a person) can tell it is the same email.
 */
@Processor(EMAIL_QUEUE)
export class EmailProcessor {
  private readonly logger = new Logger('EmailProcessor');

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Process({ concurrency: EMAIL_CONCURRENCY })
  async handle(job: Job<EmailJob>): Promise<EmailJobOutcome> {
    const message = await this.outbox.claim(job.data.outboxId);
    if (!message) return 'skipped';

    let email;
    try {
      const payload = parseEmailPayload(message.payload);
      // A reminder checks the session again now: cancelled, changed since (a newer reminder exists) or the person
      // left the circle — then this one is done without sending.
      if (payload.reminder && !(await reminderStillDue(this.dataSource.manager, payload.reminder))) {
        await this.outbox.markDone(message.id);
        return 'skipped';
      }
      // "Due soon" likewise: the date moved (a newer row says so), the trainee submitted or left — nothing to send.
      if (payload.dueSoon && !(await dueSoonStillDue(this.dataSource.manager, payload.dueSoon))) {
        await this.outbox.markDone(message.id);
        return 'skipped';
      }
      // A certificate email: re-issued (the newer revision has its own email) or revoked since — nothing to send.
      if (payload.certificate && !(await certificateEmailStillDue(this.dataSource.manager, payload.certificate))) {
        await this.outbox.markDone(message.id);
        return 'skipped';
      }
      email = {
        ...renderEmail(payload, { publicWebUrl: this.config.PUBLIC_WEB_URL }),
        outboxId: message.id,
        to: payload.to,
        locale: payload.locale,
        attachments: payload.attachments,
      };
    } catch (error) {
      if (!(error instanceof InvalidEmailPayloadError)) throw error;
      await this.outbox.markAttemptFailed(message.id, error.message, { permanent: true, reclaimAfterMs: this.config.OUTBOX_RECLAIM_AFTER_MS });
      this.logger.error(`Email ${message.id} cannot be sent: ${error.message}`);
      return 'failed';
    }

    try {
      await this.mailer.send(email);
    } catch (error) {
      const status = await this.outbox.markAttemptFailed(message.id, (error as Error).message, {
        permanent: isPermanentSmtpError(error),
        reclaimAfterMs: this.config.OUTBOX_RECLAIM_AFTER_MS,
      });
      this.logger.warn(`Email ${message.id} (attempt ${message.attempts}) was not sent: ${(error as Error).message}${status === 'failed' ? '; giving up' : '; will retry'}`);
      return status === 'failed' ? 'failed' : 'retry';
    }

    // The duplicate window: sent, not yet recorded. Keep it short, and insist a little before giving up on it.
    await retry(() => this.outbox.markDone(message.id), [100, 500, 2000]);
    return 'sent';
  }
}

async function retry(fn: () => Promise<void>, delaysMs: number[]): Promise<void> {
  for (const delay of delaysMs) {
    try {
      return await fn();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  await fn();
}
