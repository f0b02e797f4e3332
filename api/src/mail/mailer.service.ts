import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { buffer } from 'node:stream/consumers';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FILE_STORE, type FileStore } from '../files/file-store';
import { redactUrl } from '../queues/queues';
import type { EmailAttachment } from './email-message';
import type { RenderedEmail } from './email-renderer';

export interface OutgoingEmail extends RenderedEmail {
  /** The outbox message this email is; it names the Message-ID (and the .eml file). */
  outboxId: string;
  to: string;
  locale: string;
  /** Read from the FileStore at send time (a missing file fails the attempt). */
  attachments?: EmailAttachment[];
}

/** The Message-ID of the email sent for an outbox message: the same on every resend of that message. */
export function messageIdFor(outboxId: string, mailFrom: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'halaqa.local';
  return `<${outboxId}@${domain}>`;
}

/**
 * Sends through SMTP_URL, or, when it is unset, writes each email as `<outbox id>.eml` into MAIL_OUTBOX_DIR (a
 * resend overwrites the same file). SMTP timeouts are kept well inside the outbox reclaim window, so a hung
 * connection fails the attempt before the reconciler could hand the message to another worker.
 */
@Injectable()
export class Mailer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;
  private readonly outboxDir: string | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {
    if (config.SMTP_URL) {
      const timeout = Math.max(1_000, Math.floor(config.OUTBOX_RECLAIM_AFTER_MS / 3));
      this.transport = createTransport({
        url: config.SMTP_URL,
        pool: true,
        maxConnections: 5,
        connectionTimeout: Math.min(10_000, timeout),
        greetingTimeout: Math.min(10_000, timeout),
        socketTimeout: Math.min(20_000, timeout),
      });
      this.outboxDir = null;
    } else {
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outboxDir = resolve(config.MAIL_OUTBOX_DIR);
    }
  }

  async onModuleInit(): Promise<void> {
    if (this.outboxDir) {
      await mkdir(this.outboxDir, { recursive: true });
      this.logger.log(`SMTP_URL is not set: emails are written as .eml files to ${this.outboxDir}`);
    } else {
      this.logger.log(`Sending emails through ${redactUrl(this.config.SMTP_URL!)}`);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }

  /** Resolves once the SMTP server accepted the message (or the file is written); throws otherwise. */
  async send(email: OutgoingEmail): Promise<void> {
    const attachments = await Promise.all(
      (email.attachments ?? []).map(async (file) => ({ filename: file.filename, contentType: file.contentType, content: await buffer(await this.files.open(file.fileKey)) })),
    );
    const info = (await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: messageIdFor(email.outboxId, this.config.MAIL_FROM),
      headers: { 'Content-Language': email.locale, 'X-Halaqa-Outbox-Id': email.outboxId },
      attachments,
    })) as { message?: Buffer };
    if (this.outboxDir && info.message) {
      const file = join(this.outboxDir, `${email.outboxId}.eml`);
      // Written whole or not at all: a reader never sees half a file.
      await writeFile(`${file}.tmp`, info.message);
      await rename(`${file}.tmp`, file);
    }
  }
}

/** 5xx SMTP replies (unknown mailbox, rejected content) will not change on a retry. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
