import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { heldSession, markAttendance, releaseReview } from './certificate-fixtures';
import { makeCohort } from './enrollment-fixtures';
import { bearer, registerAccount, sql, type Account } from './fixtures';
import { makeAssignment, submitted } from './review-fixtures';
import { circleWorld, makeCircle, type CircleWorld } from './session-fixtures';

let t: TestApp;
let w: CircleWorld;
let otherEnrollment: string;
let otherTrainer: Account;

interface Progress {
  enrollmentId: string;
  trainee: { displayName: string };
  circle: { name: string } | null;
  attendance: { held: number; attended: number; rate: number | null; met: boolean };
  assignments: { required: number; passed: number; met: boolean; items?: { exerciseKey: string; status: string; required: boolean }[] };
  finalReview: { required: boolean; passed: boolean | null; note: string; met: boolean };
  eligible: boolean;
  certificate: unknown;
}

beforeAll(async () => {
  t = await bootApp({ BENCH_COUNT_QUERIES: '1' });
  w = await circleWorld(t);
  await makeAssignment(t, w.cohortId, 1, { ar: 'قصة الذات', en: 'Story of self' });
  await makeAssignment(t, w.cohortId, 2, { ar: 'قصتنا', en: 'Story of us' });
  [{ id: otherEnrollment }] = await sql<{ id: string }>(t, `SELECT id FROM enrollments WHERE user_id = $1`, [w.otherTrainee.id]);
  otherTrainer = await registerAccount(t, { nameLatin: 'Other Lead' });
  await makeCohort(t, { leadTrainer: otherTrainer });
});

afterAll(async () => {
  await t.close();
});

const get = (path: string, who: Account, lang = 'en') => request(t.url).get(path).set('authorization', bearer(who)).set('accept-language', lang);
const put = (path: string, who: Account, body: unknown, lang = 'en') => request(t.url).put(path).set('authorization', bearer(who)).set('accept-language', lang).send(body as object);
const progressOf = async (who: Account = w.trainee) => {
  const res = await get(`/api/enrollments/${w.traineeEnrollment}/progress`, who);
  expect(res.status).toBe(200);
  return res.body as Progress;
};

describe('progress', () => {
  it('changes the moment attendance is marked and a review is released', async () => {
    const before = await progressOf();
    expect(before.attendance).toEqual({ held: 0, attended: 0, rate: null, met: false });
    expect(before.assignments).toMatchObject({ required: 2, passed: 0, met: false });
    expect(before.assignments.items!.map((a) => [a.exerciseKey, a.status, a.required])).toEqual([
      ['exercise-1', 'not_started', true],
      ['exercise-2', 'not_started', true],
    ]);
    expect(before).toMatchObject({ eligible: false, certificate: null, circle: { name: 'Weibdeh circle' }, finalReview: { required: false, met: true } });

    const first = await heldSession(t, w.circleId, 3);
    const second = await heldSession(t, w.circleId, 2);
    await markAttendance(t, w.coach, first, { [w.traineeEnrollment]: 'present' });
    await markAttendance(t, w.coach, second, { [w.traineeEnrollment]: 'absent' });
    // 1 of 2 held: 50% < 75%.
    expect((await progressOf()).attendance).toEqual({ held: 2, attended: 1, rate: 0.5, met: false });
    await markAttendance(t, w.coach, second, { [w.traineeEnrollment]: 'late' });
    expect((await progressOf()).attendance).toEqual({ held: 2, attended: 2, rate: 1, met: true });

    const [a1, a2] = (await sql<{ id: string }>(t, `SELECT id FROM assignments WHERE cohort_id = $1 ORDER BY position`, [w.cohortId])).map((r) => r.id);
    const s1 = await submitted(t, a1, w.traineeEnrollment);
    const s2 = await submitted(t, a2, w.traineeEnrollment);
    await releaseReview(t, w.coach, s1, 'pass');
    const half = await progressOf();
    expect(half.assignments).toMatchObject({ required: 2, passed: 1, met: false });
    expect(half.assignments.items!.map((a) => a.status)).toEqual(['passed', 'submitted']);
    expect(half.eligible).toBe(false);

    await releaseReview(t, w.coach, s2, 'pass');
    const done = await progressOf();
    expect(done.assignments).toMatchObject({ required: 2, passed: 2, met: true });
    expect(done.eligible).toBe(true);
    // The lead trainer sees the same on the cohort page.
    const cohort = await get(`/api/cohorts/${w.cohortId}/completion`, w.trainer);
    expect(cohort.status).toBe(200);
    const salma = (cohort.body.items as Progress[]).find((p) => p.enrollmentId === w.traineeEnrollment)!;
    expect(salma).toMatchObject({ eligible: true, attendance: { held: 2, attended: 2 }, trainee: { displayName: 'Salma Trainee' } });
    expect(cohort.body.counts).toEqual({ trainees: 2, eligible: 1, issued: 0, revoked: 0 });
    expect(cohort.body.rule).toEqual({ minAttendancePercent: 75, requiredExercises: 'all', finalReview: false });
    expect((cohort.body.requiredAssignments as { title: string }[]).map((a) => a.title)).toEqual(['Story of self', 'Story of us']);
    expect(cohort.body.latestBatch).toBeNull();
  });

  it('filters by eligibility and name; names the trainee in the reader’s language', async () => {
    const names = async (query: string, lang = 'en') =>
      ((await get(`/api/cohorts/${w.cohortId}/completion?${query}`, w.trainer, lang)).body.items as Progress[]).map((p) => p.trainee.displayName);
    expect(await names('eligible=true')).toEqual(['Salma Trainee']);
    expect(await names('eligible=false')).toEqual(['Omar Other']);
    expect(await names('q=omar')).toEqual(['Omar Other']);
    expect(await names('q=سلمى', 'ar')).toEqual(['سلمى']);
    expect((await get(`/api/cohorts/${w.cohortId}/completion?eligible=yes`, w.trainer)).status).toBe(422);
  });

  it('a coach sees only their circles; other staff, trainees and strangers get 404', async () => {
    const mine = await get(`/api/cohorts/${w.cohortId}/completion`, w.coach);
    expect((mine.body.items as Progress[]).map((p) => p.trainee.displayName)).toEqual(['Salma Trainee']);
    expect(mine.body.counts.trainees).toBe(1);
    const other = await get(`/api/cohorts/${w.cohortId}/completion`, w.otherCoach);
    expect((other.body.items as Progress[]).map((p) => p.trainee.displayName)).toEqual(['Omar Other']);
    for (const who of [w.cohortCoach, w.trainee, w.stranger, otherTrainer]) {
      expect((await get(`/api/cohorts/${w.cohortId}/completion`, who)).status).toBe(404);
    }
    // One trainee's progress: themself, the lead trainer, their circle's coach.
    expect((await get(`/api/enrollments/${otherEnrollment}/progress`, w.otherTrainee)).status).toBe(200);
    expect((await get(`/api/enrollments/${otherEnrollment}/progress`, w.otherCoach)).status).toBe(200);
    expect((await get(`/api/enrollments/${otherEnrollment}/progress`, w.trainer)).status).toBe(200);
    for (const who of [w.trainee, w.coach, w.cohortCoach, w.stranger, otherTrainer]) {
      const res = await get(`/api/enrollments/${otherEnrollment}/progress`, who);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await get(`/api/enrollments/00000000-0000-4000-8000-000000000000/progress`, w.trainer)).status).toBe(404);
  });
});

describe('completion rule and final review', () => {
  it('a lead trainer changes the rule; a final review then decides eligibility', async () => {
    const res = await put(`/api/cohorts/${w.cohortId}/completion-rule`, w.trainer, { minAttendancePercent: 50, requiredExercises: ['exercise-1'], finalReview: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ minAttendancePercent: 50, requiredExercises: ['exercise-1'], finalReview: true });
    const waiting = await progressOf();
    expect(waiting.assignments).toMatchObject({ required: 1, passed: 1, met: true });
    expect(waiting.finalReview).toMatchObject({ required: true, passed: null, met: false });
    expect(waiting.eligible).toBe(false);

    expect((await put(`/api/enrollments/${w.traineeEnrollment}/final-review`, w.coach, { passed: true })).status).toBe(404);
    const reviewed = await put(`/api/enrollments/${w.traineeEnrollment}/final-review`, w.trainer, { passed: true, note: 'قصة ختامية قوية' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ eligible: true, finalReview: { required: true, passed: true, note: 'قصة ختامية قوية', met: true } });
    // The trainee reads the note too.
    expect((await progressOf()).finalReview.note).toBe('قصة ختامية قوية');
    const audit = await sql<{ actor_id: string; data: { passed: boolean } }>(t, `SELECT actor_id, data FROM audit_events WHERE action = 'final_review.recorded' AND entity_id = $1`, [w.traineeEnrollment]);
    expect(audit).toEqual([{ actor_id: w.trainer.id, data: { passed: true } }]);
    const ruleAudit = await sql(t, `SELECT 1 FROM audit_events WHERE action = 'cohort.completion_rule_changed' AND entity_id = $1`, [w.cohortId]);
    expect(ruleAudit).toHaveLength(1);

    const failed = await put(`/api/enrollments/${w.traineeEnrollment}/final-review`, w.trainer, { passed: false });
    expect(failed.body).toMatchObject({ eligible: false, finalReview: { passed: false, note: '', met: false } });
  });

  it('refuses bad rules and reviews with a clear 4xx', async () => {
    const unknown = await put(`/api/cohorts/${w.cohortId}/completion-rule`, w.trainer, { minAttendancePercent: 50, requiredExercises: ['exercise-9'], finalReview: false }, 'fr');
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'requiredExercises', code: 'unknownExercise', message: expect.stringContaining('exercise-9') })]);
    for (const body of [
      { minAttendancePercent: 101, requiredExercises: 'all', finalReview: false },
      { minAttendancePercent: 50.5, requiredExercises: 'all', finalReview: false },
      { minAttendancePercent: '50', requiredExercises: 'all', finalReview: false },
      { minAttendancePercent: 50, requiredExercises: 'some', finalReview: false },
      { minAttendancePercent: 50, requiredExercises: [1], finalReview: false },
      { minAttendancePercent: 50, requiredExercises: 'all', finalReview: 'yes' },
      { minAttendancePercent: 50, requiredExercises: 'all', finalReview: false, extra: 1 },
    ]) {
      expect((await put(`/api/cohorts/${w.cohortId}/completion-rule`, w.trainer, body)).status).toBe(422);
    }
    for (const body of [{}, { passed: 'true' }, { passed: true, note: 'x'.repeat(2001) }, { passed: true, grade: 'A' }]) {
      expect((await put(`/api/enrollments/${w.traineeEnrollment}/final-review`, w.trainer, body)).status).toBe(422);
    }
    expect((await put(`/api/cohorts/${w.cohortId}/completion-rule`, w.coach, { minAttendancePercent: 0, requiredExercises: 'all', finalReview: false })).status).toBe(404);
    // Nothing changed by the refused requests.
    expect((await get(`/api/cohorts/${w.cohortId}/completion`, w.trainer)).body.rule).toEqual({ minAttendancePercent: 50, requiredExercises: ['exercise-1'], finalReview: true });
  });

  it('costs the same number of SQL queries for 5 and for 50 trainees', async () => {
    const trainer = await registerAccount(t, { nameLatin: 'Lead Bench' });
    const counts: number[] = [];
    for (const size of [5, 50]) {
      const cohortId = await makeCohort(t, { leadTrainer: trainer, capacity: 100 });
      const circleId = await makeCircle(t, cohortId);
      await makeAssignment(t, cohortId, 1, { en: 'One' });
      await sql(
        t,
        `WITH u AS (INSERT INTO users (email, name_latin) SELECT 'cp-' || $2 || '-' || i || '@example.org', 'Trainee ' || i FROM generate_series(1, $2::int) i RETURNING id),
         e AS (INSERT INTO enrollments (cohort_id, user_id, status) SELECT $1, id, 'active' FROM u RETURNING id)
         INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at) SELECT $3, id, '2020-01-01' FROM e`,
        [cohortId, size, circleId],
      );
      await heldSession(t, circleId, 1);
      const before = (await request(t.url).get('/api/bench/query-count')).body.queries as number;
      const res = await get(`/api/cohorts/${cohortId}/completion`, trainer);
      const after = (await request(t.url).get('/api/bench/query-count')).body.queries as number;
      expect(res.body.items).toHaveLength(size);
      expect((res.body.items as Progress[])[0].attendance).toEqual({ held: 1, attended: 0, rate: 0, met: false });
      counts.push(after - before);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(8);
  });
});
