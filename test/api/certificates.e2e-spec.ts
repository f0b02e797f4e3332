import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { bulkTrainees, meetRules } from './certificate-fixtures';
import { makeCohort } from './enrollment-fixtures';
import { bearer, registerAccount, sql, type Account } from './fixtures';
import { makeAssignment } from './review-fixtures';
import { circleWorld, makeCircle, type CircleWorld } from './session-fixtures';

let t: TestApp;
let w: CircleWorld;
let filesDir: string;
let otherTrainer: Account;
let otherEnrollment: string;

interface Summary {
  id: string;
  code: string;
  status: string;
  revision: number;
  issuedAt: string;
  revokedAt: string | null;
  pdfReady: boolean;
  verifyUrl: string;
}

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'halaqa-certificates-'));
  t = await bootApp({ BENCH_COUNT_QUERIES: '1', FILES_DIR: filesDir, PUBLIC_WEB_URL: 'https://halaqa.example' });
  w = await circleWorld(t);
  await makeAssignment(t, w.cohortId, 1, { ar: 'قصة الذات', en: 'Story of self' });
  await meetRules(t, w.cohortId, w.circleId, [w.traineeEnrollment]);
  [{ id: otherEnrollment }] = await sql<{ id: string }>(t, `SELECT id FROM enrollments WHERE user_id = $1`, [w.otherTrainee.id]);
  otherTrainer = await registerAccount(t, { nameLatin: 'Other Lead' });
  await makeCohort(t, { leadTrainer: otherTrainer });
});

afterAll(async () => {
  await t.close();
});

const as = (who: Account, lang = 'en') => ({
  get: (path: string) => request(t.url).get(path).set('authorization', bearer(who)).set('accept-language', lang),
  post: (path: string, body?: unknown) => request(t.url).post(path).set('authorization', bearer(who)).set('accept-language', lang).send(body as object),
  put: (path: string, body: unknown) => request(t.url).put(path).set('authorization', bearer(who)).set('accept-language', lang).send(body as object),
  patch: (path: string, body: unknown) => request(t.url).patch(path).set('authorization', bearer(who)).set('accept-language', lang).send(body as object),
});
const outbox = (kind: string) => sql<{ payload: Record<string, unknown>; dedupe_key: string }>(t, `SELECT payload, dedupe_key FROM outbox_messages WHERE kind = $1 ORDER BY created_at, id`, [kind]);

describe('issuing one certificate', () => {
  let first: Summary;

  it('refuses a trainee who does not meet the rules, naming them in Arabic', async () => {
    const res = await as(w.trainer, 'ar').post(`/api/enrollments/${otherEnrollment}/certificate`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('certificate.not_eligible');
    expect(res.body.title).toBe('شروط الشهادة لم تُستوفَ بعد');
    expect(res.body.detail).toContain('الحد الأدنى من الحضور');
    expect(res.body.detail).toContain('اجتياز كل التمارين المطلوبة');
    expect(await sql(t, `SELECT 1 FROM certificates`)).toHaveLength(0);
  });

  it('sets what is printed: second language, issuer, signatories', async () => {
    const settings = { secondaryLocale: 'fr', issuerName: { ar: 'جمعية السرد', fr: 'Association Récit' }, signatories: [{ name: 'رنا', title: { ar: 'المدرّبة الرئيسية', fr: 'Formatrice principale' } }] };
    const res = await as(w.trainer).put(`/api/cohorts/${w.cohortId}/certificate-settings`, settings);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(settings);
    for (const bad of [
      { ...settings, secondaryLocale: 'de' },
      { ...settings, signatories: Array.from({ length: 4 }, () => settings.signatories[0]) },
      { ...settings, signatories: [{ name: '', title: {} }] },
      { ...settings, signatories: [{ name: 'x'.repeat(121), title: {} }] },
      { ...settings, logo: 'x' },
    ]) {
      expect((await as(w.trainer).put(`/api/cohorts/${w.cohortId}/certificate-settings`, bad)).status).toBe(422);
    }
    expect((await as(w.coach).put(`/api/cohorts/${w.cohortId}/certificate-settings`, settings)).status).toBe(404);
  });

  it('issues (201): completes the enrollment, audits, and asks the worker to render it', async () => {
    const res = await as(w.trainer).post(`/api/enrollments/${w.traineeEnrollment}/certificate`);
    expect(res.status).toBe(201);
    first = res.body as Summary;
    expect(first).toMatchObject({ status: 'issued', revision: 1, revokedAt: null, pdfReady: false });
    expect(first.code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect(first.verifyUrl).toBe(`https://halaqa.example/verify/${first.code.replace(/-/g, '')}`);
    const [enrollment] = await sql<{ status: string }>(t, `SELECT status FROM enrollments WHERE id = $1`, [w.traineeEnrollment]);
    expect(enrollment.status).toBe('completed');
    expect(await sql(t, `SELECT from_status, to_status, actor_id FROM enrollment_events WHERE enrollment_id = $1 AND to_status = 'completed'`, [w.traineeEnrollment])).toEqual([
      { from_status: 'active', to_status: 'completed', actor_id: w.trainer.id },
    ]);
    expect(await sql(t, `SELECT action, actor_id FROM audit_events WHERE entity_id = $1`, [first.id])).toEqual([{ action: 'certificate.issued', actor_id: w.trainer.id }]);
    expect(await outbox('certificate')).toEqual([{ payload: { certificateId: first.id, revision: 1 }, dedupe_key: `certificate:${first.id}:1` }]);

    const detail = await as(w.trainee).get(`/api/certificates/${first.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.fields).toMatchObject({
      secondaryLocale: 'fr',
      recipient: { nameLatin: 'Salma Trainee', nameArabic: 'سلمى' },
      courseTitle: { ar: 'السرد العام', fr: 'Le récit public' },
      cohortName: { ar: 'دفعة عمّان', fr: 'Printemps à Amman' },
      city: { ar: 'عمّان' },
      startsOn: '2026-03-01',
      endsOn: '2026-04-30',
      issuer: { name: { ar: 'جمعية السرد', fr: 'Association Récit' }, url: 'https://halaqa.example' },
      signatories: [{ name: 'رنا', title: { ar: 'المدرّبة الرئيسية', fr: 'Formatrice principale' } }],
    });
    expect(detail.body.fields.issuedOn).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Amman' }).format(new Date(first.issuedAt)));
  });

  it('issuing again is a re-issue: same code, revision 2, the corrected name', async () => {
    expect((await as(w.trainee).patch('/api/me', { nameLatin: 'Salma Haddad' })).status).toBe(200);
    const res = await as(w.trainer).post(`/api/enrollments/${w.traineeEnrollment}/certificate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: first.id, code: first.code, revision: 2, issuedAt: first.issuedAt, pdfReady: false });
    expect(await sql(t, `SELECT 1 FROM certificates WHERE enrollment_id = $1`, [w.traineeEnrollment])).toHaveLength(1);
    expect((await as(w.trainer).get(`/api/certificates/${first.id}`)).body.fields.recipient.nameLatin).toBe('Salma Haddad');
    expect((await outbox('certificate')).map((r) => r.dedupe_key)).toEqual([`certificate:${first.id}:1`, `certificate:${first.id}:2`]);
    expect((await sql<{ action: string }>(t, `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY created_at`, [first.id])).map((r) => r.action)).toEqual(['certificate.issued', 'certificate.reissued']);
    // Still one enrollment event: it was completed already.
    expect(await sql(t, `SELECT 1 FROM enrollment_events WHERE enrollment_id = $1 AND to_status = 'completed'`, [w.traineeEnrollment])).toHaveLength(1);
  });

  it('only the holder, the lead trainer and admins read it; only the lead trainer issues', async () => {
    for (const who of [w.coach, w.cohortCoach, w.otherTrainee, w.stranger, otherTrainer]) {
      expect((await as(who).get(`/api/certificates/${first.id}`)).status).toBe(404);
      expect((await as(who).get(`/api/certificates/${first.id}/pdf`)).status).toBe(404);
      expect((await as(who).post(`/api/enrollments/${w.traineeEnrollment}/certificate`)).status).toBe(404);
      expect((await as(who).post(`/api/certificates/${first.id}/revoke`, { reason: 'no' })).status).toBe(404);
    }
    expect((await as(w.trainee).post(`/api/enrollments/${w.traineeEnrollment}/certificate`)).status).toBe(404);
  });

  it('downloads the PDF once the worker rendered this revision', async () => {
    const pending = await as(w.trainee, 'fr').get(`/api/certificates/${first.id}/pdf`);
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('certificate.pdf_pending');
    // What the worker does, by hand: the file in the store, then the row.
    const key = `aa/bb/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`;
    mkdirSync(dirname(join(filesDir, key)), { recursive: true });
    writeFileSync(join(filesDir, key), Buffer.from('%PDF-1.7 certificate'));
    await sql(t, `UPDATE certificates SET pdf_file_key = $2, pdf_revision = revision, pdf_bytes = 20, rendered_at = now() WHERE id = $1`, [first.id, key]);
    const res = await as(w.trainee).get(`/api/certificates/${first.id}/pdf`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="certificate-${first.code}.pdf"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(res.body as Buffer).toString()).toBe('%PDF-1.7 certificate');
    expect((await as(w.trainee).get(`/api/certificates/${first.id}`)).body.pdfReady).toBe(true);
  });

  it('lists the holder’s certificates with a LinkedIn link', async () => {
    const res = await as(w.trainee, 'fr').get('/api/me/certificates');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ id: first.id, code: first.code, status: 'issued', courseTitle: 'Le récit public', cohortName: 'Printemps à Amman', revocationReason: null });
    const link = new URL(res.body[0].linkedInUrl as string);
    expect(link.origin + link.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ startTask: 'CERTIFICATION_NAME', name: 'Le récit public', organizationName: 'Association Récit', certId: first.code, certUrl: first.verifyUrl });
    expect((await as(w.stranger).get('/api/me/certificates')).body).toEqual([]);
  });
});

describe('revoking', () => {
  it('refuses bad reasons with 422 and changes nothing', async () => {
    const [{ id }] = await sql<{ id: string }>(t, `SELECT id FROM certificates WHERE enrollment_id = $1`, [w.traineeEnrollment]);
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(10_000) }, { reason: 42 }, { reason: 'ok', notify: false }]) {
      const res = await as(w.trainer, 'ar').post(`/api/certificates/${id}/revoke`, body);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('validation.failed');
    }
    expect((await as(w.trainer).post(`/api/certificates/not-a-uuid/revoke`, { reason: 'x' })).status).toBe(404);
    expect((await sql<{ revoked_at: Date | null }>(t, `SELECT revoked_at FROM certificates WHERE id = $1`, [id]))[0].revoked_at).toBeNull();
  });

  it('revokes with a reason the holder sees, emails them once, and is final', async () => {
    const [{ id }] = await sql<{ id: string }>(t, `SELECT id FROM certificates WHERE enrollment_id = $1`, [w.traineeEnrollment]);
    const reason = 'سُجّل الحضور لشخص آخر بالخطأ.';
    const res = await as(w.trainer).post(`/api/certificates/${id}/revoke`, { reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'revoked', revokedAt: expect.any(String) });
    const mine = (await as(w.trainee).get('/api/me/certificates')).body;
    expect(mine[0]).toMatchObject({ status: 'revoked', revocationReason: reason, linkedInUrl: null });
    expect((await as(w.trainee).get(`/api/certificates/${id}`)).body.revocationReason).toBe(reason);

    const again = await as(w.trainer, 'fr').post(`/api/certificates/${id}/revoke`, { reason: 'encore' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('certificate.already_revoked');
    const reissue = await as(w.trainer).post(`/api/enrollments/${w.traineeEnrollment}/certificate`);
    expect(reissue.status).toBe(409);
    expect(reissue.body.code).toBe('certificate.revoked');

    const emails = await outbox('email');
    const revoked = emails.filter((e) => e.payload.template === 'certificate_revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0].dedupe_key).toBe(`certificate-revoked:${id}`);
    expect(revoked[0].payload).toMatchObject({ to: w.trainee.email, locale: 'en', data: { reason, courseTitle: 'Public Narrative', cohortName: 'Amman spring', timeZone: 'Asia/Amman' } });
    expect(await sql(t, `SELECT data FROM audit_events WHERE action = 'certificate.revoked' AND entity_id = $1`, [id])).toEqual([{ data: { reason } }]);
    // Counted as revoked on the cohort's page.
    expect((await as(w.trainer).get(`/api/cohorts/${w.cohortId}/completion`)).body.counts).toMatchObject({ issued: 0, revoked: 1 });
  });
});

describe('issuing to a whole cohort', () => {
  it('two concurrent requests issue one certificate per eligible trainee', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: w.trainer, capacity: 100 });
    const circleId = await makeCircle(t, cohortId);
    await makeAssignment(t, cohortId, 1, { en: 'One' });
    const ready = await bulkTrainees(t, cohortId, circleId, 30, 'ready');
    await bulkTrainees(t, cohortId, circleId, 2, 'notyet');
    await meetRules(t, cohortId, circleId, ready);

    const [a, b] = await Promise.all([as(w.trainer).post(`/api/cohorts/${cohortId}/certificates`), as(w.trainer).post(`/api/cohorts/${cohortId}/certificates`)]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const accepted = a.status === 202 ? a : b;
    expect((a.status === 409 ? a : b).body.code).toBe('certificate.none_eligible');
    expect(accepted.body).toMatchObject({ cohortId, total: 30, rendered: 0, failed: 0, done: false });
    const rows = await sql<{ enrollment_id: string; batch_id: string }>(t, `SELECT enrollment_id, batch_id FROM certificates WHERE cohort_id = $1`, [cohortId]);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.enrollment_id))).toEqual(new Set(ready));
    expect(new Set(rows.map((r) => r.batch_id))).toEqual(new Set([accepted.body.id]));
    const jobs = await sql<{ dedupe_key: string }>(t, `SELECT o.dedupe_key FROM outbox_messages o JOIN certificates c ON o.dedupe_key = 'certificate:' || c.id || ':1' WHERE c.cohort_id = $1`, [cohortId]);
    expect(jobs).toHaveLength(30);
    expect(await sql(t, `SELECT 1 FROM enrollments WHERE cohort_id = $1 AND status = 'completed'`, [cohortId])).toHaveLength(30);
    expect(await sql(t, `SELECT 1 FROM audit_events WHERE action = 'certificate.issued' AND data->>'batchId' = $1`, [accepted.body.id])).toHaveLength(30);

    // The worker renders ten, one fails for good: the batch shows it.
    await sql(t, `UPDATE certificates SET pdf_revision = revision WHERE id IN (SELECT id FROM certificates WHERE cohort_id = $1 ORDER BY id LIMIT 10)`, [cohortId]);
    await sql(t, `UPDATE outbox_messages SET status = 'failed' WHERE dedupe_key = (SELECT 'certificate:' || id || ':1' FROM certificates WHERE cohort_id = $1 AND pdf_revision IS NULL ORDER BY id LIMIT 1)`, [cohortId]);
    const progress = await as(w.trainer).get(`/api/certificate-batches/${accepted.body.id}`);
    expect(progress.body).toMatchObject({ total: 30, rendered: 10, failed: 1, done: false });
    await sql(t, `UPDATE certificates SET pdf_revision = revision WHERE cohort_id = $1`, [cohortId]);
    expect((await as(w.trainer).get(`/api/certificate-batches/${accepted.body.id}`)).body).toMatchObject({ rendered: 30, failed: 0, done: true });
    expect((await as(w.trainer).get(`/api/cohorts/${cohortId}/completion`)).body.latestBatch).toMatchObject({ id: accepted.body.id, total: 30, done: true });
    expect((await as(w.coach).get(`/api/certificate-batches/${accepted.body.id}`)).status).toBe(404);
    expect((await as(otherTrainer).post(`/api/cohorts/${cohortId}/certificates`)).status).toBe(404);
  });

  it('issues to 1,000 trainees in one request with a bounded number of statements', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: w.trainer, capacity: 2000 });
    const circleId = await makeCircle(t, cohortId);
    const ready = await bulkTrainees(t, cohortId, circleId, 1000, 'thousand');
    await meetRules(t, cohortId, circleId, ready);
    const before = (await request(t.url).get('/api/bench/query-count')).body.queries as number;
    const started = Date.now();
    const res = await as(w.trainer).post(`/api/cohorts/${cohortId}/certificates`);
    const elapsed = Date.now() - started;
    const after = (await request(t.url).get('/api/bench/query-count')).body.queries as number;
    expect(res.status).toBe(202);
    expect(res.body.total).toBe(1000);
    expect(await sql(t, `SELECT 1 FROM certificates WHERE cohort_id = $1`, [cohortId])).toHaveLength(1000);
    expect(after - before).toBeLessThanOrEqual(25);
    // Generous: measured well under a second here; a regression to one round trip per trainee would blow it.
    expect(elapsed).toBeLessThan(15_000);
  });
});
