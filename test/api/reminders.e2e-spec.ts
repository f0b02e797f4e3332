import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { OutboxRelay } from '../../api/src/outbox/outbox-relay.service';
import { EMAIL_QUEUE } from '../../api/src/queues/queues';
import { ReminderPlanner } from '../../api/src/sessions/reminder-planner.service';
import { bootApp, type TestApp } from '../support/app';
import { startSmtpServer, type TestSmtpServer } from '../support/mail';
import { startRedisServer, startWorker, type TestRedis, type TestWorker } from '../support/worker';
import { bearer, registerAccount, sql, type Account } from './fixtures';
import { circleWorld, localDay, putInCircle, schedule, type CircleWorld } from './session-fixtures';

// Reminders are outbox rows due 24 h before the session, checked again when sent. Time is not waited for: a test
// makes a session's reminder rows due now with SQL (what the clock would do a day later) and lets the real worker,
// a Redis of this file's own and a real SMTP server do the rest.

let t: TestApp;
let smtp: TestSmtpServer;
let redis: TestRedis;
let worker: TestWorker;
let w: CircleWorld;

beforeAll(async () => {
  t = await bootApp({ PUBLIC_WEB_URL: 'https://halaqa.example' });
  smtp = await startSmtpServer();
  redis = await startRedisServer();
  worker = await startWorker({
    DATABASE_URL: t.db.url,
    REDIS_URL: redis.url,
    BULL_PREFIX: `test-${t.db.name}`,
    SMTP_URL: smtp.url,
    PUBLIC_WEB_URL: 'https://halaqa.example',
    OUTBOX_POLL_MS: '50',
    OUTBOX_RECLAIM_AFTER_MS: '1000',
  });
  // The trainee reads Arabic in Amman; the coach reads French and lives in Paris.
  w = await circleWorld(t, { timeZone: 'Asia/Amman' }, { trainee: 'ar', coach: 'fr' });
  await sql(t, `UPDATE users SET time_zone = 'Europe/Paris' WHERE id = $1`, [w.coach.id]);
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await redis?.stop();
  await t?.close();
});

const REMINDER_SUBJECT = { ar: 'غداً:', fr: 'Demain :', en: 'Tomorrow:' };
const remindersTo = (account: Account) => smtp.messages.filter((m) => !Array.isArray(m.to) && m.to?.text === account.email && Object.values(REMINDER_SUBJECT).some((s) => m.subject?.startsWith(s)));
const isReminderTo = (account: Account, text: string) => (m: ParsedMail) => remindersTo(account).includes(m) && (m.text ?? '').includes(text);

/** What a day passing would do: this session's reminders are due now. */
async function dueNow(sessionId: string): Promise<void> {
  await sql(t, `UPDATE outbox_messages SET available_at = now() WHERE dedupe_key LIKE $1 AND status = 'pending'`, [`reminder:${sessionId}:%`]);
}

async function reminderRows(sessionId: string): Promise<{ dedupe_key: string; status: string; available_at: Date }[]> {
  return sql(t, `SELECT dedupe_key, status, available_at FROM outbox_messages WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`, [`reminder:${sessionId}:%`]);
}

/** Waits until no reminder row of the session is still on its way. */
async function settled(sessionId: string): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const rows = await reminderRows(sessionId);
    if (rows.every((r) => r.status === 'done' || r.status === 'failed' || r.available_at.getTime() > Date.now() + 60_000)) return rows.map((r) => `${r.dedupe_key.split(':').slice(2).join(':')} ${r.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('reminders did not settle');
}

const fmt = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));

describe('session reminders', () => {
  it('are queued 24 h ahead for each member and coach; arrive in each one’s language with the time in their zone', async () => {
    const { items } = await schedule(t, w.trainer, w.circleId, { date: localDay(4, 'Asia/Amman'), time: '18:00', durationMinutes: 90, agenda: { ar: 'قصة الذات', fr: 'Le récit de soi' }, place: { ar: 'مكتبة اللويبدة', fr: 'Bibliothèque de Weibdeh' } });
    const session = items[0];
    const rows = await reminderRows(session.id);
    expect(rows.map((r) => r.dedupe_key).sort()).toEqual([`reminder:${session.id}:${w.coach.id}:0`, `reminder:${session.id}:${w.trainee.id}:0`].sort());
    for (const row of rows) expect(row.available_at.getTime()).toBe(new Date(session.startsAt).getTime() - 24 * 3_600_000);

    await dueNow(session.id);
    const toTrainee = await smtp.waitFor(isReminderTo(w.trainee, 'قصة الذات'), 15_000);
    expect(toTrainee.subject).toBe(`غداً: حلقة اللويبدة الساعة ${fmt(session.startsAt, 'ar', 'Asia/Amman')}`);
    expect(toTrainee.html).toContain('<html lang="ar" dir="rtl">');
    expect(toTrainee.text).toContain('المكان: مكتبة اللويبدة.');
    expect(toTrainee.text).toContain('https://halaqa.example/ar/my-circle');
    // Reader and circle share a clock: said once.
    expect(toTrainee.text).not.toContain('بتوقيت الحلقة');

    const toCoach = await smtp.waitFor(isReminderTo(w.coach, 'Le récit de soi'), 15_000);
    // 18:00 in Amman is 16:00 or 17:00 in Paris depending on the date: the coach reads their own clock first.
    expect(toCoach.subject).toBe(`Demain : Cercle de Weibdeh à ${fmt(session.startsAt, 'fr', 'Europe/Paris')}`);
    expect(toCoach.text).toMatch(new RegExp(`À l’heure du cercle \\(.+\\) : .+ ${fmt(session.startsAt, 'fr', 'Asia/Amman')}`, 'u'));
    expect(toCoach.text).toContain(`https://halaqa.example/fr/sessions/${session.id}/attendance`);
    expect(await settled(session.id)).toEqual(expect.arrayContaining([`${w.coach.id}:0 done`, `${w.trainee.id}:0 done`]));
    // Others in the cohort hear nothing.
    for (const other of [w.otherTrainee, w.otherCoach, w.cohortCoach, w.trainer]) expect(remindersTo(other)).toEqual([]);
  });

  it('rescheduling sends only the new time; the old reminder is dropped at send time', async () => {
    const { items } = await schedule(t, w.coach, w.circleId, { date: localDay(5, 'Asia/Amman'), time: '18:00', durationMinutes: 90, agenda: { ar: 'موعد سيتغيّر' } });
    const moved = await request(t.url).patch(`/api/sessions/${items[0].id}`).set('authorization', bearer(w.coach)).send({ time: '20:30' }).expect(200);
    const newStart = (moved.body as { items: { startsAt: string }[] }).items[0].startsAt;
    expect((await reminderRows(items[0].id)).map((r) => r.dedupe_key.split(':').pop()).sort()).toEqual(['0', '0', '1', '1']);
    // Both generations due at once: the worst case for sending the old one.
    await dueNow(items[0].id);
    await smtp.waitFor(isReminderTo(w.trainee, 'موعد سيتغيّر'), 15_000);
    const states = await settled(items[0].id);
    expect(states.sort()).toEqual([`${w.coach.id}:0 done`, `${w.coach.id}:1 done`, `${w.trainee.id}:0 done`, `${w.trainee.id}:1 done`].sort());
    const received = remindersTo(w.trainee).filter((m) => (m.text ?? '').includes('موعد سيتغيّر'));
    expect(received).toHaveLength(1);
    expect(received[0].subject).toContain(fmt(newStart, 'ar', 'Asia/Amman'));
    expect(received[0].subject).not.toContain(fmt(items[0].startsAt, 'ar', 'Asia/Amman'));
  });

  it('cancelling sends none; a session less than 24 h away gets none; someone who left the circle gets none', async () => {
    const { items } = await schedule(t, w.coach, w.circleId, { date: localDay(6, 'Asia/Amman'), time: '18:00', durationMinutes: 90, agenda: { ar: 'لقاء سيُلغى' } });
    await request(t.url).post(`/api/sessions/${items[0].id}/cancel`).set('authorization', bearer(w.coach)).send({ reason: 'Storm' }).expect(200);
    await dueNow(items[0].id);
    expect(await settled(items[0].id)).toEqual([`${w.coach.id}:0 done`, `${w.trainee.id}:0 done`].sort());

    const soon = (await schedule(t, w.coach, w.circleId, { date: localDay(0, 'Asia/Amman'), time: '23:59', durationMinutes: 30 })).items[0];
    expect(await reminderRows(soon.id)).toEqual([]);

    const later = (await schedule(t, w.coach, w.circleId, { date: localDay(7, 'Asia/Amman'), time: '18:00', durationMinutes: 90, agenda: { ar: 'بعد المغادرة' } })).items[0];
    await sql(t, 'UPDATE circle_memberships SET left_at = now() WHERE enrollment_id = $1 AND left_at IS NULL', [w.traineeEnrollment]);
    await dueNow(later.id);
    await smtp.waitFor(isReminderTo(w.coach, 'Cercle de Weibdeh'), 15_000);
    await settled(later.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(remindersTo(w.trainee).filter((m) => (m.text ?? '').includes('لقاء سيُلغى') || (m.text ?? '').includes('بعد المغادرة'))).toEqual([]);
    await sql(t, 'INSERT INTO circle_memberships (circle_id, enrollment_id) VALUES ($1, $2)', [w.circleId, w.traineeEnrollment]);
  });

  it('someone who joins the circle after a session was planned is reminded too (the worker’s planner), once', async () => {
    const session = (await schedule(t, w.coach, w.circleId, { date: localDay(3, 'Asia/Amman'), time: '18:00', durationMinutes: 90, agenda: { en: 'Welcome, newcomer' } })).items[0];
    const newcomer = await registerAccount(t, { nameLatin: 'Nadia Newcomer', locale: 'en', timeZone: 'Africa/Tunis' });
    await putInCircle(t, w.cohortId, w.circleId, newcomer, new Date());
    const planner = worker.app.get(ReminderPlanner);
    expect(await planner.tick()).toBeGreaterThan(0);
    // A second round finds everything queued already.
    expect(await planner.tick()).toBe(0);
    const keys = (await reminderRows(session.id)).map((r) => r.dedupe_key.split(':')[2]);
    expect(keys.sort()).toEqual([w.coach.id, newcomer.id, w.trainee.id].sort());
    await dueNow(session.id);
    const mail = await smtp.waitFor(isReminderTo(newcomer, 'Welcome, newcomer'), 15_000);
    expect(mail.subject).toBe(`Tomorrow: Weibdeh circle at ${fmt(session.startsAt, 'en', 'Africa/Tunis')}`);
    await settled(session.id);
    expect(remindersTo(newcomer)).toHaveLength(1);
  });

  it('nothing is sent twice: relaying again, a duplicate job, or Redis flushed while a reminder is on its way', async () => {
    const { items } = await schedule(t, w.coach, w.circleId, { date: localDay(8, 'Asia/Amman'), time: '18:00', durationMinutes: 90, agenda: { ar: 'مرة واحدة فقط' } });
    const session = items[0];
    const queue = worker.app.get<Queue>(getQueueToken(EMAIL_QUEUE));
    // Hold the worker's hands: the rows get relayed (enqueued in Redis) but not processed.
    await queue.pause(true);
    await dueNow(session.id);
    for (let i = 0; i < 100 && (await reminderRows(session.id)).some((r) => r.status !== 'enqueued'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await reminderRows(session.id)).map((r) => r.status)).toEqual(['enqueued', 'enqueued', 'enqueued']); // coach, trainee, newcomer
    // Redis loses everything; the reconciler takes the rows back after OUTBOX_RECLAIM_AFTER_MS and relays them again.
    await redis.flushAll();
    await queue.resume(true);
    await smtp.waitFor(isReminderTo(w.trainee, 'مرة واحدة فقط'), 20_000);
    await settled(session.id);

    // Relay rounds and a stray duplicate job for a row already done send nothing more.
    const relay = worker.app.get(OutboxRelay);
    await relay.tick();
    await relay.tick();
    const [row] = await sql<{ id: string }>(t, `SELECT id FROM outbox_messages WHERE dedupe_key = $1`, [`reminder:${session.id}:${w.trainee.id}:0`]);
    await queue.add({ outboxId: row.id }, { jobId: `${row.id}-again` });
    // The same request made twice (a retried transaction) stores one row per person: the dedupe key holds.
    await sql(t, `INSERT INTO outbox_messages (kind, payload, dedupe_key) SELECT kind, payload, dedupe_key FROM outbox_messages WHERE id = $1 ON CONFLICT DO NOTHING`, [row.id]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(remindersTo(w.trainee).filter((m) => (m.text ?? '').includes('مرة واحدة فقط'))).toHaveLength(1);
    // The coach reads French; the agenda exists in Arabic only, so it falls back to Arabic.
    expect(remindersTo(w.coach).filter((m) => (m.text ?? '').includes('مرة واحدة فقط'))).toHaveLength(1);
    expect((await reminderRows(session.id)).map((r) => r.status)).toEqual(['done', 'done', 'done']);
  });
});
