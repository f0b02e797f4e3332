import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { OutboxPruner } from '../../api/src/outbox/outbox-pruner.service';
import { ReminderPlanner } from '../../api/src/sessions/reminder-planner.service';
import { bootApp, type TestApp } from '../support/app';
import { startSmtpServer, type TestSmtpServer } from '../support/mail';
import { startWorker, type TestWorker } from '../support/worker';
import { meetRules } from './certificate-fixtures';
import { bearer, sql, type Account } from './fixtures';
import { makeAssignment } from './review-fixtures';
import { circleWorld, localDay, schedule, type CircleWorld } from './session-fixtures';

// Done outbox rows are pruned after OUTBOX_RETENTION_DAYS, and their dedupe keys go with them. These tests let a
// real worker send an email, move the world a month on with SQL, prune, and then ask for the same effect again the
// way the worker's own rounds would: the second email must not happen (docs/decisions/002, amendment on pruning).

let t: TestApp;
let smtp: TestSmtpServer;
let worker: TestWorker;
let w: CircleWorld;

beforeAll(async () => {
  const filesDir = mkdtempSync(join(tmpdir(), 'halaqa-pruning-'));
  t = await bootApp({ FILES_DIR: filesDir });
  smtp = await startSmtpServer();
  worker = await startWorker({
    DATABASE_URL: t.db.url,
    BULL_PREFIX: `test-${t.db.name}`,
    SMTP_URL: smtp.url,
    FILES_DIR: filesDir,
    OUTBOX_POLL_MS: '50',
    OUTBOX_RECLAIM_AFTER_MS: '1000',
  });
  w = await circleWorld(t);
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await t?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const to = (account: Account) => (m: ParsedMail) => !Array.isArray(m.to) && m.to?.text === account.email;

async function rowsLike(pattern: string): Promise<{ dedupe_key: string; status: string }[]> {
  return sql(t, `SELECT dedupe_key, status FROM outbox_messages WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`, [pattern]);
}

async function waitUntilDone(pattern: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const rows = await rowsLike(pattern);
    if (rows.length > 0 && rows.every((r) => r.status === 'done')) return;
    await sleep(50);
  }
  throw new Error(`outbox rows ${pattern} did not get done`);
}

/** A month and a bit passes for these rows (and whatever they were about, moved by the caller). */
async function ageRows(pattern: string, days: number): Promise<void> {
  const shift = `make_interval(days => ${days})`;
  await sql(t, `UPDATE outbox_messages SET created_at = created_at - ${shift}, available_at = available_at - ${shift}, processed_at = processed_at - ${shift} WHERE dedupe_key LIKE $1`, [pattern]);
}

describe('a pruned dedupe key does not let the same email happen twice', () => {
  it('session reminder: the planner does not queue it again once its row is gone', async () => {
    const session = (await schedule(t, w.coach, w.circleId, { date: localDay(3, 'Asia/Amman'), time: '18:00', durationMinutes: 90, agenda: { en: 'Pruned once' } })).items[0];
    const pattern = `reminder:${session.id}:%`;
    await sql(t, `UPDATE outbox_messages SET available_at = now() WHERE dedupe_key LIKE $1`, [pattern]);
    await smtp.waitFor((m) => to(w.trainee)(m) && (m.text ?? '').includes('Pruned once'), 15_000);
    await waitUntilDone(pattern);

    // 35 days on: the session took place a month ago, its reminders were sent before it.
    await sql(t, `UPDATE circle_sessions SET starts_at = starts_at - make_interval(days => 35) WHERE id = $1`, [session.id]);
    await ageRows(pattern, 35);
    expect(await worker.app.get(OutboxPruner).prune()).toBe(2); // the trainee's and the coach's
    expect(await rowsLike(pattern)).toEqual([]);

    await worker.app.get(ReminderPlanner).tick();
    await sleep(1000);
    expect(await rowsLike(pattern)).toEqual([]);
    expect(smtp.messages.filter((m) => to(w.trainee)(m) && (m.text ?? '').includes('Pruned once'))).toHaveLength(1);
  });

  it('certificate: rendering asked again for a revision whose rows were pruned sends no second certificate email', async () => {
    await makeAssignment(t, w.cohortId, 1, { en: 'Story of self' });
    await meetRules(t, w.cohortId, w.circleId, [w.traineeEnrollment]);
    // The previous test's session is a month in the past now: attended, like the rest.
    await sql(t, `INSERT INTO attendance (session_id, enrollment_id, status) SELECT id, $2, 'present' FROM circle_sessions WHERE circle_id = $1 AND starts_at < now() ON CONFLICT DO NOTHING`, [w.circleId, w.traineeEnrollment]);
    const issued = await request(t.url).post(`/api/enrollments/${w.traineeEnrollment}/certificate`).set('authorization', bearer(w.trainer)).expect(201);
    const certificateId = (issued.body as { id: string }).id;
    const withPdf = (m: ParsedMail) => to(w.trainee)(m) && m.attachments.some((a) => a.contentType === 'application/pdf');
    await smtp.waitFor(withPdf, 20_000);
    await waitUntilDone(`certificate%:${certificateId}:%`);
    expect((await rowsLike(`certificate%:${certificateId}:%`)).map((r) => r.dedupe_key.split(':')[0]).sort()).toEqual(['certificate', 'certificate-issued']);

    await ageRows(`certificate%:${certificateId}:%`, 35);
    expect(await worker.app.get(OutboxPruner).prune()).toBeGreaterThanOrEqual(2);
    expect(await rowsLike(`certificate%:${certificateId}:%`)).toEqual([]);

    // Asked again under the same key (a retry or a reconciler would do exactly this): the certificate row says this
    // revision is rendered, so the job does nothing and queues no email.
    await sql(t, `INSERT INTO outbox_messages (kind, payload, dedupe_key) VALUES ('certificate', $1, $2)`, [{ certificateId, revision: 1 }, `certificate:${certificateId}:1`]);
    await waitUntilDone(`certificate:${certificateId}:%`);
    await sleep(1000);
    expect((await rowsLike(`certificate%:${certificateId}:%`)).map((r) => r.dedupe_key.split(':')[0])).toEqual(['certificate']);
    expect(smtp.messages.filter(withPdf)).toHaveLength(1);
  });
});
