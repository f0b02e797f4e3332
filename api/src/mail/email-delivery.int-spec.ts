import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { emailPayload, startSmtpServer, type TestSmtpServer } from '../../../test/support/mail';
import { startWorker, type TestWorker } from '../../../test/support/worker';
import { ENTITIES } from '../database/entities';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { OutboxService } from '../outbox/outbox.service';
import { EMAIL_QUEUE, type OutboxJob } from '../queues/queues';
import { EMAIL_KIND, type EmailPayload } from './email-message';

let db: TestDatabase;
let ds: DataSource;
let smtp: TestSmtpServer;
let worker: TestWorker;
const outbox = new OutboxService();

/** What the api does: record the email in the same transaction as the change that causes it. */
async function requestEmail(payload: EmailPayload, dedupeKey = `test:${Math.random()}`): Promise<string> {
  await ds.transaction((manager) => outbox.enqueue(manager, { kind: EMAIL_KIND, payload, dedupeKey }));
  return (await ds.getRepository(OutboxMessage).findOneByOrFail({ dedupeKey })).id;
}

async function rowOf(id: string): Promise<OutboxMessage> {
  return ds.getRepository(OutboxMessage).findOneByOrFail({ id });
}

async function waitForRow(id: string, predicate: (row: OutboxMessage) => boolean, timeoutMs = 10_000): Promise<OutboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await rowOf(id);
    if (predicate(row)) return row;
    if (Date.now() > deadline) throw new Error(`Outbox row ${id} is ${row.status} (attempts ${row.attempts}, ${row.lastError})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await new DataSource({ ...baseDataSourceOptions(db.url), entities: ENTITIES }).initialize();
  smtp = await startSmtpServer();
  worker = await startWorker({
    DATABASE_URL: db.url,
    BULL_PREFIX: `test-${db.name}`,
    SMTP_URL: smtp.url,
    PUBLIC_WEB_URL: 'https://halaqa.example',
    MAIL_FROM: 'Halaqa <no-reply@halaqa.example>',
    OUTBOX_POLL_MS: '50',
    OUTBOX_RECLAIM_AFTER_MS: '2000',
  });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await ds?.destroy();
  await db?.drop();
});

describe('email delivery through the outbox', () => {
  it.each([
    ['ar', 'rtl', 'دعوة من رامي للانضمام إلى شبكة أهل على حلقة'],
    ['en', 'ltr', 'رامي invites you to join شبكة أهل on Halaqa'],
    ['fr', 'ltr', 'رامي vous invite à rejoindre شبكة أهل sur Halaqa'],
  ] as const)('delivers an invitation in %s, with a Message-ID derived from the outbox row', async (locale, dir, subject) => {
    const to = `invitee-${locale}@example.org`;
    const url = `https://halaqa.example/${locale}/invitations/tok-${locale}`;
    const id = await requestEmail(
      emailPayload({ template: 'invitation', to, locale, data: { name: '', url, organizationName: 'شبكة أهل', inviterName: 'رامي', expiresAt: '2026-03-01T10:00:00Z' } }),
    );

    const mail = await smtp.waitFor((m) => m.to !== undefined && !Array.isArray(m.to) && m.to.text === to);
    expect(mail.subject).toBe(subject);
    expect(mail.messageId).toBe(`<${id}@halaqa.example>`);
    expect(mail.from?.value).toEqual([{ name: 'Halaqa', address: 'no-reply@halaqa.example' }]);
    expect(mail.html).toContain(`<html lang="${locale}" dir="${dir}">`);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.text).toContain(url);
    const row = await waitForRow(id, (r) => r.status === 'done');
    expect(row).toMatchObject({ attempts: 1, lastError: null, claimedAt: null });
    expect(row.processedAt).toBeInstanceOf(Date);
  });

  it('sends nothing for a transaction that rolled back', async () => {
    await expect(
      ds.transaction(async (manager) => {
        await outbox.enqueue(manager, { kind: EMAIL_KIND, payload: emailPayload({ to: 'rolled-back@example.org' }), dedupeKey: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await requestEmail(emailPayload({ to: 'after-rollback@example.org' }));

    await smtp.waitFor((m) => m.to !== undefined && !Array.isArray(m.to) && m.to.text === 'after-rollback@example.org');
    expect(smtp.messages.some((m) => !Array.isArray(m.to) && m.to?.text === 'rolled-back@example.org')).toBe(false);
    expect(await ds.getRepository(OutboxMessage).countBy({ dedupeKey: 'rolled-back' })).toBe(0);
  });

  it('sends one email when the same effect is requested twice (dedupe key)', async () => {
    const first = await requestEmail(emailPayload({ to: 'twice@example.org' }), 'welcome:twice');
    const second = await requestEmail(emailPayload({ to: 'twice@example.org' }), 'welcome:twice');
    expect(second).toBe(first);

    await waitForRow(first, (r) => r.status === 'done');
    expect(smtp.messages.filter((m) => !Array.isArray(m.to) && m.to?.text === 'twice@example.org')).toHaveLength(1);
  });

  it('does nothing when a job for an email already sent is delivered again', async () => {
    const id = await requestEmail(emailPayload({ to: 'redelivered@example.org' }));
    await waitForRow(id, (r) => r.status === 'done');
    const queue = worker.app.get<Queue<OutboxJob>>(getQueueToken(EMAIL_QUEUE), { strict: false });

    // Bull delivers at least once: the same outbox id again, as after a stalled job or a re-add.
    const outcome = new Promise((resolve) => queue.on('completed', (job: Job<OutboxJob>, result: unknown) => job.id === `${id}:again` && resolve(result)));
    await queue.add({ outboxId: id }, { jobId: `${id}:again` });
    expect(await outcome).toBe('skipped');
    expect(smtp.messages.filter((m) => !Array.isArray(m.to) && m.to?.text === 'redelivered@example.org')).toHaveLength(1);
  });

  it('retries a temporary SMTP failure with backoff, then delivers once', async () => {
    smtp.rejectNext(2, 451);
    const id = await requestEmail(emailPayload({ to: 'flaky@example.org', locale: 'fr', data: { name: 'Leïla', url: 'https://halaqa.example/fr' } }));

    await smtp.waitFor((m) => !Array.isArray(m.to) && m.to?.text === 'flaky@example.org', 15_000);
    const row = await waitForRow(id, (r) => r.status === 'done');
    expect(row.attempts).toBe(3);
    expect(row.lastError).toContain('451');
    expect(smtp.messages.filter((m) => !Array.isArray(m.to) && m.to?.text === 'flaky@example.org')).toHaveLength(1);
  });

  it('gives up at once on a permanent SMTP refusal', async () => {
    smtp.rejectNext(1, 550);
    const id = await requestEmail(emailPayload({ to: 'nobody@example.org' }));

    const row = await waitForRow(id, (r) => r.status === 'failed');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('550');
  });

  it('gives up after the last allowed attempt, keeping the error', async () => {
    smtp.rejectNext(1, 421);
    // A message whose seven earlier attempts failed.
    const [{ id }] = await ds.query<Array<{ id: string }>>(`INSERT INTO outbox_messages (kind, payload, attempts) VALUES ($1, $2, 7) RETURNING id`, [
      EMAIL_KIND,
      emailPayload({ to: 'exhausted@example.org' }),
    ]);

    const row = await waitForRow(id, (r) => r.status === 'failed' || r.status === 'done');
    expect(row).toMatchObject({ status: 'failed', attempts: 8 });
    expect(row.lastError).toContain('421');
  });

  it('fails a payload that can never be rendered without retrying it', async () => {
    const id = await requestEmail({ ...emailPayload(), to: 'not an address' });

    const row = await waitForRow(id, (r) => r.status === 'failed');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/to/);
  });

  it('writes .eml files named by the outbox id when SMTP_URL is unset', async () => {
    await worker.stop();
    const dir = mkdtempSync(join(tmpdir(), 'halaqa-mail-'));
    worker = await startWorker({ SMTP_URL: undefined, MAIL_OUTBOX_DIR: dir });
    try {
      const id = await requestEmail(emailPayload({ template: 'password_reset', to: 'file@example.org', locale: 'en', data: { name: 'Omar', url: 'https://halaqa.example/en/reset-password/t' } }));
      await waitForRow(id, (r) => r.status === 'done');
      const file = join(dir, `${id}.eml`);
      expect(existsSync(file)).toBe(true);
      const eml = readFileSync(file, 'utf8');
      expect(eml).toContain(`Message-ID: <${id}@halaqa.example>`);
      expect(eml).toContain('Subject: Reset your Halaqa password');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
