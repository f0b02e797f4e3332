import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { queueEnrollmentEmails } from '../../api/src/enrollments/enrollment-emails';
import { OutboxService } from '../../api/src/outbox/outbox.service';
import { bootApp, type TestApp } from '../support/app';
import { startSmtpServer, type TestSmtpServer } from '../support/mail';
import { startWorker, type TestWorker } from '../support/worker';
import { bearer, registerAccount, sql, type Account } from './fixtures';
import { join, makeCohort } from './enrollment-fixtures';

/** The six enrollment emails, sent by the real worker to a real SMTP server, each in its recipient's language. */
let t: TestApp;
let smtp: TestSmtpServer;
let worker: TestWorker;
let trainer: Account;
beforeAll(async () => {
  t = await bootApp({ PUBLIC_WEB_URL: 'https://halaqa.example' });
  smtp = await startSmtpServer();
  worker = await startWorker({ DATABASE_URL: t.db.url, BULL_PREFIX: `test-${t.db.name}`, SMTP_URL: smtp.url, PUBLIC_WEB_URL: 'https://halaqa.example', OUTBOX_POLL_MS: '50' });
  trainer = await registerAccount(t);
});
afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await t?.close();
});

const to = (account: Account, subject: string) => (m: ParsedMail) => !Array.isArray(m.to) && m.to?.text === account.email && (m.subject ?? '').includes(subject);
const QUESTIONS = [{ key: 'motivation', label: { ar: 'لماذا؟', en: 'Why?' }, required: true }];
const decide = (cohortId: string, body: Record<string, unknown>) => request(t.url).post(`/api/cohorts/${cohortId}/decisions`).set('authorization', bearer(trainer)).send(body).expect(200);

describe('enrollment emails', () => {
  it('an Arabic applicant hears, in Arabic and right to left, that the application arrived and then that it was accepted', async () => {
    const cohortId = await makeCohort(t, { enrollmentMode: 'application', applicationQuestions: QUESTIONS, leadTrainer: trainer, timeZone: 'Asia/Amman' });
    const salma = await registerAccount(t, { locale: 'ar', nameArabic: 'سلمى', nameLatin: '' });
    const id = (await join(t, salma, cohortId, { answers: { motivation: 'أريد أن أتعلّم' } }).expect(201)).body.id as string;

    const received = await smtp.waitFor(to(salma, 'وصلنا طلبك'));
    expect(received.subject).toBe('وصلنا طلبك للانضمام إلى السرد العام (دفعة عمّان)');
    expect(received.html).toContain('<html lang="ar" dir="rtl">');
    expect(received.text).toContain('مرحباً سلمى،');
    expect(received.text).toMatch(/مواعيد الدفعة: 1 مارس\s–\s30 أبريل 2026 \(توقيت الأردن\)/u);
    expect(received.text).toContain('https://halaqa.example/ar/dashboard');

    await decide(cohortId, { decision: 'accept', enrollmentIds: [id] });
    const accepted = await smtp.waitFor(to(salma, 'أهلاً بك معنا'));
    expect(accepted.subject).toBe('أهلاً بك معنا: مقعدك في السرد العام (دفعة عمّان)');
    expect(accepted.text).toContain(`https://halaqa.example/ar/cohorts/${cohortId}`);
  });

  it('a rejected applicant is told kindly, in English, with a link to the catalog', async () => {
    const cohortId = await makeCohort(t, { enrollmentMode: 'application', applicationQuestions: QUESTIONS, leadTrainer: trainer, name: { en: 'Tunis spring' }, timeZone: 'Africa/Tunis' });
    const sam = await registerAccount(t, { locale: 'en', nameLatin: 'Sam' });
    const id = (await join(t, sam, cohortId, { answers: { motivation: 'To learn' } }).expect(201)).body.id as string;
    await decide(cohortId, { decision: 'reject', enrollmentIds: [id] });

    const mail = await smtp.waitFor(to(sam, 'Your application to'));
    expect(mail.subject).toBe('Your application to Public Narrative (Tunis spring)');
    expect(mail.text).toContain('this time we could not offer you a place');
    expect(mail.text).toContain('https://halaqa.example/en/courses');
  });

  it('enrolled, waitlisted and promoted, each once, in French and English', async () => {
    const cohortId = await makeCohort(t, { capacity: 1, name: { fr: 'Najaf automne', en: 'Najaf autumn' }, timeZone: 'Asia/Baghdad' });
    const claire = await registerAccount(t, { locale: 'fr', nameLatin: 'Claire' });
    const omar = await registerAccount(t, { locale: 'en', nameLatin: 'Omar' });
    const held = (await join(t, claire, cohortId).expect(201)).body.id as string;
    const waiting = (await join(t, omar, cohortId).expect(201)).body.id as string;

    const enrolled = await smtp.waitFor(to(claire, 'Vous êtes inscrit'));
    expect(enrolled.subject).toBe('Vous êtes inscrit·e à Le récit public (Najaf automne)');
    expect(enrolled.html).toContain('<html lang="fr" dir="ltr">');
    expect((await smtp.waitFor(to(omar, 'waiting list'))).subject).toBe('You are on the waiting list for Public Narrative (Najaf autumn)');

    await request(t.url).patch(`/api/me/enrollments/${held}`).set('authorization', bearer(claire)).send({ status: 'withdrawn' }).expect(200);
    const promoted = await smtp.waitFor(to(omar, 'A place opened up'));
    expect(promoted.text).toContain('you have moved from the waiting list into the cohort');
    expect(promoted.text).toContain(`https://halaqa.example/en/cohorts/${cohortId}`);

    // Queuing the same event again (a retried transaction) sends nothing more.
    const [event] = await sql<{ id: string }>(t, `SELECT id FROM enrollment_events WHERE enrollment_id = $1 AND to_status = 'active'`, [waiting]);
    await t.app.get(DataSource).transaction((manager) => queueEnrollmentEmails(manager, new OutboxService(), [{ template: 'enrollment_promoted', enrollmentId: waiting, eventId: event.id }]));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.filter(to(omar, '')).map((m) => m.subject)).toEqual([
      'Welcome to Halaqa, Omar',
      'You are on the waiting list for Public Narrative (Najaf autumn)',
      'A place opened up for you in Public Narrative (Najaf autumn)',
    ]);
    // Withdrawing oneself sends no email.
    expect(smtp.messages.filter(to(claire, 'Halaqa')).map((m) => m.subject)).toEqual(['Bienvenue sur Halaqa, Claire']);
    expect(smtp.messages.filter(to(claire, 'Le récit public'))).toHaveLength(1);
  });
});
