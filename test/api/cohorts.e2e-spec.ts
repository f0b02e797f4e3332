import { createHash } from 'node:crypto';
import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { courseContent, insertCourse, type InsertedCourse } from './course-fixtures';
import { adminAccount, bearer, registerAccount, sql, uniqueEmail, type Account } from './fixtures';

let t: TestApp;
let admin: Account;
let trainer: Account;
let coach: Account;
let otherTrainer: Account;
let trainee: Account;
let stranger: Account;
let course: InsertedCourse;

/** A cohort body an admin or trainer would send; override any field. */
function cohortBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    courseSlug: course.slug,
    name: { ar: 'دفعة عمّان', en: 'Amman cohort' },
    startsOn: '2030-03-01',
    endsOn: '2030-05-31',
    timeZone: 'Asia/Amman',
    online: false,
    city: { ar: 'عمّان', en: 'Amman' },
    capacity: 20,
    enrollmentMode: 'open',
    ...overrides,
  };
}

async function createCohort(by: Account, overrides: Record<string, unknown> = {}): Promise<{ id: string } & Record<string, unknown>> {
  const res = await request(t.url).post('/api/cohorts').set('authorization', bearer(by)).send(cohortBody(overrides));
  if (res.status !== 201) throw new Error(`create cohort failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

function setStatus(cohortId: string, status: string, by: Account = admin): request.Test {
  return request(t.url).post(`/api/cohorts/${cohortId}/status`).set('authorization', bearer(by)).set('accept-language', 'en').send({ status });
}

/** An open cohort whose lead trainer is `trainer` and coach is `coach`. */
async function staffedCohort(overrides: Record<string, unknown> = {}): Promise<string> {
  const { id } = await createCohort(admin, { leadTrainerEmail: trainer.email, ...overrides });
  await sql(t, "INSERT INTO cohort_staff (cohort_id, user_id, role) VALUES ($1, $2, 'coach')", [id, coach.id]);
  return id;
}

/** People who are only data here (no session needed): inserted directly, many at once. */
async function people(n: number): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    t,
    `INSERT INTO users (email, name_latin) SELECT 'person-' || gen_random_uuid() || '@example.org', 'Person ' || i FROM generate_series(1, $1) i RETURNING id`,
    [n],
  );
  return rows.map((r) => r.id);
}

async function enroll(cohortId: string, userIds: string[], status: string, extra: { organizationId?: string; waitlistedAt?: (i: number) => string } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, userId] of userIds.entries()) {
    const [row] = await sql<{ id: string }>(
      t,
      'INSERT INTO enrollments (cohort_id, user_id, status, sponsoring_organization_id, waitlisted_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [cohortId, userId, status, extra.organizationId ?? null, extra.waitlistedAt ? extra.waitlistedAt(i) : status === 'waitlisted' ? new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString() : null],
    );
    ids.push(row.id);
  }
  return ids;
}

async function organization(name: string): Promise<string> {
  const res = await request(t.url).post('/api/organizations').set('authorization', bearer(admin)).send({ name: { en: name, ar: name }, kind: 'cso', country: 'IQ', city: { en: 'Najaf' } }).expect(201);
  return res.body.id as string;
}

beforeAll(async () => {
  t = await bootApp();
  admin = await adminAccount(t);
  [trainer, coach, otherTrainer, trainee, stranger] = await Promise.all([
    registerAccount(t, { email: uniqueEmail('trainer') }),
    registerAccount(t, { email: uniqueEmail('coach') }),
    registerAccount(t, { email: uniqueEmail('other-trainer') }),
    registerAccount(t, { email: uniqueEmail('trainee') }),
    registerAccount(t, { email: uniqueEmail('stranger') }),
  ]);
  course = await insertCourse(t, courseContent({ slug: 'public-narrative' }));
  // otherTrainer leads a cohort of their own, so they are a trainer — just not of the cohorts below.
  await createCohort(admin, { leadTrainerEmail: otherTrainer.email, name: { en: 'Other cohort' } });
});
afterAll(async () => {
  await t.close();
});

describe('creating cohorts', () => {
  it('lets an admin create a draft that pins the course’s current version, with a named lead trainer', async () => {
    const res = await request(t.url)
      .post('/api/cohorts')
      .set('authorization', bearer(admin))
      .set('accept-language', 'en')
      .send(
        cohortBody({
          leadTrainerEmail: `  ${trainer.email.toUpperCase()} `,
          timeZone: 'asia/amman',
          enrollmentMode: 'application',
          applicationQuestions: [
            { key: 'motivation', label: { ar: 'لماذا تريد الانضمام؟', en: 'Why do you want to join?' }, required: true },
            { key: 'organization-role', label: { fr: 'Votre rôle ?' }, required: false },
          ],
        }),
      )
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      courseSlug: 'public-narrative',
      courseTitle: 'Public Narrative',
      name: { ar: 'دفعة عمّان', en: 'Amman cohort' },
      displayName: 'Amman cohort',
      status: 'draft',
      startsOn: '2030-03-01',
      endsOn: '2030-05-31',
      timeZone: 'Asia/Amman',
      online: false,
      city: { ar: 'عمّان', en: 'Amman' },
      displayCity: 'Amman',
      capacity: 20,
      seatsLeft: 20,
      waitlisted: 0,
      enrollmentMode: 'application',
      applicationQuestions: [
        { key: 'motivation', label: { ar: 'لماذا تريد الانضمام؟', en: 'Why do you want to join?' }, displayLabel: 'Why do you want to join?', required: true },
        { key: 'organization-role', label: { fr: 'Votre rôle ?' }, displayLabel: 'Votre rôle ?', required: false },
      ],
      courseVersion: 1,
      viewer: { enrollment: null, staffRole: null },
    });
    const staff = await request(t.url).get(`/api/cohorts/${res.body.id}/staff`).set('authorization', bearer(trainer)).expect(200);
    expect(staff.body).toEqual([{ user: { id: trainer.id, email: trainer.email, nameLatin: 'Layla Haddad', nameArabic: 'ليلى حداد' }, role: 'lead_trainer', addedAt: expect.any(String) }]);
    const me = await request(t.url).get('/api/me').set('authorization', bearer(trainer)).expect(200);
    expect(me.body.staffRoles).toContainEqual({ cohortId: res.body.id, role: 'lead_trainer' });
    const [audit] = await sql<{ actor_id: string; data: { leadTrainerId: string; courseVersion: number } }>(t, "SELECT actor_id, data FROM audit_events WHERE action = 'cohort.created' AND entity_id = $1", [res.body.id]);
    expect(audit).toMatchObject({ actor_id: admin.id, data: { leadTrainerId: trainer.id, courseVersion: 1 } });
  });

  it('lets a trainer create a cohort they then lead; others get 404; only admins name a lead trainer', async () => {
    const res = await request(t.url).post('/api/cohorts').set('authorization', bearer(otherTrainer)).send(cohortBody({ online: true, city: {} })).expect(201);
    expect(res.body.viewer).toEqual({ enrollment: null, staffRole: 'lead_trainer' });
    expect(res.body.displayCity).toBe('');

    const refused = await request(t.url).post('/api/cohorts').set('authorization', bearer(stranger)).send(cohortBody()).expect(404);
    expect(refused.body.code).toBe('not_found');
    const naming = await request(t.url).post('/api/cohorts').set('authorization', bearer(otherTrainer)).set('accept-language', 'en').send(cohortBody({ leadTrainerEmail: stranger.email })).expect(422);
    expect(naming.body.errors).toEqual([{ field: 'leadTrainerEmail', code: 'adminOnly', message: 'Only administrators can set this.' }]);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'isTimeZone'],
    ['a date that does not exist', { startsOn: '2030-02-30' }, 'startsOn', 'isCalendarDate'],
    ['a date-time instead of a date', { endsOn: '2030-05-31T00:00:00Z' }, 'endsOn', 'isCalendarDate'],
    ['an end before the start', { startsOn: '2030-06-01', endsOn: '2030-05-31' }, 'endsOn', 'endsBeforeStart'],
    ['no capacity', { capacity: 0 }, 'capacity', 'min'],
    ['a capacity above 10 000', { capacity: 10_001 }, 'capacity', 'max'],
    ['a fractional capacity', { capacity: 2.5 }, 'capacity', 'isInt'],
    ['a name in no language', { name: { ar: ' ', en: '' } }, 'name', 'textRequired'],
    ['a name in an unknown language', { name: { en: 'Cohort', de: 'Kohorte' } }, 'name.de', 'unknown_field'],
    ['no city for a cohort that meets in person', { city: {} }, 'city', 'cityRequired'],
    ['an unknown enrollment mode', { enrollmentMode: 'lottery' }, 'enrollmentMode', 'isIn'],
    ['an unknown course', { courseSlug: 'no-such-course' }, 'courseSlug', 'courseNotFound'],
    ['a course slug with spaces', { courseSlug: 'public narrative' }, 'courseSlug', 'isSlug'],
    ['a question key that is not kebab-case', { applicationQuestions: [{ key: 'My Question', label: { en: 'Q' }, required: true }] }, 'applicationQuestions.0.key', 'isKebabCase'],
    ['a question without a label', { applicationQuestions: [{ key: 'q', label: {}, required: true }] }, 'applicationQuestions.0.label', 'textRequired'],
    ['a question with an unknown field', { applicationQuestions: [{ key: 'q', label: { en: 'Q' }, required: true, kind: 'text' }] }, 'applicationQuestions.0.kind', 'unknown_field'],
    ['two questions with one key', { applicationQuestions: [{ key: 'q', label: { en: 'Q' }, required: true }, { key: 'q', label: { en: 'R' }, required: false }] }, 'applicationQuestions', 'uniqueKeys'],
    ['eleven questions', { applicationQuestions: Array.from({ length: 11 }, (_, i) => ({ key: `q-${i}`, label: { en: 'Q' }, required: false })) }, 'applicationQuestions', 'arrayMaxSize'],
    ['an unknown field', { status: 'open' }, 'status', 'unknown_field'],
    ['null for the name', { name: null }, 'name', 'textRequired'],
  ])('refuses %s with a localized field error and writes nothing', async (_what, overrides, field, code) => {
    const before = await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM cohorts');
    const res = await request(t.url).post('/api/cohorts').set('authorization', bearer(admin)).set('accept-language', 'fr').send(cohortBody(overrides)).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation.failed');
    expect(res.body.errors).toContainEqual({ field, code, message: expect.any(String) });
    expect((res.body.errors as { message: string }[]).every((e) => e.message !== 'This value is not valid.' && e.message.length > 0)).toBe(true);
    expect(await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM cohorts')).toEqual(before);
  });
});

describe('who sees and manages a cohort', () => {
  let draft: string;
  beforeAll(async () => {
    draft = await staffedCohort({ name: { en: 'Hidden draft' } });
  });

  it('hides drafts from the public and from people outside the cohort, and shows them to its staff and admins', async () => {
    const none = await request(t.url).get('/api/cohorts/00000000-0000-4000-8000-000000000000').expect(404);
    const anonymous = await request(t.url).get(`/api/cohorts/${draft}`).expect(404);
    expect(anonymous.body).toEqual(none.body);
    for (const who of [stranger, trainee, otherTrainer]) {
      const res = await request(t.url).get(`/api/cohorts/${draft}`).set('authorization', bearer(who)).expect(404);
      expect(res.body).toEqual(none.body);
    }
    expect((await request(t.url).get(`/api/cohorts/${draft}`).set('authorization', bearer(coach)).expect(200)).body.viewer).toEqual({ enrollment: null, staffRole: 'coach' });
    expect((await request(t.url).get(`/api/cohorts/${draft}`).set('authorization', bearer(admin)).expect(200)).body.viewer).toEqual({ enrollment: null, staffRole: null });
    await request(t.url).get('/api/cohorts/not-a-uuid').expect(404);

    await setStatus(draft, 'open', trainer).expect(200);
    const open = await request(t.url).get(`/api/cohorts/${draft}`).expect(200);
    expect(open.body).toMatchObject({ status: 'open', viewer: { enrollment: null, staffRole: null } });
    await setStatus(draft, 'draft', trainer).expect(200);
  });

  it('answers 404 on every management route to a coach, a trainer of another cohort, a trainee and a stranger', async () => {
    await enroll(draft, [trainee.id], 'applied');
    const org = await organization('Seat holders');
    const routes: [string, string, object?][] = [
      ['patch', `/api/cohorts/${draft}`, { capacity: 30 }],
      ['post', `/api/cohorts/${draft}/status`, { status: 'open' }],
      ['post', `/api/cohorts/${draft}/staff`, { email: stranger.email, role: 'coach' }],
      ['delete', `/api/cohorts/${draft}/staff/${coach.id}`],
      ['get', `/api/cohorts/${draft}/seats`],
      ['put', `/api/cohorts/${draft}/seats/${org}`, { seats: 2 }],
      ['delete', `/api/cohorts/${draft}/seats/${org}`],
      ['get', `/api/cohorts/${draft}/invite-codes`],
      ['post', `/api/cohorts/${draft}/invite-codes`, { maxUses: 1 }],
      ['delete', `/api/cohorts/${draft}/invite-codes/00000000-0000-4000-8000-000000000000`],
    ];
    const auditBefore = await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM audit_events');
    for (const who of [coach, otherTrainer, trainee, stranger]) {
      for (const [method, path, body] of routes) {
        const req = request(t.url)[method as 'get'](path).set('authorization', bearer(who));
        const res = body ? await req.send(body) : await req;
        expect({ who: who.email, method, path, status: res.status, code: res.body.code }).toEqual({ who: who.email, method, path, status: 404, code: 'not_found' });
      }
    }
    // Coaches read the staff list; nobody else outside the cohort does.
    await request(t.url).get(`/api/cohorts/${draft}/staff`).set('authorization', bearer(coach)).expect(200);
    for (const who of [otherTrainer, trainee, stranger]) await request(t.url).get(`/api/cohorts/${draft}/staff`).set('authorization', bearer(who)).expect(404);
    expect(await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM audit_events')).toEqual(auditBefore);
    const [row] = await sql<{ capacity: number; status: string }>(t, 'SELECT capacity, status FROM cohorts WHERE id = $1', [draft]);
    expect(row).toEqual({ capacity: 20, status: 'draft' });
  });
});

describe('editing a cohort', () => {
  it('lets its lead trainer change fields (audited with what changed) and refuses bad combinations', async () => {
    const id = await staffedCohort();
    const res = await request(t.url)
      .patch(`/api/cohorts/${id}`)
      .set('authorization', bearer(trainer))
      .set('accept-language', 'ar')
      .send({ name: { ar: 'دفعة عمّان الربيعية', en: '' }, capacity: 25, timeZone: 'Asia/Hebron' })
      .expect(200);
    expect(res.body).toMatchObject({ name: { ar: 'دفعة عمّان الربيعية' }, displayName: 'دفعة عمّان الربيعية', capacity: 25, seatsLeft: 25, timeZone: 'Asia/Hebron' });
    const [audit] = await sql<{ data: { fields: string[] } }>(t, "SELECT data FROM audit_events WHERE action = 'cohort.updated' AND entity_id = $1", [id]);
    expect(audit.data.fields.sort()).toEqual(['capacity', 'name', 'timeZone']);

    const dates = await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(trainer)).set('accept-language', 'en').send({ endsOn: '2030-02-01' }).expect(422);
    expect(dates.body.errors).toEqual([{ field: 'endsOn', code: 'endsBeforeStart', message: 'The end date must be on or after the start date.' }]);
    const nulls = await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(trainer)).send({ capacity: null, city: null }).expect(422);
    expect((nulls.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['capacity', 'city']);
    const noCity = await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(trainer)).send({ city: {} }).expect(422);
    expect(noCity.body.errors[0]).toMatchObject({ field: 'city', code: 'cityRequired' });
    await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(trainer)).send({ online: true, city: {} }).expect(200);
    await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(trainer)).send({ leadTrainerEmail: trainer.email }).expect(422);
  });

  it('changes the course version only while the cohort is a draft', async () => {
    const own = await insertCourse(t, courseContent({ slug: 'strategic-nonviolence' }));
    const id = (await createCohort(admin, { courseSlug: own.slug })).id;
    const v2 = await insertCourse(t, courseContent({ slug: own.slug, completion: { minAttendancePercent: 80, requiredExercises: ['my-story'], finalReview: true } }));
    expect(v2.version).toBe(2);
    const unknown = await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(admin)).send({ courseVersion: 9 }).expect(422);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'courseVersion', code: 'versionNotFound' });
    expect((await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(admin)).send({ courseVersion: 2 }).expect(200)).body.courseVersion).toBe(2);
    const [row] = await sql<{ completion_rule: unknown }>(t, 'SELECT completion_rule FROM cohorts WHERE id = $1', [id]);
    expect(row.completion_rule).toEqual({ minAttendancePercent: 80, requiredExercises: ['my-story'], finalReview: true });
    await setStatus(id, 'open').expect(200);
    const locked = await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(admin)).set('accept-language', 'en').send({ courseVersion: 1 }).expect(409);
    expect(locked.body).toMatchObject({ code: 'cohort.version_locked', title: 'Course version is fixed' });
    await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(admin)).send({ courseVersion: 2 }).expect(200);
    // An edit form sends the course again with every other field: that is not a change of version.
    await insertCourse(t, courseContent({ slug: own.slug, summary: { en: 'Version 3' } }));
    const resent = await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(admin)).send({ courseSlug: own.slug, capacity: 21 }).expect(200);
    expect(resent.body).toMatchObject({ courseVersion: 2, capacity: 21 });
    await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(admin)).send({ courseSlug: 'public-narrative' }).expect(409);
  });

  it('refuses a capacity below the places taken and reserved, and promotes from the waitlist when it rises', async () => {
    const id = await staffedCohort({ capacity: 3 });
    await setStatus(id, 'open').expect(200);
    const org = await organization('Najaf forum');
    await request(t.url).put(`/api/cohorts/${id}/seats/${org}`).set('authorization', bearer(trainer)).send({ seats: 1 }).expect(200);
    await enroll(id, await people(2), 'active');
    const waiting = await enroll(id, await people(2), 'waitlisted');

    const low = await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(trainer)).set('accept-language', 'fr').send({ capacity: 2 }).expect(409);
    expect(low.body).toMatchObject({ code: 'cohort.capacity_below_taken', title: 'Capacité trop petite' });
    expect(low.body.detail).toContain('3');

    const raised = await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(trainer)).send({ capacity: 4 }).expect(200);
    expect(raised.body).toMatchObject({ capacity: 4, seatsLeft: 0, waitlisted: 1 });
    const rows = await sql<{ id: string; status: string }>(t, 'SELECT id, status FROM enrollments WHERE id = ANY($1) ORDER BY waitlisted_at', [waiting]);
    expect(rows).toEqual([
      { id: waiting[0], status: 'active' },
      { id: waiting[1], status: 'waitlisted' },
    ]);
    const events = await sql(t, 'SELECT from_status, to_status, actor_id FROM enrollment_events WHERE enrollment_id = $1', [waiting[0]]);
    expect(events).toEqual([{ from_status: 'waitlisted', to_status: 'active', actor_id: null }]);
    const emails = await sql<{ payload: { template: string } }>(t, "SELECT payload FROM outbox_messages WHERE dedupe_key LIKE 'enrollment-event:%'");
    expect(emails.map((e) => e.payload.template)).toContain('enrollment_promoted');
  });
});

describe('cohort status', () => {
  it('goes draft → open → running → completed, refusing other moves with a localized 409', async () => {
    const id = await staffedCohort();
    const skip = await setStatus(id, 'running', trainer).expect(409);
    expect(skip.body).toMatchObject({ code: 'cohort.invalid_transition', title: 'This status change is not possible' });
    expect(skip.body.detail).toContain('from draft to running');
    const fr = await request(t.url).post(`/api/cohorts/${id}/status`).set('authorization', bearer(trainer)).set('accept-language', 'fr').send({ status: 'completed' }).expect(409);
    expect(fr.body.detail).toContain('de « brouillon » à « terminée »');

    expect((await setStatus(id, 'open', trainer).expect(200)).body.status).toBe('open');
    expect((await setStatus(id, 'open', trainer).expect(200)).body.status).toBe('open');
    expect((await setStatus(id, 'running', trainer).expect(200)).body.status).toBe('running');
    await setStatus(id, 'draft', trainer).expect(409);
    expect((await setStatus(id, 'completed', trainer).expect(200)).body.status).toBe('completed');
    for (const back of ['draft', 'open', 'running']) await setStatus(id, back, trainer).expect(409);

    const audit = await sql<{ data: { from: string; to: string } }>(t, "SELECT data FROM audit_events WHERE action = 'cohort.status_changed' AND entity_id = $1 ORDER BY created_at", [id]);
    expect(audit.map((a) => `${a.data.from}→${a.data.to}`)).toEqual(['draft→open', 'open→running', 'running→completed']);
    const bad = await setStatus(id, 'archived', trainer).expect(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'status', code: 'isIn' });
  });

  it('goes back from open to draft only while nobody has applied or enrolled', async () => {
    const id = await staffedCohort();
    await setStatus(id, 'open').expect(200);
    await setStatus(id, 'draft').expect(200);
    await setStatus(id, 'open').expect(200);
    const [withdrawn] = await people(1);
    await enroll(id, [withdrawn], 'withdrawn');
    await setStatus(id, 'draft').expect(200);
    await setStatus(id, 'open').expect(200);
    await enroll(id, await people(1), 'applied');
    const res = await setStatus(id, 'draft').expect(409);
    expect(res.body).toMatchObject({ code: 'cohort.has_participants', title: 'People have already joined' });
    expect((await request(t.url).get(`/api/cohorts/${id}`).expect(200)).body.status).toBe('open');
  });
});

describe('cohort staff', () => {
  it('adds by email, changes roles, removes, and always keeps a lead trainer', async () => {
    const id = await staffedCohort();
    const newcomer = await registerAccount(t, { email: uniqueEmail('newcomer') });
    const added = await request(t.url).post(`/api/cohorts/${id}/staff`).set('authorization', bearer(trainer)).send({ email: newcomer.email.toUpperCase(), role: 'coach' }).expect(201);
    expect(added.body).toMatchObject({ user: { id: newcomer.id, email: newcomer.email }, role: 'coach' });
    const list = await request(t.url).get(`/api/cohorts/${id}/staff`).set('authorization', bearer(coach)).expect(200);
    expect((list.body as { user: { id: string }; role: string }[]).map((s) => [s.user.id, s.role])).toEqual([
      [trainer.id, 'lead_trainer'],
      [coach.id, 'coach'],
      [newcomer.id, 'coach'],
    ]);
    expect((await request(t.url).get('/api/me').set('authorization', bearer(newcomer)).expect(200)).body.staffRoles).toContainEqual({ cohortId: id, role: 'coach' });

    const unknown = await request(t.url).post(`/api/cohorts/${id}/staff`).set('authorization', bearer(trainer)).set('accept-language', 'en').send({ email: 'nobody@example.org', role: 'coach' }).expect(422);
    expect(unknown.body.errors).toEqual([{ field: 'email', code: 'userNotFound', message: 'There is no account with this email.' }]);

    const last = await request(t.url).delete(`/api/cohorts/${id}/staff/${trainer.id}`).set('authorization', bearer(trainer)).set('accept-language', 'en').expect(409);
    expect(last.body).toMatchObject({ code: 'cohort.last_lead_trainer', title: 'The cohort needs a lead trainer' });
    await request(t.url).post(`/api/cohorts/${id}/staff`).set('authorization', bearer(trainer)).send({ email: trainer.email, role: 'coach' }).expect(409);

    await request(t.url).post(`/api/cohorts/${id}/staff`).set('authorization', bearer(trainer)).send({ email: newcomer.email, role: 'lead_trainer' }).expect(201);
    await request(t.url).delete(`/api/cohorts/${id}/staff/${trainer.id}`).set('authorization', bearer(trainer)).expect(204);
    // The former lead trainer is now outside the cohort.
    await request(t.url).get(`/api/cohorts/${id}/staff`).set('authorization', bearer(trainer)).expect(404);
    await request(t.url).delete(`/api/cohorts/${id}/staff/${coach.id}`).set('authorization', bearer(newcomer)).expect(204);
    await request(t.url).delete(`/api/cohorts/${id}/staff/${coach.id}`).set('authorization', bearer(newcomer)).expect(404);
    const actions = await sql<{ action: string }>(t, "SELECT action FROM audit_events WHERE entity_type = 'cohort_staff' AND data->>'cohortId' = $1 ORDER BY created_at", [id]);
    expect(actions.map((a) => a.action)).toEqual(['cohort.staff.added', 'cohort.staff.role_changed', 'cohort.staff.removed', 'cohort.staff.removed']);
  });
});

describe('seat allocations', () => {
  it('holds seats against capacity, never below what the organization used nor above what is free', async () => {
    const id = await staffedCohort({ capacity: 10 });
    await setStatus(id, 'open').expect(200);
    const najaf = await organization('Najaf Social Forum');
    const tunis = await organization('Citizen Associations Network');
    await enroll(id, await people(3), 'active');

    const set = await request(t.url).put(`/api/cohorts/${id}/seats/${najaf}`).set('authorization', bearer(trainer)).set('accept-language', 'en').send({ seats: 4 }).expect(200);
    expect(set.body).toEqual([{ organizationId: najaf, displayName: 'Najaf Social Forum', seats: 4, used: 0 }]);
    expect((await request(t.url).get(`/api/cohorts/${id}`).expect(200)).body.seatsLeft).toBe(3);

    await enroll(id, await people(2), 'active', { organizationId: najaf });
    expect((await request(t.url).get(`/api/cohorts/${id}`).expect(200)).body.seatsLeft).toBe(3);
    const below = await request(t.url).put(`/api/cohorts/${id}/seats/${najaf}`).set('authorization', bearer(trainer)).set('accept-language', 'en').send({ seats: 1 }).expect(409);
    expect(below.body).toMatchObject({ code: 'seats.below_used', title: 'Seats already filled' });
    expect(below.body.detail).toContain('2');
    const over = await request(t.url).put(`/api/cohorts/${id}/seats/${tunis}`).set('authorization', bearer(trainer)).set('accept-language', 'en').send({ seats: 4 }).expect(409);
    expect(over.body).toMatchObject({ code: 'seats.over_capacity' });
    expect(over.body.detail).toContain('at most 3');

    const both = await request(t.url).put(`/api/cohorts/${id}/seats/${tunis}`).set('authorization', bearer(trainer)).set('accept-language', 'en').send({ seats: 3 }).expect(200);
    expect(both.body).toEqual([
      { organizationId: najaf, displayName: 'Najaf Social Forum', seats: 4, used: 2 },
      { organizationId: tunis, displayName: 'Citizen Associations Network', seats: 3, used: 0 },
    ]);
    expect((await request(t.url).get(`/api/cohorts/${id}`).expect(200)).body.seatsLeft).toBe(0);
    const lower = await request(t.url).patch(`/api/cohorts/${id}`).set('authorization', bearer(trainer)).send({ capacity: 9 }).expect(409);
    expect(lower.body.code).toBe('cohort.capacity_below_taken');

    const waiting = await enroll(id, await people(1), 'waitlisted');
    const removed = await request(t.url).delete(`/api/cohorts/${id}/seats/${tunis}`).set('authorization', bearer(trainer)).expect(200);
    expect(removed.body).toHaveLength(1);
    const [promoted] = await sql<{ status: string }>(t, 'SELECT status FROM enrollments WHERE id = $1', [waiting[0]]);
    expect(promoted.status).toBe('active');
    expect((await request(t.url).get(`/api/cohorts/${id}`).expect(200)).body).toMatchObject({ seatsLeft: 2, waitlisted: 0 });

    await request(t.url).delete(`/api/cohorts/${id}/seats/${tunis}`).set('authorization', bearer(trainer)).expect(404);
    await request(t.url).put(`/api/cohorts/${id}/seats/00000000-0000-4000-8000-000000000000`).set('authorization', bearer(trainer)).send({ seats: 1 }).expect(404);
    const zero = await request(t.url).put(`/api/cohorts/${id}/seats/${najaf}`).set('authorization', bearer(trainer)).send({ seats: 0 }).expect(422);
    expect(zero.body.errors[0]).toMatchObject({ field: 'seats', code: 'min' });
    const actions = await sql<{ action: string }>(t, "SELECT action FROM audit_events WHERE entity_type = 'seat_allocation' AND data->>'cohortId' = $1 ORDER BY created_at", [id]);
    expect(actions.map((a) => a.action)).toEqual(['cohort.seats.set', 'cohort.seats.set', 'cohort.seats.removed']);
  });
});

describe('invite codes', () => {
  it('shows a code once, stores only its SHA-256, lists and revokes codes', async () => {
    const id = await staffedCohort({ enrollmentMode: 'invite' });
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await request(t.url).post(`/api/cohorts/${id}/invite-codes`).set('authorization', bearer(trainer)).send({ maxUses: 1, expiresAt }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), code: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), maxUses: 1, uses: 0, expiresAt, revokedAt: null, state: 'active', createdAt: expect.any(String) });
    const [row] = await sql<{ code_hash: string }>(t, 'SELECT code_hash FROM cohort_invite_codes WHERE id = $1', [created.body.id]);
    expect(row.code_hash).toBe(createHash('sha256').update(created.body.code as string).digest('hex'));
    const dump = JSON.stringify(await sql(t, 'SELECT * FROM cohort_invite_codes')) + JSON.stringify(await sql(t, 'SELECT * FROM audit_events'));
    expect(dump).not.toContain(created.body.code);

    const unlimited = await request(t.url).post(`/api/cohorts/${id}/invite-codes`).set('authorization', bearer(trainer)).send({}).expect(201);
    expect(unlimited.body).toMatchObject({ maxUses: null, expiresAt: null, state: 'active' });

    const list = await request(t.url).get(`/api/cohorts/${id}/invite-codes`).set('authorization', bearer(trainer)).expect(200);
    expect(list.body).toHaveLength(2);
    expect(JSON.stringify(list.body)).not.toContain(created.body.code);
    expect(list.body[0]).not.toHaveProperty('code');

    await request(t.url).delete(`/api/cohorts/${id}/invite-codes/${created.body.id}`).set('authorization', bearer(trainer)).expect(204);
    await request(t.url).delete(`/api/cohorts/${id}/invite-codes/${created.body.id}`).set('authorization', bearer(trainer)).expect(204);
    const after = await request(t.url).get(`/api/cohorts/${id}/invite-codes`).set('authorization', bearer(trainer)).expect(200);
    expect((after.body as { id: string }[]).find((c) => c.id === created.body.id)).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    // A code of another cohort is not found through this one.
    const other = await staffedCohort();
    await request(t.url).delete(`/api/cohorts/${other}/invite-codes/${unlimited.body.id}`).set('authorization', bearer(trainer)).expect(404);

    const past = await request(t.url).post(`/api/cohorts/${id}/invite-codes`).set('authorization', bearer(trainer)).set('accept-language', 'en').send({ expiresAt: '2020-01-01T00:00:00Z' }).expect(422);
    expect(past.body.errors).toEqual([{ field: 'expiresAt', code: 'inFuture', message: 'Must be in the future.' }]);
    await request(t.url).post(`/api/cohorts/${id}/invite-codes`).set('authorization', bearer(trainer)).send({ maxUses: 0 }).expect(422);
    await request(t.url).post(`/api/cohorts/${id}/invite-codes`).set('authorization', bearer(trainer)).send({ expiresAt: 'next week' }).expect(422);
    const actions = await sql<{ action: string }>(t, "SELECT action FROM audit_events WHERE entity_type = 'cohort_invite_code' AND data->>'cohortId' = $1 ORDER BY created_at", [id]);
    expect(actions.map((a) => a.action)).toEqual(['cohort.invite_code.created', 'cohort.invite_code.created', 'cohort.invite_code.revoked']);
  });
});

describe('the viewer’s enrollment', () => {
  it('shows the caller their enrollment and their place on the waitlist', async () => {
    const id = await staffedCohort({ capacity: 1 });
    await setStatus(id, 'open').expect(200);
    await enroll(id, await people(1), 'active');
    await enroll(id, await people(2), 'waitlisted', { waitlistedAt: (i) => `2030-01-01T00:0${i}:00Z` });
    const [mine] = await enroll(id, [trainee.id], 'waitlisted', { waitlistedAt: () => '2030-01-01T00:05:00Z' });
    await enroll(id, await people(1), 'waitlisted', { waitlistedAt: () => '2030-01-01T00:09:00Z' });

    const res = await request(t.url).get(`/api/cohorts/${id}`).set('authorization', bearer(trainee)).expect(200);
    expect(res.body).toMatchObject({ seatsLeft: 0, waitlisted: 4, viewer: { enrollment: { id: mine, status: 'waitlisted', waitlistPosition: 3 }, staffRole: null } });
    expect((await request(t.url).get(`/api/cohorts/${id}`).set('authorization', bearer(stranger)).expect(200)).body.viewer).toEqual({ enrollment: null, staffRole: null });
    const other = await staffedCohort();
    await setStatus(other, 'open').expect(200);
    await enroll(other, [trainee.id], 'active');
    expect((await request(t.url).get(`/api/cohorts/${other}`).set('authorization', bearer(trainee)).expect(200)).body.viewer.enrollment).toMatchObject({ status: 'active', waitlistPosition: null });
  });
});

describe('the staff dashboard (GET /api/me/cohorts)', () => {
  it('lists the cohorts the caller staffs with their counts; admins see every cohort', async () => {
    const lead = await registerAccount(t, { email: uniqueEmail('dash') });
    const a = (await createCohort(admin, { leadTrainerEmail: lead.email, startsOn: '2031-01-01', endsOn: '2031-02-01', capacity: 10, name: { en: 'Dash A' } })).id;
    const b = (await createCohort(admin, { leadTrainerEmail: lead.email, startsOn: '2031-03-01', endsOn: '2031-04-01', capacity: 5, name: { en: 'Dash B' } })).id;
    await setStatus(a, 'open').expect(200);
    const org = await organization('Dashboard org');
    await request(t.url).put(`/api/cohorts/${a}/seats/${org}`).set('authorization', bearer(lead)).send({ seats: 2 }).expect(200);
    await enroll(a, await people(3), 'active');
    await enroll(a, await people(2), 'applied');
    await enroll(a, await people(1), 'waitlisted');
    await enroll(a, await people(1), 'withdrawn');

    const res = await request(t.url).get('/api/me/cohorts').set('authorization', bearer(lead)).set('accept-language', 'en').expect(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect((res.body.items as { id: string }[]).map((i) => i.id)).toEqual([b, a]);
    expect(res.body.items[1]).toMatchObject({ displayName: 'Dash A', status: 'open', staffRole: 'lead_trainer', active: 3, applied: 2, waitlisted: 1, reserved: 2, seatsLeft: 5, capacity: 10 });
    expect(res.body.items[0]).toMatchObject({ displayName: 'Dash B', status: 'draft', active: 0, applied: 0, waitlisted: 0, reserved: 0, seatsLeft: 5 });

    const paged = await request(t.url).get('/api/me/cohorts?pageSize=1&page=2').set('authorization', bearer(lead)).expect(200);
    expect((paged.body.items as { id: string }[]).map((i) => i.id)).toEqual([a]);
    expect((await request(t.url).get('/api/me/cohorts').set('authorization', bearer(stranger)).expect(200)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const all = await request(t.url).get('/api/me/cohorts?pageSize=100').set('authorization', bearer(admin)).expect(200);
    const [{ n }] = await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM cohorts');
    expect(all.body.total).toBe(Number(n));
    expect((all.body.items as { id: string }[]).find((i) => i.id === a)).toMatchObject({ staffRole: null, active: 3 });
    await request(t.url).get('/api/me/cohorts?pageSize=500').set('authorization', bearer(lead)).expect(422);
  });
});

describe('changes made at the same moment', () => {
  it('never lets seat allocations together exceed the capacity', async () => {
    const id = await staffedCohort({ capacity: 10 });
    const orgs = await Promise.all(Array.from({ length: 8 }, (_, i) => organization(`Concurrent org ${i}`)));
    const results = await Promise.all(orgs.map((org) => request(t.url).put(`/api/cohorts/${id}/seats/${org}`).set('authorization', bearer(trainer)).send({ seats: 3 })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 409, 409, 409, 409, 409]);
    const [{ total }] = await sql<{ total: string }>(t, 'SELECT sum(seats) AS total FROM seat_allocations WHERE cohort_id = $1', [id]);
    expect(Number(total)).toBe(9);
  });

  it('keeps a lead trainer when two lead trainers remove each other at once', async () => {
    const id = await staffedCohort();
    const second = await registerAccount(t, { email: uniqueEmail('second-lead') });
    await request(t.url).post(`/api/cohorts/${id}/staff`).set('authorization', bearer(trainer)).send({ email: second.email, role: 'lead_trainer' }).expect(201);
    const [a, b] = await Promise.all([
      request(t.url).delete(`/api/cohorts/${id}/staff/${second.id}`).set('authorization', bearer(trainer)),
      request(t.url).delete(`/api/cohorts/${id}/staff/${trainer.id}`).set('authorization', bearer(second)),
    ]);
    // One removal wins; the other is refused: as the last lead trainer (409) or, once removed, as no longer staff (404).
    const statuses = [a.status, b.status];
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409 || s === 404)).toHaveLength(1);
    const leads = await sql(t, "SELECT user_id FROM cohort_staff WHERE cohort_id = $1 AND role = 'lead_trainer'", [id]);
    expect(leads).toHaveLength(1);
  });
});
