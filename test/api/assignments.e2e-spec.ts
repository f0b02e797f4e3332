import request from 'supertest';
import { DataSource } from 'typeorm';
import { dueSoonStillDue } from '../../api/src/assignments/due-soon';
import { DueSoonPlanner } from '../../api/src/assignments/due-soon-planner.service';
import { OutboxService } from '../../api/src/outbox/outbox.service';
import { bootApp, type TestApp } from '../support/app';
import { instantiate, exerciseWorld, type AssignmentBody } from './assignment-fixtures';
import { bearer, registerAccount, sql, tableCounts, type Account } from './fixtures';
import { makeCohort } from './enrollment-fixtures';
import type { CircleWorld } from './session-fixtures';

let t: TestApp;
let w: CircleWorld;

beforeAll(async () => {
  t = await bootApp();
  w = await exerciseWorld(t);
});

afterAll(async () => {
  await t.close();
});

const get = (path: string, who: Account, lang = 'en') => request(t.url).get(path).set('authorization', bearer(who)).set('accept-language', lang);
const send = (method: 'post' | 'patch' | 'put' | 'delete', path: string, who: Account, body: unknown = {}, lang = 'en') =>
  request(t.url)[method](path).set('authorization', bearer(who)).set('accept-language', lang).send(body as object);
const items = (res: request.Response) => (res.body as { items: AssignmentBody[] }).items;

interface DueSoonRow {
  dedupe_key: string;
  to: string;
  available_at: Date;
  due: { assignmentId: string; enrollmentId: string; dueAt: string };
  data: Record<string, string>;
}
const dueSoonRows = (assignmentId: string) =>
  sql<DueSoonRow>(
    t,
    `SELECT dedupe_key, payload->>'to' AS to, available_at, payload->'dueSoon' AS due, payload->'data' AS data FROM outbox_messages
      WHERE payload->>'template' = 'assignment_due_soon' AND payload->'dueSoon'->>'assignmentId' = $1 ORDER BY available_at, payload->>'to'`,
    [assignmentId],
  );

describe('assignments', () => {
  let assignments: AssignmentBody[];

  it('a lead trainer instantiates the exercises of the pinned version once, due at 23:59 in the cohort’s zone; others get 404', async () => {
    for (const who of [w.coach, w.trainee, w.cohortCoach, w.stranger]) {
      expect((await send('post', `/api/cohorts/${w.cohortId}/assignments/instantiate`, who)).status).toBe(404);
    }
    const first = await instantiate(t, w.trainer, w.cohortId);
    expect(first.created).toBe(2);
    // Module 1 starts with the cohort (2027-03-01) + 7 days; module 2 a week later + 14 days. Amman is UTC+3.
    expect(first.items.map((a) => [a.exerciseKey, a.position, a.dueAt, a.latePolicy, a.submissionKind, a.canManage])).toEqual([
      ['my-story', 1, '2027-03-08T20:59:00.000Z', 'mark_late', 'text', true],
      ['story-of-now', 2, '2027-03-22T20:59:00.000Z', 'mark_late', 'both', true],
    ]);
    const again = await instantiate(t, w.trainer, w.cohortId);
    expect(again.created).toBe(0);
    expect(again.items.map((a) => a.id)).toEqual(first.items.map((a) => a.id));
    assignments = first.items;
    const [audit] = await sql<{ n: string }>(t, `SELECT count(*) AS n FROM audit_events WHERE action = 'assignment.instantiated' AND entity_id = $1`, [w.cohortId]);
    expect(Number(audit.n)).toBe(1);
  });

  it('trainees see their own status and due date; staff of the cohort see the list without one; strangers get 404', async () => {
    const mine = await get(`/api/cohorts/${w.cohortId}/assignments`, w.trainee, 'ar');
    expect(mine.status).toBe(200);
    expect(items(mine).map((a) => [a.displayTitle, a.status, a.late, a.effectiveDueAt, a.canManage])).toEqual([
      ['قصتي', 'not_started', false, '2027-03-08T20:59:00.000Z', false],
      ['قصة الآن', 'not_started', false, '2027-03-22T20:59:00.000Z', false],
    ]);
    const coach = await get(`/api/cohorts/${w.cohortId}/assignments`, w.coach);
    expect(items(coach).map((a) => [a.displayTitle, a.status, a.canManage])).toEqual([
      ['My story', null, false],
      ['Story of now', null, false],
    ]);
    expect((await get(`/api/cohorts/${w.cohortId}/assignments`, w.stranger)).status).toBe(404);
    expect((await get(`/api/assignments/${assignments[0].id}`, w.stranger)).status).toBe(404);
    const one = await get(`/api/assignments/${assignments[0].id}`, w.otherTrainee);
    expect(one.body).toMatchObject({ displayTitle: 'My story', displayInstructions: 'Write', maxPoints: 1, passMark: 1, rubric: [{ key: 'clarity' }] });
    // Another cohort's trainer sees nothing of it.
    const elsewhere = await makeCohort(t, { leadTrainer: w.stranger });
    expect(elsewhere).toEqual(expect.any(String));
    expect((await send('patch', `/api/assignments/${assignments[0].id}`, w.stranger, { latePolicy: 'close' })).status).toBe(404);
  });

  it('a lead trainer edits the due date, late policy, kind and pass mark; bad input is a localized 422 and writes nothing', async () => {
    const before = await tableCounts(t);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ passMark: 2 }, 'passMark', 'max'],
      [{ latePolicy: 'never' }, 'latePolicy', 'isIn'],
      [{ submissionKind: 'video' }, 'submissionKind', 'isIn'],
      [{ dueAt: 'tomorrow' }, 'dueAt', 'isIso8601'],
      [{ colour: 'red' }, 'colour', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const res = await send('patch', `/api/assignments/${assignments[0].id}`, w.trainer, body, 'fr');
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
      if (field === 'passMark') expect(res.body.errors[0].message).toBe('Doit être au plus 1.');
    }
    expect(await tableCounts(t)).toEqual(before);
    expect((await send('patch', `/api/assignments/${assignments[0].id}`, w.coach, { latePolicy: 'close' })).status).toBe(404);
    const res = await send('patch', `/api/assignments/${assignments[0].id}`, w.trainer, { latePolicy: 'accept', submissionKind: 'both', passMark: 0 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ latePolicy: 'accept', submissionKind: 'both', passMark: 0 });
    const [audit] = await sql<{ data: { after: { latePolicy: string } } }>(t, `SELECT data FROM audit_events WHERE action = 'assignment.updated' AND entity_id = $1`, [assignments[0].id]);
    expect(audit.data.after.latePolicy).toBe('accept');
  });

  it('“due soon” emails wait until 48 h before each trainee’s due date; an extension moves one trainee’s, and the old one is no longer due', async () => {
    const a = assignments[1];
    const rows = await dueSoonRows(a.id);
    expect(rows.map((r) => [r.to, new Date(r.available_at).toISOString()])).toEqual(
      [w.otherTrainee.email, w.trainee.email].sort().map((to) => [to, '2027-03-20T20:59:00.000Z']),
    );
    expect(rows.find((r) => r.to === w.trainee.email)!.data).toMatchObject({ assignmentTitle: 'Story of now', courseTitle: 'Public Narrative' });

    const ext = await send('put', `/api/assignments/${a.id}/extensions/${w.traineeEnrollment}`, w.trainer, { dueAt: '2027-03-29T20:59:00Z', reason: 'Family wedding' });
    expect(ext.status).toBe(200);
    expect(ext.body).toMatchObject({ dueAt: '2027-03-29T20:59:00.000Z', reason: 'Family wedding' });
    const mine = items(await get(`/api/cohorts/${w.cohortId}/assignments`, w.trainee));
    expect(mine[1]).toMatchObject({ dueAt: '2027-03-22T20:59:00.000Z', effectiveDueAt: '2027-03-29T20:59:00.000Z' });
    const theirs = items(await get(`/api/cohorts/${w.cohortId}/assignments`, w.otherTrainee));
    expect(theirs[1].effectiveDueAt).toBe('2027-03-22T20:59:00.000Z');

    const after = (await dueSoonRows(a.id)).filter((r) => r.to === w.trainee.email);
    expect(after.map((r) => new Date(r.available_at).toISOString())).toEqual(['2027-03-20T20:59:00.000Z', '2027-03-27T20:59:00.000Z']);
    const manager = t.app.get(DataSource).manager;
    const now = new Date('2027-03-21T00:00:00Z');
    expect(await dueSoonStillDue(manager, after[0].due, now)).toBe(false);
    expect(await dueSoonStillDue(manager, after[1].due, now)).toBe(true);

    // An enrollment of another cohort, a coach, a missing extension: 404.
    const elsewhere = await makeCohort(t);
    const [foreign] = await sql<{ id: string }>(t, `INSERT INTO enrollments (cohort_id, user_id, status) VALUES ($1, $2, 'active') RETURNING id`, [elsewhere, w.stranger.id]);
    expect((await send('put', `/api/assignments/${a.id}/extensions/${foreign.id}`, w.trainer, { dueAt: '2027-03-29T20:59:00Z' })).status).toBe(404);
    expect((await send('put', `/api/assignments/${a.id}/extensions/${w.traineeEnrollment}`, w.coach, { dueAt: '2027-03-29T20:59:00Z' })).status).toBe(404);
    expect((await send('delete', `/api/assignments/${a.id}/extensions/${w.traineeEnrollment}`, w.trainer)).status).toBe(204);
    expect((await send('delete', `/api/assignments/${a.id}/extensions/${w.traineeEnrollment}`, w.trainer)).status).toBe(404);
    expect(items(await get(`/api/cohorts/${w.cohortId}/assignments`, w.trainee))[1].effectiveDueAt).toBe('2027-03-22T20:59:00.000Z');
    // The original date is due again.
    expect(await dueSoonStillDue(manager, after[0].due, now)).toBe(true);
  });

  it('a lead trainer lists the extensions of an assignment by trainee name; a removed one disappears; others get 404', async () => {
    const a = assignments[0];
    interface ExtensionItem {
      enrollmentId: string;
      grantedAt: string;
    }
    const listed = async (who = w.trainer) => {
      const r = await get(`/api/assignments/${a.id}/extensions`, who);
      return { status: r.status, body: r.body as ExtensionItem[] };
    };
    const [other] = await sql<{ id: string }>(t, `SELECT id FROM enrollments WHERE cohort_id = $1 AND user_id = $2`, [w.cohortId, w.otherTrainee.id]);
    expect(await listed()).toEqual({ status: 200, body: [] });
    expect((await send('put', `/api/assignments/${a.id}/extensions/${w.traineeEnrollment}`, w.trainer, { dueAt: '2027-03-10T20:59:00Z', reason: 'Travel' })).status).toBe(200);
    expect((await send('put', `/api/assignments/${a.id}/extensions/${other.id}`, w.trainer, { dueAt: '2027-03-12T20:59:00Z' })).status).toBe(200);
    const res = await listed();
    expect(res.status).toBe(200);
    // Omar before Salma.
    expect(res.body).toEqual([
      { enrollmentId: other.id, user: { nameLatin: 'Omar Other', nameArabic: expect.any(String) }, dueAt: '2027-03-12T20:59:00.000Z', reason: null, grantedAt: expect.any(String) },
      { enrollmentId: w.traineeEnrollment, user: { nameLatin: 'Salma Trainee', nameArabic: 'سلمى' }, dueAt: '2027-03-10T20:59:00.000Z', reason: 'Travel', grantedAt: expect.any(String) },
    ]);
    expect(Number.isNaN(Date.parse(res.body[0].grantedAt))).toBe(false);
    // Another assignment's list is its own.
    expect((await get(`/api/assignments/${assignments[1].id}/extensions`, w.trainer)).body).toEqual([]);
    for (const who of [w.coach, w.cohortCoach, w.trainee, w.otherTrainee, w.stranger]) {
      expect((await listed(who)).status).toBe(404);
    }
    expect((await get(`/api/assignments/00000000-0000-4000-8000-000000000000/extensions`, w.trainer)).status).toBe(404);
    expect((await send('delete', `/api/assignments/${a.id}/extensions/${w.traineeEnrollment}`, w.trainer)).status).toBe(204);
    expect((await listed()).body.map((x) => x.enrollmentId)).toEqual([other.id]);
    expect((await send('delete', `/api/assignments/${a.id}/extensions/${other.id}`, w.trainer)).status).toBe(204);
    expect((await listed()).body).toEqual([]);
  });

  it('a trainee who enrolls later gets “due soon” emails from the planner’s next round, once', async () => {
    const late = await registerAccount(t, { nameLatin: 'Tariq Late' });
    await sql(t, `INSERT INTO enrollments (cohort_id, user_id, status) VALUES ($1, $2, 'active')`, [w.cohortId, late.id]);
    const planner = new DueSoonPlanner(t.app.get(DataSource), t.app.get(OutboxService));
    // Nine days before the first due date: only the first assignment is in the window.
    const now = new Date('2027-02-28T00:00:00Z');
    expect(await planner.tick(now)).toBe(1);
    expect(await planner.tick(now)).toBe(0);
    const rows = await sql<{ n: string }>(t, `SELECT count(*) AS n FROM outbox_messages WHERE payload->>'template' = 'assignment_due_soon' AND payload->>'to' = $1`, [late.email]);
    expect(Number(rows[0].n)).toBe(1);
    expect((await dueSoonRows(assignments[0].id)).filter((r) => r.to === late.email).map((r) => new Date(r.available_at).toISOString())).toEqual(['2027-03-06T20:59:00.000Z']);
  });
});
