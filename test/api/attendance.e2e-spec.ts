import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { bearer, registerAccount, sql, type Account } from './fixtures';
import { circleWorld, putInCircle, schedule, type CircleWorld } from './session-fixtures';

let t: TestApp;
let w: CircleWorld;

beforeAll(async () => {
  t = await bootApp();
  w = await circleWorld(t, { timeZone: 'Asia/Hebron' });
});

afterAll(async () => {
  await t.close();
});

const get = (path: string, who: Account, lang = 'en') => request(t.url).get(path).set('authorization', bearer(who)).set('accept-language', lang);
const put = (path: string, who: Account, body: unknown, lang = 'en') => request(t.url).put(path).set('authorization', bearer(who)).set('accept-language', lang).send(body as object);

interface Row {
  enrollmentId: string;
  nameLatin: string;
  currentMember: boolean;
  status: string | null;
}
const rowsOf = (res: request.Response) => (res.body as { items: Row[] }).items;

/** A past session of the circle, held `daysAgo` days ago at 18:00 Hebron time. */
async function pastSession(daysAgo: number): Promise<{ id: string; startsAt: string }> {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Hebron' }).format(new Date(Date.now() - daysAgo * 86_400_000));
  const { items } = await schedule(t, w.coach, w.circleId, { date, time: '18:00', durationMinutes: 90 });
  return items[0];
}

describe('taking attendance', () => {
  let session: { id: string; startsAt: string };
  let joinedLater: Account;
  let leftBefore: Account;
  let leftAfter: Account;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    session = await pastSession(10);
    const startsAt = new Date(session.startsAt).getTime();
    joinedLater = await registerAccount(t, { nameLatin: 'Jamil Joinedlater' });
    leftBefore = await registerAccount(t, { nameLatin: 'Layal Leftbefore' });
    leftAfter = await registerAccount(t, { nameLatin: 'Adam Leftafter' });
    ids.joinedLater = await putInCircle(t, w.cohortId, w.circleId, joinedLater, new Date(startsAt + 86_400_000));
    ids.leftBefore = await putInCircle(t, w.cohortId, w.circleId, leftBefore);
    ids.leftAfter = await putInCircle(t, w.cohortId, w.circleId, leftAfter);
    await sql(t, 'UPDATE circle_memberships SET left_at = $2 WHERE enrollment_id = $1', [ids.leftBefore, new Date(startsAt - 86_400_000)]);
    await sql(t, 'UPDATE circle_memberships SET left_at = $2 WHERE enrollment_id = $1', [ids.leftAfter, new Date(startsAt + 3_600_000)]);
  });

  it('the roster lists members at the session’s start or now — not someone who had already left — unmarked at first', async () => {
    const res = await get(`/api/sessions/${session.id}/attendance`, w.coach);
    expect(res.status).toBe(200);
    expect(rowsOf(res).map((r) => [r.nameLatin, r.currentMember, r.status])).toEqual([
      ['Adam Leftafter', false, null],
      ['Jamil Joinedlater', true, null],
      ['Salma Trainee', true, null],
    ]);
  });

  it('the coach marks present, late and absent; the marks come back, are changed by a second PUT, and are audited', async () => {
    const res = await put(`/api/sessions/${session.id}/attendance`, w.coach, {
      marks: [
        { enrollmentId: w.traineeEnrollment, status: 'present' },
        { enrollmentId: ids.leftAfter, status: 'late' },
        { enrollmentId: ids.joinedLater, status: 'absent' },
      ],
    });
    expect(res.status).toBe(200);
    expect(rowsOf(res).map((r) => [r.nameLatin, r.status])).toEqual([
      ['Adam Leftafter', 'late'],
      ['Jamil Joinedlater', 'absent'],
      ['Salma Trainee', 'present'],
    ]);
    // The lead trainer corrects one.
    const fix = await put(`/api/sessions/${session.id}/attendance`, w.trainer, { marks: [{ enrollmentId: ids.joinedLater, status: 'excused' }] });
    expect(rowsOf(fix).find((r) => r.enrollmentId === ids.joinedLater)!.status).toBe('excused');
    const audit = await sql<{ actor_id: string; data: { changes: { enrollmentId: string; from: string | null; to: string }[] } }>(
      t,
      `SELECT actor_id, data FROM audit_events WHERE action = 'attendance.marked' AND entity_id = $1 ORDER BY created_at`,
      [session.id],
    );
    expect(audit.map((a) => a.actor_id)).toEqual([w.coach.id, w.trainer.id]);
    expect(audit[1].data.changes).toEqual([{ enrollmentId: ids.joinedLater, from: 'absent', to: 'excused' }]);
    const [{ n }] = await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM attendance WHERE session_id = $1', [session.id]);
    expect(Number(n)).toBe(3);
  });

  it('refuses someone who had left before the session, people of other circles, unknown statuses and duplicates — naming the row', async () => {
    const [other] = await sql<{ id: string }>(t, 'SELECT e.id FROM enrollments e WHERE e.user_id = $1', [w.otherTrainee.id]);
    const res = await put(
      `/api/sessions/${session.id}/attendance`,
      w.coach,
      {
        marks: [
          { enrollmentId: w.traineeEnrollment, status: 'absent' },
          { enrollmentId: ids.leftBefore, status: 'present' },
          { enrollmentId: other.id, status: 'present' },
        ],
      },
      'fr',
    );
    expect(res.status).toBe(422);
    expect((res.body as { errors: { field: string; code: string; message: string }[] }).errors).toEqual([
      { field: 'marks.1.enrollmentId', code: 'notCircleMember', message: 'Cette personne n’était pas membre du cercle lors de cette séance et ne l’est pas maintenant.' },
      { field: 'marks.2.enrollmentId', code: 'notCircleMember', message: expect.any(String) },
    ]);
    // Nothing of that request was saved, not even the valid first row.
    expect(rowsOf(await get(`/api/sessions/${session.id}/attendance`, w.coach)).find((r) => r.enrollmentId === w.traineeEnrollment)!.status).toBe('present');
    for (const body of [
      { marks: [{ enrollmentId: w.traineeEnrollment, status: 'here' }] },
      { marks: [] },
      { marks: [{ enrollmentId: 'x', status: 'present' }] },
      { marks: [{ enrollmentId: w.traineeEnrollment, status: 'present', note: 'x' }] },
      { marks: Array.from({ length: 201 }, () => ({ enrollmentId: w.traineeEnrollment, status: 'present' })) },
    ]) {
      expect((await put(`/api/sessions/${session.id}/attendance`, w.coach, body)).status).toBe(422);
    }
    const dup = await put(`/api/sessions/${session.id}/attendance`, w.coach, { marks: [{ enrollmentId: w.traineeEnrollment, status: 'late' }, { enrollmentId: w.traineeEnrollment, status: 'late' }] });
    expect(dup.body).toMatchObject({ status: 422, errors: [{ field: 'marks.1.enrollmentId', code: 'arrayUnique' }] });
  });

  it('is out of reach for trainees, other circles’ coaches, cohort coaches without a circle and strangers (404); a cancelled session is 409', async () => {
    for (const who of [w.trainee, w.otherCoach, w.cohortCoach, w.stranger, w.otherTrainee]) {
      expect((await get(`/api/sessions/${session.id}/attendance`, who)).status).toBe(404);
      expect((await put(`/api/sessions/${session.id}/attendance`, who, { marks: [{ enrollmentId: w.traineeEnrollment, status: 'absent' }] })).status).toBe(404);
    }
    const cancelled = await pastSession(3);
    await request(t.url).post(`/api/sessions/${cancelled.id}/cancel`).set('authorization', bearer(w.coach)).send({ reason: 'Checkpoint closed' });
    const res = await put(`/api/sessions/${cancelled.id}/attendance`, w.coach, { marks: [{ enrollmentId: w.traineeEnrollment, status: 'present' }] }, 'ar');
    expect([res.status, res.body.code, res.body.title]).toEqual([409, 'session.cancelled', 'هذا اللقاء ملغى']);
  });

  it('rates: attended = present + late over sessions held while a member, per person and per circle; the trainee sees only their own record', async () => {
    const second = await pastSession(5);
    await put(`/api/sessions/${second.id}/attendance`, w.coach, { marks: [{ enrollmentId: w.traineeEnrollment, status: 'absent' }, { enrollmentId: ids.joinedLater, status: 'present' }] });
    // A future session counts for nobody yet.
    await schedule(t, w.coach, w.circleId, { date: '2030-01-01', time: '18:00', durationMinutes: 60 });

    const circle = await get(`/api/circles/${w.circleId}`, w.coach);
    expect(circle.status).toBe(200);
    const body = circle.body as { attendance: unknown; members: { enrollmentId: string; attendance: unknown }[]; pastMembers: { enrollmentId: string; attendance: unknown }[] };
    const rate = (id: string) => [...body.members, ...body.pastMembers].find((m) => m.enrollmentId === id)?.attendance;
    // Salma: present, absent (the cancelled session is not held) → 1 of 2.
    expect(rate(w.traineeEnrollment)).toEqual({ held: 2, attended: 1, rate: 0.5 });
    // Jamil joined after the first session but was marked excused there; present at the second → 1 of 2.
    expect(rate(ids.joinedLater)).toEqual({ held: 2, attended: 1, rate: 0.5 });
    // Adam was there at the first (late) and left before the second → 1 of 1.
    expect(rate(ids.leftAfter)).toEqual({ held: 1, attended: 1, rate: 1 });
    expect(body.attendance).toEqual({ held: 5, attended: 3, rate: 0.6 });

    const mine = await get('/api/me/attendance', w.trainee);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ held: 2, attended: 1, rate: 0.5 });
    const items = (mine.body as { items: { sessionId: string; status: string | null; localStart: string; timeZone: string; circle: { displayName: string } }[] }).items;
    expect(items.map((i) => [i.sessionId, i.status])).toEqual([
      [second.id, 'absent'],
      [session.id, 'present'],
    ]);
    expect(items[0]).toMatchObject({ timeZone: 'Asia/Hebron', circle: { displayName: 'Weibdeh circle' } });
    expect(items[0].localStart).toMatch(/T18:00$/);
    // Filtered by cohort: another cohort gives nothing; someone with no circle has an empty record.
    expect((await get(`/api/me/attendance?cohortId=00000000-0000-4000-8000-000000000000`, w.trainee)).body).toEqual({ items: [], held: 0, attended: 0, rate: null });
    expect((await get('/api/me/attendance', w.stranger)).body).toEqual({ items: [], held: 0, attended: 0, rate: null });
    expect((await get('/api/me/attendance?cohortId=nope', w.trainee)).status).toBe(422);
  });
});
