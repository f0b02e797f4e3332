import request from 'supertest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { bootApp, type TestApp } from '../support/app';
import { makeCohort, makeOrganization } from './enrollment-fixtures';
import { adminAccount, bearer, registerAccount, sql, tableCounts, uniqueEmail, type Account } from './fixtures';

let t: TestApp;
let admin: Account;
let trainer: Account;
let coach: Account;
let otherCoach: Account;
let cohortCoach: Account;
let otherTrainer: Account;
let trainee: Account;
let otherTrainee: Account;
let stranger: Account;

/** People who are only data here (no session needed): inserted directly. */
async function people(names: string[]): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    t,
    `INSERT INTO users (email, name_latin, name_arabic) SELECT 'person-' || gen_random_uuid() || '@example.org', n, '' FROM unnest($1::text[]) WITH ORDINALITY AS x(n, i) ORDER BY i RETURNING id`,
    [names]
  );
  return rows.map((r) => r.id);
}

async function enroll(cohortId: string, userId: string, status = 'active', organizationId: string | null = null): Promise<string> {
  const [row] = await sql<{ id: string }>(t, 'INSERT INTO enrollments (cohort_id, user_id, status, sponsoring_organization_id) VALUES ($1, $2, $3, $4) RETURNING id', [
    cohortId,
    userId,
    status,
    organizationId,
  ]);
  return row.id;
}

/** An open cohort led by `trainer`, with `cohortCoach` on its staff as a coach. */
function cohort(options: Parameters<typeof makeCohort>[1] = {}): Promise<string> {
  return makeCohort(t, {
    leadTrainer: trainer,
    coach: cohortCoach,
    ...options,
  });
}

async function createCircle(cohortId: string, body: Record<string, unknown> = {}, by: Account = trainer): Promise<{ id: string } & Record<string, unknown>> {
  const res = await request(t.url)
    .post(`/api/cohorts/${cohortId}/circles`)
    .set('authorization', bearer(by))
    .set('accept-language', 'en')
    .send({ name: { ar: 'حلقة الشروق', en: 'Sunrise circle' }, ...body });
  if (res.status !== 201) throw new Error(`create circle failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

function addMembers(circleId: string, enrollmentIds: string[], by: Account = trainer): request.Test {
  return request(t.url).post(`/api/circles/${circleId}/members`).set('authorization', bearer(by)).set('accept-language', 'en').send({ enrollmentIds });
}

/** A session of the circle, `daysFromNow` away (negative: held), and attendance marks for it. */
async function session(circleId: string, daysFromNow: number, marks: Record<string, string> = {}, status = 'scheduled'): Promise<string> {
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO circle_sessions (circle_id, starts_at, duration_minutes, time_zone, status) VALUES ($1, now() + make_interval(days => $2), 90, 'Asia/Amman', $3) RETURNING id`,
    [circleId, daysFromNow, status]
  );
  for (const [enrollmentId, mark] of Object.entries(marks))
    await sql(t, 'INSERT INTO attendance (session_id, enrollment_id, status) VALUES ($1, $2, $3)', [row.id, enrollmentId, mark]);
  return row.id;
}

/** How many SQL statements the (in-process) api runs while `fn` runs. */
async function queriesDuring(fn: () => Promise<unknown>): Promise<number> {
  const original = PostgresQueryRunner.prototype.query;
  let count = 0;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
    count++;
    return original.apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    PostgresQueryRunner.prototype.query = original;
  }
  return count;
}

beforeAll(async () => {
  t = await bootApp();
  admin = await adminAccount(t);
  [trainer, coach, otherCoach, cohortCoach, otherTrainer, trainee, otherTrainee, stranger] = await Promise.all(
    ['trainer', 'coach', 'other-coach', 'cohort-coach', 'other-trainer', 'trainee', 'other-trainee', 'stranger'].map((label) =>
      registerAccount(t, {
        email: uniqueEmail(label),
        nameLatin: label.replace('-', ' '),
        nameArabic: '',
      })
    )
  );
  // otherTrainer leads a cohort of their own: a trainer, just not of the cohorts below.
  await makeCohort(t, { leadTrainer: otherTrainer });
});
afterAll(async () => {
  await t.close();
});

describe('creating circles and coaches', () => {
  it('lets the lead trainer create a circle with coaches; a coach not on the staff joins it as a coach', async () => {
    const cohortId = await cohort();
    const res = await request(t.url)
      .post(`/api/cohorts/${cohortId}/circles`)
      .set('authorization', bearer(trainer))
      .set('accept-language', 'fr')
      .send({
        name: { ar: 'حلقة البيرة', fr: 'Cercle d’El-Bireh', en: ' ' },
        place: { ar: 'مركز الشباب' },
        coachIds: [cohortCoach.id, coach.id],
      })
      .expect(201);
    expect(res.body).toMatchObject({
      cohortId,
      name: { ar: 'حلقة البيرة', fr: 'Cercle d’El-Bireh' },
      displayName: 'Cercle d’El-Bireh',
      place: { ar: 'مركز الشباب' },
      displayPlace: 'مركز الشباب',
      online: false,
      memberCount: 0,
      members: [],
      pastMembers: [],
      viewerRole: 'lead_trainer',
      attendance: { held: 0, attended: 0, rate: null },
      cohort: {
        id: cohortId,
        displayName: 'Printemps à Amman',
        timeZone: 'Asia/Amman',
      },
    });
    // Coaches named together are listed by name ('coach' before 'cohort coach'), not by the order of the ids.
    expect(res.body.coaches).toEqual([
      {
        userId: coach.id,
        nameLatin: 'coach',
        nameArabic: '',
        email: coach.email,
      },
      {
        userId: cohortCoach.id,
        nameLatin: 'cohort coach',
        nameArabic: '',
        email: cohortCoach.email,
      },
    ]);
    const staff = await sql<{ user_id: string; role: string }>(t, 'SELECT user_id, role FROM cohort_staff WHERE cohort_id = $1 ORDER BY role DESC', [cohortId]);
    expect(staff).toEqual(
      expect.arrayContaining([
        { user_id: coach.id, role: 'coach' },
        { user_id: trainer.id, role: 'lead_trainer' },
      ])
    );
    const audit = await sql<{ action: string }>(t, 'SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY created_at, action', [res.body.id]);
    expect(audit.map((a) => a.action).sort()).toEqual(['circle.coach.added', 'circle.created']);
  });

  it('refuses unknown coaches with a field error and creates nothing', async () => {
    const cohortId = await cohort();
    const before = await tableCounts(t);
    const res = await request(t.url)
      .post(`/api/cohorts/${cohortId}/circles`)
      .set('authorization', bearer(trainer))
      .set('accept-language', 'en')
      .send({
        name: { en: 'Circle' },
        coachIds: ['00000000-0000-4000-8000-000000000000'],
      })
      .expect(422);
    expect(res.body.errors).toEqual([
      {
        field: 'coachIds',
        code: 'coachNotFound',
        message: 'There is no account for one of these coaches.',
      },
    ]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('renames a circle, changes its place, adds and removes a coach (who stays on the cohort’s staff)', async () => {
    const cohortId = await cohort();
    const circle = await createCircle(cohortId);
    const renamed = await request(t.url)
      .patch(`/api/circles/${circle.id}`)
      .set('authorization', bearer(trainer))
      .set('accept-language', 'en')
      .send({ name: { en: 'Evening circle' }, place: {}, online: true })
      .expect(200);
    expect(renamed.body).toMatchObject({
      name: { en: 'Evening circle' },
      displayName: 'Evening circle',
      place: {},
      displayPlace: '',
      online: true,
    });
    const [audit] = await sql<{ data: { fields: string[] } }>(t, "SELECT data FROM audit_events WHERE action = 'circle.updated' AND entity_id = $1", [circle.id]);
    expect(audit.data.fields.sort()).toEqual(['name', 'online']);

    const put = await request(t.url).put(`/api/circles/${circle.id}/coaches/${otherCoach.id}`).set('authorization', bearer(trainer)).expect(200);
    expect((put.body.coaches as { userId: string }[]).map((c) => c.userId)).toEqual([otherCoach.id]);
    await request(t.url).put(`/api/circles/${circle.id}/coaches/${otherCoach.id}`).set('authorization', bearer(trainer)).expect(200);
    await request(t.url).delete(`/api/circles/${circle.id}/coaches/${otherCoach.id}`).set('authorization', bearer(trainer)).expect(204);
    await request(t.url).delete(`/api/circles/${circle.id}/coaches/${otherCoach.id}`).set('authorization', bearer(trainer)).expect(404);
    await request(t.url).put(`/api/circles/${circle.id}/coaches/00000000-0000-4000-8000-000000000000`).set('authorization', bearer(trainer)).expect(404);
    const detail = await request(t.url).get(`/api/circles/${circle.id}`).set('authorization', bearer(trainer)).expect(200);
    expect(detail.body.coaches).toEqual([]);
    expect(await sql(t, 'SELECT role FROM cohort_staff WHERE cohort_id = $1 AND user_id = $2', [cohortId, otherCoach.id])).toEqual([{ role: 'coach' }]);
  });

  it('takes a coach removed from the cohort’s staff off its circles too', async () => {
    const cohortId = await cohort();
    const leaving = await registerAccount(t, { email: uniqueEmail('leaving-coach') });
    const circle = await createCircle(cohortId, { coachIds: [leaving.id] });
    await request(t.url).get(`/api/circles/${circle.id}`).set('authorization', bearer(leaving)).expect(200);
    await request(t.url).delete(`/api/cohorts/${cohortId}/staff/${leaving.id}`).set('authorization', bearer(trainer)).expect(204);
    await request(t.url).get(`/api/circles/${circle.id}`).set('authorization', bearer(leaving)).expect(404);
    expect((await request(t.url).get(`/api/circles/${circle.id}`).set('authorization', bearer(trainer)).expect(200)).body.coaches).toEqual([]);
    expect((await request(t.url).get('/api/me/circles').set('authorization', bearer(leaving)).expect(200)).body.coaching).toEqual([]);
  });
});

describe('the circle board and membership', () => {
  it('lists circles with coaches and members (name, organization, city), and the active trainees without a circle', async () => {
    const cohortId = await cohort();
    const org = await makeOrganization(t, { ar: 'شبكة الشباب', en: 'Youth Network' }, { ar: 'نابلس', en: 'Nablus' });
    const [amal, basma, carim, dina] = await people(['Amal', 'Basma', 'Carim', 'Dina']);
    const eAmal = await enroll(cohortId, amal, 'active', org);
    const eBasma = await enroll(cohortId, basma);
    await enroll(cohortId, carim, 'waitlisted');
    const eDina = await enroll(cohortId, dina);
    const circle = await createCircle(cohortId, { coachIds: [coach.id] });
    await addMembers(circle.id, [eBasma, eAmal]).expect(200);

    const res = await request(t.url).get(`/api/cohorts/${cohortId}/circles`).set('authorization', bearer(trainer)).set('accept-language', 'en').expect(200);
    expect(res.body.cohort).toMatchObject({
      id: cohortId,
      displayName: 'Amman spring',
    });
    expect(res.body.circles).toHaveLength(1);
    expect(res.body.circles[0]).toMatchObject({
      id: circle.id,
      displayName: 'Sunrise circle',
      memberCount: 2,
      coaches: [{ userId: coach.id, email: coach.email }],
    });
    expect(res.body.circles[0].members).toEqual([
      {
        enrollmentId: eAmal,
        userId: amal,
        nameLatin: 'Amal',
        nameArabic: '',
        email: expect.stringMatching(/@example\.org$/),
        organization: { id: org, displayName: 'Youth Network' },
        displayCity: 'Nablus',
        joinedAt: expect.any(String),
        attendance: null,
      },
      expect.objectContaining({
        enrollmentId: eBasma,
        nameLatin: 'Basma',
        organization: null,
        displayCity: '',
      }),
    ]);
    // Carim waits on the waitlist: not a trainee yet, so not on the board.
    expect(res.body.unassigned).toEqual([
      expect.objectContaining({
        enrollmentId: eDina,
        nameLatin: 'Dina',
        joinedAt: null,
      }),
    ]);
    // The cohort's coach (who coaches no circle) does not manage circles.
    await request(t.url).get(`/api/cohorts/${cohortId}/circles`).set('authorization', bearer(cohortCoach)).expect(404);
    await request(t.url).get(`/api/cohorts/${cohortId}/circles`).set('authorization', bearer(admin)).expect(200);
  });

  it('moves a trainee between circles: the old stay is closed, past attendance keeps pointing at the old circle, which lists them as a past member', async () => {
    const cohortId = await cohort();
    const [layla, omar] = await people(['Layla', 'Omar']);
    const eLayla = await enroll(cohortId, layla);
    const eOmar = await enroll(cohortId, omar);
    const north = await createCircle(cohortId, {
      name: { en: 'North' },
      coachIds: [coach.id],
    });
    const south = await createCircle(cohortId, { name: { en: 'South' } });
    await addMembers(north.id, [eLayla, eOmar]).expect(200);
    const held = await session(north.id, -7, {
      [eLayla]: 'present',
      [eOmar]: 'absent',
    });
    await session(north.id, -3, { [eLayla]: 'late' }, 'cancelled');

    const moved = await addMembers(south.id, [eLayla]).expect(200);
    expect((moved.body.members as { enrollmentId: string }[]).map((m) => m.enrollmentId)).toEqual([eLayla]);
    expect(moved.body.members[0].attendance).toEqual({
      held: 0,
      attended: 0,
      rate: null,
    });

    const stays = await sql<{
      circle_id: string;
      left_at: Date | null;
      joined_at: Date;
    }>(t, 'SELECT circle_id, joined_at, left_at FROM circle_memberships WHERE enrollment_id = $1 ORDER BY joined_at, left_at NULLS LAST', [eLayla]);
    expect(stays).toEqual([
      {
        circle_id: north.id,
        joined_at: expect.any(Date),
        left_at: expect.any(Date),
      },
      { circle_id: south.id, joined_at: expect.any(Date), left_at: null },
    ]);
    expect(stays[1].joined_at.getTime()).toBe(stays[0].left_at!.getTime());
    expect(
      await sql(t, 'SELECT a.status, s.circle_id FROM attendance a JOIN circle_sessions s ON s.id = a.session_id WHERE a.enrollment_id = $1 AND s.id = $2', [eLayla, held])
    ).toEqual([{ status: 'present', circle_id: north.id }]);

    const old = await request(t.url).get(`/api/circles/${north.id}`).set('authorization', bearer(coach)).set('accept-language', 'en').expect(200);
    expect((old.body.members as { nameLatin: string }[]).map((m) => m.nameLatin)).toEqual(['Omar']);
    expect(old.body.members[0].attendance).toEqual({
      held: 1,
      attended: 0,
      rate: 0,
    });
    expect(old.body.pastMembers).toEqual([
      {
        enrollmentId: eLayla,
        userId: layla,
        nameLatin: 'Layla',
        nameArabic: '',
        joinedAt: stays[0].joined_at.toISOString(),
        leftAt: stays[0].left_at!.toISOString(),
        currentCircle: { id: south.id, displayName: 'South' },
        attendance: { held: 1, attended: 1, rate: 1 },
      },
    ]);
    expect(old.body.attendance).toEqual({ held: 2, attended: 1, rate: 0.5 });
    const [audit] = await sql<{ data: unknown }>(t, "SELECT data FROM audit_events WHERE action = 'circle.members.added' AND entity_id = $1", [south.id]);
    expect(audit.data).toEqual({
      added: [],
      moved: [{ enrollmentId: eLayla, fromCircleId: north.id }],
    });
  });

  it('takes only active trainees of the circle’s own cohort (409), and writes nothing then', async () => {
    const cohortId = await cohort();
    const elsewhere = await cohort();
    const [a, b, c] = await people(['A', 'B', 'C']);
    const active = await enroll(cohortId, a);
    const waitlisted = await enroll(cohortId, b, 'waitlisted');
    const otherCohort = await enroll(elsewhere, c);
    const circle = await createCircle(cohortId);
    const before = await tableCounts(t);
    for (const ids of [[active, waitlisted], [otherCohort], ['00000000-0000-4000-8000-000000000000']]) {
      const res = await addMembers(circle.id, ids).expect(409);
      expect(res.body).toMatchObject({
        code: 'circle.enrollment_not_active',
        title: 'Not an active trainee of this cohort',
      });
    }
    expect(await tableCounts(t)).toEqual(before);
    // Adding someone who is already there changes nothing.
    await addMembers(circle.id, [active]).expect(200);
    const again = await addMembers(circle.id, [active]).expect(200);
    expect(again.body.memberCount).toBe(1);
    expect(await sql(t, 'SELECT count(*)::int AS n FROM circle_memberships WHERE enrollment_id = $1', [active])).toEqual([{ n: 1 }]);
  });

  it('removing a member, and withdrawing from the cohort, end the stay and keep it as history', async () => {
    const cohortId = await cohort();
    const [a] = await people(['Rania']);
    const removed = await enroll(cohortId, a);
    const circle = await createCircle(cohortId);
    await addMembers(circle.id, [removed, removed]).expect(422); // the same id twice
    await addMembers(circle.id, [removed]).expect(200);
    await request(t.url).delete(`/api/circles/${circle.id}/members/${removed}`).set('authorization', bearer(trainer)).expect(204);
    await request(t.url).delete(`/api/circles/${circle.id}/members/${removed}`).set('authorization', bearer(trainer)).expect(404);
    const detail = await request(t.url).get(`/api/circles/${circle.id}`).set('authorization', bearer(trainer)).expect(200);
    expect(detail.body.members).toEqual([]);
    expect(detail.body.pastMembers).toEqual([expect.objectContaining({ enrollmentId: removed, currentCircle: null })]);

    const withdrawing = await enroll(cohortId, trainee.id);
    await addMembers(circle.id, [withdrawing]).expect(200);
    await request(t.url).patch(`/api/me/enrollments/${withdrawing}`).set('authorization', bearer(trainee)).send({ status: 'withdrawn' }).expect(200);
    expect(await sql(t, 'SELECT left_at IS NOT NULL AS closed FROM circle_memberships WHERE enrollment_id = $1', [withdrawing])).toEqual([{ closed: true }]);
    await request(t.url).get(`/api/circles/${circle.id}`).set('authorization', bearer(trainee)).expect(404);
  });

  it('deletes a circle without attendance, refuses one with attendance (409)', async () => {
    const cohortId = await cohort();
    const [a] = await people(['Sami']);
    const e = await enroll(cohortId, a);
    const empty = await createCircle(cohortId);
    await session(empty.id, 3);
    await request(t.url).delete(`/api/circles/${empty.id}`).set('authorization', bearer(trainer)).expect(204);
    expect(await sql(t, 'SELECT id FROM learning_circles WHERE id = $1', [empty.id])).toEqual([]);
    expect(await sql(t, "SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'circle.deleted'", [empty.id])).toHaveLength(1);

    const kept = await createCircle(cohortId);
    await addMembers(kept.id, [e]).expect(200);
    await session(kept.id, -2, { [e]: 'excused' });
    const res = await request(t.url).delete(`/api/circles/${kept.id}`).set('authorization', bearer(trainer)).set('accept-language', 'ar').expect(409);
    expect(res.body).toMatchObject({
      code: 'circle.has_attendance',
      title: 'سُجّل الحضور في هذه الحلقة',
    });
    expect(await sql(t, 'SELECT id FROM learning_circles WHERE id = $1', [kept.id])).toHaveLength(1);
  });
});

describe('auto-assign', () => {
  it('fills circles up to N with every active trainee without one: balanced, organizations spread, existing members untouched', async () => {
    const cohortId = await cohort();
    const orgA = await makeOrganization(t, { en: 'Org A' });
    const orgB = await makeOrganization(t, { en: 'Org B' });
    const names = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'N1'];
    const ids = await people(names);
    const enrollments: Record<string, string> = {};
    for (const [i, name] of names.entries()) enrollments[name] = await enroll(cohortId, ids[i], 'active', name.startsWith('A') ? orgA : name.startsWith('B') ? orgB : null);
    const [w] = await people(['Waiting']);
    await enroll(cohortId, w, 'waitlisted');
    const [s] = await people(['Settled']);
    const settled = await enroll(cohortId, s, 'active', orgA);
    const first = await createCircle(cohortId, { name: { en: 'First' } });
    await addMembers(first.id, [settled]).expect(200);

    const res = await request(t.url)
      .post(`/api/cohorts/${cohortId}/circles/auto-assign`)
      .set('authorization', bearer(trainer))
      .set('accept-language', 'en')
      .send({ circles: 3, spreadBy: 'organization' })
      .expect(200);
    expect(res.body).toMatchObject({ assigned: 7, created: 2, unassigned: [] });
    const circles = res.body.circles as {
      id: string;
      displayName: string;
      name: Record<string, string>;
      members: { enrollmentId: string; nameLatin: string }[];
    }[];
    expect(circles.map((c) => c.displayName)).toEqual(['First', 'Circle 2', 'Circle 3']);
    expect(circles[1].name).toEqual({
      ar: 'الحلقة 2',
      en: 'Circle 2',
      fr: 'Cercle 2',
    });
    expect(circles.map((c) => c.members.length).sort()).toEqual([2, 3, 3]);
    expect(circles[0].members.map((m) => m.enrollmentId)).toContain(settled);
    // Five people of Org A over three circles: no circle has more than two of them.
    for (const c of circles) expect(c.members.filter((m) => m.nameLatin.startsWith('A') || m.enrollmentId === settled).length).toBeLessThanOrEqual(2);
    for (const c of circles) expect(c.members.filter((m) => m.nameLatin.startsWith('B')).length).toBeLessThanOrEqual(1);
    const [audit] = await sql<{ data: { assigned: Record<string, string> } }>(t, "SELECT data FROM audit_events WHERE action = 'circle.auto_assigned' AND entity_id = $1", [
      cohortId,
    ]);
    expect(Object.keys(audit.data.assigned).sort()).toEqual(Object.values(enrollments).sort());

    // Nobody left to place: a second run changes nothing.
    const before = await sql(t, 'SELECT id, circle_id, enrollment_id, left_at FROM circle_memberships ORDER BY id');
    const again = await request(t.url).post(`/api/cohorts/${cohortId}/circles/auto-assign`).set('authorization', bearer(trainer)).send({ circles: 3 }).expect(200);
    expect(again.body).toMatchObject({ assigned: 0, created: 0 });
    expect(await sql(t, 'SELECT id, circle_id, enrollment_id, left_at FROM circle_memberships ORDER BY id')).toEqual(before);
  });

  it('gives the same circles to the same people every time (deterministic), spreading by city', async () => {
    const layout = async (): Promise<string[][]> => {
      const cohortId = await cohort();
      const nablus = await makeOrganization(t, { en: 'N1' }, { en: 'Nablus' });
      const nablus2 = await makeOrganization(t, { en: 'N2' }, { en: 'nablus ' });
      const jenin = await makeOrganization(t, { en: 'J' }, { en: 'Jenin' });
      const names = ['Hala', 'Ziad', 'Muna', 'Fadi', 'Reem', 'Tariq'];
      const ids = await people(names);
      for (const [i] of names.entries()) await enroll(cohortId, ids[i], 'active', [nablus, nablus2, jenin][i % 3]);
      const res = await request(t.url)
        .post(`/api/cohorts/${cohortId}/circles/auto-assign`)
        .set('authorization', bearer(trainer))
        .send({ circles: 2, spreadBy: 'city', namePrefix: 'Group' })
        .expect(200);
      const circles = res.body.circles as {
        displayName: string;
        members: { nameLatin: string }[];
      }[];
      expect(circles.map((c) => c.displayName)).toEqual(['Group 1', 'Group 2']);
      return circles.map((c) => c.members.map((m) => m.nameLatin));
    };
    const first = await layout();
    expect(await layout()).toEqual(first);
    expect(first.map((m) => m.length)).toEqual([3, 3]);
  });
});

describe('who sees what', () => {
  it('gives a member the trainee view (names only), and 404 to everyone outside the circle', async () => {
    const cohortId = await cohort();
    const [x] = await people(['Yara']);
    const eTrainee = await enroll(cohortId, trainee.id);
    const eYara = await enroll(cohortId, x);
    const eOther = await enroll(cohortId, otherTrainee.id);
    const circle = await createCircle(cohortId, { coachIds: [coach.id] });
    const other = await createCircle(cohortId, {
      name: { en: 'Other' },
      coachIds: [otherCoach.id],
    });
    await addMembers(circle.id, [eTrainee, eYara]).expect(200);
    await addMembers(other.id, [eOther]).expect(200);
    await session(circle.id, -1, { [eYara]: 'absent' });

    const view = await request(t.url).get(`/api/circles/${circle.id}`).set('authorization', bearer(trainee)).set('accept-language', 'en').expect(200);
    expect(view.body).toMatchObject({
      viewerRole: 'member',
      pastMembers: [],
      attendance: null,
      coaches: [{ userId: coach.id, nameLatin: 'coach', email: null }],
    });
    expect(view.body.members).toEqual([
      expect.objectContaining({
        nameLatin: 'trainee',
        email: null,
        organization: null,
        attendance: null,
      }),
      expect.objectContaining({
        nameLatin: 'Yara',
        email: null,
        organization: null,
        attendance: null,
      }),
    ]);
    expect(JSON.stringify(view.body)).not.toContain('@');

    const coachView = await request(t.url).get(`/api/circles/${circle.id}`).set('authorization', bearer(coach)).expect(200);
    expect(coachView.body.viewerRole).toBe('coach');
    expect(
      (
        coachView.body.members as {
          enrollmentId: string;
          attendance: unknown;
        }[]
      ).find((m) => m.enrollmentId === eYara)?.attendance
    ).toEqual({ held: 1, attended: 0, rate: 0 });
    // A coach sees their circle but does not manage it.
    await request(t.url)
      .patch(`/api/circles/${circle.id}`)
      .set('authorization', bearer(coach))
      .send({ name: { en: 'Mine' } })
      .expect(404);

    const outsiders: [string, Account][] = [
      ['a coach of another circle', otherCoach],
      ['a cohort coach without this circle', cohortCoach],
      ['a trainee of another circle', otherTrainee],
      ['a lead trainer of another cohort', otherTrainer],
      ['a stranger', stranger],
    ];
    const before = await tableCounts(t);
    for (const [who, account] of outsiders) {
      const as = (r: request.Test) => r.set('authorization', bearer(account)).set('accept-language', 'en');
      const answers = [
        await as(request(t.url).get(`/api/circles/${circle.id}`)),
        await as(request(t.url).patch(`/api/circles/${circle.id}`)).send({
          name: { en: 'Taken' },
        }),
        await as(request(t.url).delete(`/api/circles/${circle.id}`)),
        await as(request(t.url).post(`/api/circles/${circle.id}/members`)).send({ enrollmentIds: [eOther] }),
        await as(request(t.url).delete(`/api/circles/${circle.id}/members/${eYara}`)),
        await as(request(t.url).put(`/api/circles/${circle.id}/coaches/${account.id}`)),
        await as(request(t.url).delete(`/api/circles/${circle.id}/coaches/${coach.id}`)),
        await as(request(t.url).get(`/api/cohorts/${cohortId}/circles`)),
        await as(request(t.url).post(`/api/cohorts/${cohortId}/circles`)).send({
          name: { en: 'Mine' },
        }),
        await as(request(t.url).post(`/api/cohorts/${cohortId}/circles/auto-assign`)).send({ circles: 2 }),
      ];
      expect({ who, statuses: answers.map((a) => a.status) }).toEqual({
        who,
        statuses: answers.map(() => 404),
      });
      expect(answers[0].body).toMatchObject({
        code: 'not_found',
        title: 'Not found',
      });
    }
    expect(await tableCounts(t)).toEqual(before);
    await request(t.url).get('/api/circles/not-a-uuid').set('authorization', bearer(trainer)).expect(404);
    await request(t.url).get(`/api/circles/${circle.id}`).expect(401);
  });

  it('lists the caller’s circles: those they coach with next session and size, the one they are in (trainee view); /api/me says which', async () => {
    const cohortId = await cohort({ name: { en: 'My circles cohort' } });
    const leader = await registerAccount(t, {
      email: uniqueEmail('lead-coach'),
    });
    const member = await registerAccount(t, {
      email: uniqueEmail('member'),
      nameLatin: 'Member',
      nameArabic: '',
    });
    const [x, y] = await people(['Huda', 'Nour']);
    const eMember = await enroll(cohortId, member.id);
    const circle = await createCircle(cohortId, {
      name: { en: 'Thursday circle' },
      coachIds: [leader.id],
    });
    await addMembers(circle.id, [eMember, await enroll(cohortId, x), await enroll(cohortId, y)]).expect(200);
    await session(circle.id, -7);
    const next = await session(circle.id, 2);
    await session(circle.id, 1, {}, 'cancelled');
    await session(circle.id, 9);

    const mine = await request(t.url).get('/api/me/circles').set('authorization', bearer(leader)).set('accept-language', 'en').expect(200);
    expect(mine.body.member).toEqual([]);
    expect(mine.body.coaching).toEqual([
      expect.objectContaining({
        id: circle.id,
        displayName: 'Thursday circle',
        memberCount: 3,
        cohort: expect.objectContaining({
          id: cohortId,
          displayName: 'My circles cohort',
        }),
      }),
    ]);
    expect(mine.body.coaching[0].nextSession).toEqual({
      id: next,
      startsAt: expect.any(String),
      timeZone: 'Asia/Amman',
      durationMinutes: 90,
    });

    const theirs = await request(t.url).get('/api/me/circles').set('authorization', bearer(member)).set('accept-language', 'en').expect(200);
    expect(theirs.body.coaching).toEqual([]);
    expect(theirs.body.member).toEqual([
      expect.objectContaining({
        id: circle.id,
        viewerRole: 'member',
        memberCount: 3,
        nextSession: expect.objectContaining({ id: next }),
      }),
    ]);
    expect(JSON.stringify(theirs.body)).not.toContain('@');

    expect((await request(t.url).get('/api/me').set('authorization', bearer(leader)).expect(200)).body.circleRoles).toEqual([{ circleId: circle.id, role: 'coach' }]);
    expect((await request(t.url).get('/api/me').set('authorization', bearer(member)).expect(200)).body.circleRoles).toEqual([{ circleId: circle.id, role: 'member' }]);
    expect((await request(t.url).get('/api/me/circles').set('authorization', bearer(stranger)).expect(200)).body).toEqual({ coaching: [], member: [] });
  });
});

describe('query counts', () => {
  it('reads the board and a circle with a bounded number of queries, whatever the number of circles and members', async () => {
    const measure = async (circles: number, perCircle: number): Promise<{ board: number; detail: number; mine: number }> => {
      const cohortId = await cohort();
      const ids = await people(Array.from({ length: circles * perCircle + 2 }, (_, i) => `P${i}`));
      const enrollments: string[] = [];
      for (const id of ids) enrollments.push(await enroll(cohortId, id));
      let firstId = '';
      for (let c = 0; c < circles; c += 1) {
        const circle = await createCircle(cohortId, {
          coachIds: [coach.id, otherCoach.id],
        });
        firstId ||= circle.id;
        await addMembers(circle.id, enrollments.slice(c * perCircle, (c + 1) * perCircle)).expect(200);
        await session(circle.id, -1, Object.fromEntries(enrollments.slice(c * perCircle, (c + 1) * perCircle).map((e) => [e, 'present'])));
        await session(circle.id, 5);
      }
      return {
        board: await queriesDuring(() => request(t.url).get(`/api/cohorts/${cohortId}/circles`).set('authorization', bearer(trainer)).expect(200)),
        detail: await queriesDuring(() => request(t.url).get(`/api/circles/${firstId}`).set('authorization', bearer(trainer)).expect(200)),
        mine: await queriesDuring(() => request(t.url).get('/api/me/circles').set('authorization', bearer(coach)).expect(200)),
      };
    };
    const small = await measure(1, 2);
    const large = await measure(4, 6);
    expect(large).toEqual(small);
    expect(small.board).toBeLessThanOrEqual(10);
    expect(small.detail).toBeLessThanOrEqual(10);
  });
});
