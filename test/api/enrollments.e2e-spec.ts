import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { adminAccount, bearer, registerAccount, sql, type Account } from './fixtures';
import { accounts, addMember, allocateSeats, join, makeCohort, makeOrganization, queuedEmails, statuses } from './enrollment-fixtures';

let t: TestApp;
let admin: Account;
let trainer: Account;
let coach: Account;
beforeAll(async () => {
  t = await bootApp({ PUBLIC_WEB_URL: 'https://halaqa.example' });
  admin = await adminAccount(t);
  trainer = await registerAccount(t, { nameLatin: 'Tariq Trainer' });
  coach = await registerAccount(t, { nameLatin: 'Coach Carla' });
});
afterAll(async () => {
  await t.close();
});

const QUESTIONS = [
  { key: 'motivation', label: { ar: 'لماذا تريد الانضمام؟', en: 'Why do you want to join?' }, required: true },
  { key: 'experience', label: { en: 'Your organizing experience' }, required: false },
];

function decide(by: Account, cohortId: string, body: Record<string, unknown>) {
  return request(t.url).post(`/api/cohorts/${cohortId}/decisions`).set('authorization', bearer(by)).set('accept-language', 'en').send(body);
}

function roster(by: Account, cohortId: string, query: Record<string, string | number> = {}) {
  return request(t.url).get(`/api/cohorts/${cohortId}/enrollments`).query(query).set('authorization', bearer(by)).set('accept-language', 'en');
}

function myEnrollments(by: Account) {
  return request(t.url).get('/api/me/enrollments').set('authorization', bearer(by)).set('accept-language', 'en');
}

function patchMine(by: Account, enrollmentId: string, body: Record<string, unknown>) {
  return request(t.url).patch(`/api/me/enrollments/${enrollmentId}`).set('authorization', bearer(by)).set('accept-language', 'en').send(body);
}

describe('open mode', () => {
  it('enrolls at once while places remain, then waitlists in order; each gets the matching email in their language', async () => {
    const cohortId = await makeCohort(t, { capacity: 2 });
    const [a, b] = await accounts(t, 2);
    const c = await registerAccount(t, { locale: 'ar', nameArabic: 'سلمى' });
    const d = await registerAccount(t, { locale: 'fr' });

    const first = await join(t, a, cohortId).expect(201);
    expect(first.body).toEqual({ id: expect.any(String), cohortId, status: 'active', waitlistPosition: null, consentToShare: false, sponsoringOrganizationId: null, reportingOrganizationId: null, createdAt: expect.any(String) });
    await join(t, b, cohortId).expect(201);
    const third = await join(t, c, cohortId).expect(201);
    expect(third.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const fourth = await join(t, d, cohortId).expect(201);
    expect(fourth.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

    expect(await queuedEmails(t, first.body.id as string)).toEqual([
      {
        template: 'enrollment_enrolled',
        to: a.email,
        locale: 'en',
        data: { name: 'Layla Haddad', url: `/en/cohorts/${cohortId}`, courseTitle: 'Public Narrative', cohortName: 'Amman spring', startsOn: '2026-03-01', endsOn: '2026-04-30', timeZone: 'Asia/Amman' },
      },
    ]);
    expect(await queuedEmails(t, third.body.id as string)).toEqual([
      expect.objectContaining({ template: 'enrollment_waitlisted', to: c.email, locale: 'ar', data: expect.objectContaining({ name: 'سلمى', courseTitle: 'السرد العام', cohortName: 'دفعة عمّان', url: `/ar/cohorts/${cohortId}` }) }),
    ]);
    expect(await sql(t, 'SELECT from_status, to_status, actor_id FROM enrollment_events WHERE enrollment_id = $1', [third.body.id])).toEqual([{ from_status: null, to_status: 'waitlisted', actor_id: c.id }]);
  });

  it('refuses joining twice (409 enrollment.exists), a completed cohort (409 cohort.not_accepting) and hides a draft from non-staff (404)', async () => {
    const cohortId = await makeCohort(t);
    const someone = await registerAccount(t);
    await join(t, someone, cohortId).expect(201);
    const again = await join(t, someone, cohortId).expect(409);
    expect(again.body).toMatchObject({ code: 'enrollment.exists', title: 'Already in this cohort' });
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);

    const completed = await makeCohort(t, { status: 'completed' });
    const closed = await request(t.url).post(`/api/cohorts/${completed}/enrollments`).set('authorization', bearer(someone)).set('accept-language', 'ar').send({}).expect(409);
    expect(closed.body).toMatchObject({ code: 'cohort.not_accepting', title: 'هذه الدفعة لا تستقبل مشاركين' });

    const draft = await makeCohort(t, { status: 'draft', leadTrainer: trainer });
    await join(t, someone, draft).expect(404);
    expect((await join(t, trainer, draft).expect(409)).body.code).toBe('cohort.not_accepting');
    await join(t, someone, '00000000-0000-4000-8000-000000000000').expect(404);
    await join(t, someone, 'not-a-uuid').expect(404);
    await request(t.url).post(`/api/cohorts/${cohortId}/enrollments`).send({}).expect(401);
    expect(await sql(t, 'SELECT count(*)::int AS n FROM enrollments WHERE user_id = $1', [someone.id])).toEqual([{ n: 1 }]);
  });

  it('a withdrawn person joins again on the same row; a running cohort still takes people', async () => {
    const cohortId = await makeCohort(t, { status: 'running' });
    const someone = await registerAccount(t);
    const first = await join(t, someone, cohortId).expect(201);
    await patchMine(someone, first.body.id as string, { status: 'withdrawn' }).expect(200);
    const again = await join(t, someone, cohortId).expect(201);
    expect(again.body).toMatchObject({ id: first.body.id, status: 'active' });
    expect(await sql(t, 'SELECT from_status, to_status FROM enrollment_events WHERE enrollment_id = $1 ORDER BY created_at', [first.body.id])).toEqual([
      { from_status: null, to_status: 'active' },
      { from_status: 'active', to_status: 'withdrawn' },
      { from_status: 'withdrawn', to_status: 'active' },
    ]);
  });

  it('refuses answers in a cohort that asks no questions', async () => {
    const cohortId = await makeCohort(t);
    const res = await join(t, await registerAccount(t), cohortId, { answers: { motivation: 'hi' } }).expect(422);
    expect(res.body.errors).toEqual([{ field: 'answers.motivation', code: 'unknown_field', message: 'This field is not accepted.' }]);
  });
});

describe('application mode', () => {
  it('stores the answers as applied, with the "application received" email; required, unknown, long and unsafe answers are refused per key', async () => {
    const cohortId = await makeCohort(t, { enrollmentMode: 'application', applicationQuestions: QUESTIONS });
    const applicant = await registerAccount(t);

    const missing = await join(t, applicant, cohortId, { answers: { experience: 'some' } }).expect(422);
    expect(missing.body.errors).toEqual([{ field: 'answers.motivation', code: 'required', message: 'This field is required.' }]);
    const blank = await join(t, applicant, cohortId, {}).expect(422);
    expect(blank.body.errors).toEqual([{ field: 'answers.motivation', code: 'required', message: expect.any(String) }]);
    const bad = await join(t, applicant, cohortId, { answers: { motivation: 'x'.repeat(2001), experience: 'a\u202Eb', salary: '1', nested: { a: 1 } } }).expect(422);
    expect(bad.body.errors).toEqual([
      { field: 'answers.motivation', code: 'maxLength', message: 'Must be at most 2000 characters.' },
      { field: 'answers.experience', code: 'isSafeText', message: expect.any(String) },
      { field: 'answers.salary', code: 'unknown_field', message: expect.any(String) },
      { field: 'answers.nested', code: 'unknown_field', message: expect.any(String) },
    ]);
    expect(await statuses(t, cohortId)).toEqual({});

    const answer = 'I organize with young people in my neighbourhood.\nWe want a campaign for the park.';
    const res = await join(t, applicant, cohortId, { answers: { motivation: `  ${answer}  `, experience: '' } }).expect(201);
    expect(res.body).toMatchObject({ status: 'applied', waitlistPosition: null });
    expect(await sql(t, 'SELECT application_answers FROM enrollments WHERE id = $1', [res.body.id])).toEqual([{ application_answers: { motivation: answer } }]);
    expect((await queuedEmails(t, res.body.id as string)).map((m) => [m.template, m.data.url])).toEqual([['enrollment_applied', '/en/dashboard']]);
  });

  it('a lead trainer accepts into the places left and waitlists the rest, rejects others; emails follow; decided ids are skipped', async () => {
    const cohortId = await makeCohort(t, { enrollmentMode: 'application', applicationQuestions: QUESTIONS, capacity: 2, leadTrainer: trainer });
    const people = await accounts(t, 5);
    const ids: string[] = [];
    for (const p of people) ids.push((await join(t, p, cohortId, { answers: { motivation: 'Because.' } }).expect(201)).body.id as string);

    const accepted = await decide(trainer, cohortId, { decision: 'accept', enrollmentIds: ids.slice(0, 3) }).expect(200);
    expect(accepted.body).toEqual({ accepted: 2, waitlisted: 1, rejected: 0, skipped: 0 });
    const rejected = await decide(trainer, cohortId, { decision: 'reject', enrollmentIds: [ids[3], ids[0], '00000000-0000-4000-8000-000000000000'] }).expect(200);
    expect(rejected.body).toEqual({ accepted: 0, waitlisted: 0, rejected: 1, skipped: 2 });

    expect(await statuses(t, cohortId)).toEqual({ [people[0].id]: 'active', [people[1].id]: 'active', [people[2].id]: 'waitlisted', [people[3].id]: 'rejected', [people[4].id]: 'applied' });
    expect((await queuedEmails(t, ids[0])).map((m) => m.template)).toEqual(['enrollment_applied', 'enrollment_accepted']);
    expect((await queuedEmails(t, ids[2])).map((m) => m.template)).toEqual(['enrollment_applied', 'enrollment_waitlisted']);
    expect((await queuedEmails(t, ids[3])).map((m) => [m.template, m.data.url])).toEqual([
      ['enrollment_applied', '/en/dashboard'],
      ['enrollment_rejected', '/en/courses'],
    ]);
    expect(await sql(t, `SELECT actor_id, action, data->>'to' AS "to" FROM audit_events WHERE entity_id = $1 AND action LIKE 'enrollment.%' ORDER BY created_at`, [ids[3]])).toEqual([
      { actor_id: people[3].id, action: 'enrollment.joined', to: null },
      { actor_id: trainer.id, action: 'enrollment.rejected', to: 'rejected' },
    ]);

    // A rejected person may not apply again.
    expect((await join(t, people[3], cohortId, { answers: { motivation: 'Again' } }).expect(409)).body.code).toBe('enrollment.rejected');
  });

  it('accepts by quota per organization: the earliest applications, at most n active per organization, counting those already active', async () => {
    const cohortId = await makeCohort(t, { enrollmentMode: 'application', applicationQuestions: QUESTIONS, capacity: 20, leadTrainer: trainer });
    const orgA = await makeOrganization(t, { en: 'Ahel' }, { en: 'Amman' });
    const orgB = await makeOrganization(t, { en: 'Bayt' }, { en: 'Ramallah' });
    const a = await accounts(t, 4);
    const b = await accounts(t, 2);
    const loner = await registerAccount(t);
    for (const p of a) await addMember(t, orgA, p);
    for (const p of b) await addMember(t, orgB, p);
    const ids: Record<string, string> = {};
    for (const p of [...a, ...b, loner]) ids[p.id] = (await join(t, p, cohortId, { answers: { motivation: 'Yes' } }).expect(201)).body.id;
    await decide(trainer, cohortId, { decision: 'accept', enrollmentIds: [ids[a[0].id]] }).expect(200);

    const res = await decide(trainer, cohortId, { decision: 'accept', quota: { by: 'organization', perGroup: 2 } }).expect(200);
    expect(res.body).toEqual({ accepted: 4, waitlisted: 0, rejected: 0, skipped: 2 });
    expect(await statuses(t, cohortId)).toEqual({
      [a[0].id]: 'active',
      [a[1].id]: 'active',
      [a[2].id]: 'applied',
      [a[3].id]: 'applied',
      [b[0].id]: 'active',
      [b[1].id]: 'active',
      [loner.id]: 'active',
    });

    const byOrg = await roster(trainer, cohortId, { organizationId: orgB }).expect(200);
    expect((byOrg.body.items as { user: { id: string } }[]).map((r) => r.user.id)).toEqual([b[0].id, b[1].id]);
    expect(byOrg.body.items[0]).toMatchObject({ organization: { id: orgB, displayName: 'Bayt' }, city: 'Ramallah', answers: { motivation: 'Yes' }, status: 'active' });
  });

  it('accepts by quota per city (the city of the person’s organization)', async () => {
    const cohortId = await makeCohort(t, { enrollmentMode: 'application', applicationQuestions: QUESTIONS, capacity: 20, leadTrainer: trainer });
    const tunis1 = await makeOrganization(t, { en: 'One' }, { ar: 'تونس', en: 'Tunis' });
    const tunis2 = await makeOrganization(t, { en: 'Two' }, { en: 'tunis', fr: 'Tunis' });
    const najaf = await makeOrganization(t, { en: 'Three' }, { en: 'Najaf' });
    const [p1, p2, p3] = await accounts(t, 3);
    await addMember(t, tunis1, p1);
    await addMember(t, tunis2, p2);
    await addMember(t, najaf, p3);
    for (const p of [p1, p2, p3]) await join(t, p, cohortId, { answers: { motivation: 'Yes' } }).expect(201);

    expect((await decide(trainer, cohortId, { decision: 'accept', quota: { by: 'city', perGroup: 1 } }).expect(200)).body).toEqual({ accepted: 2, waitlisted: 0, rejected: 0, skipped: 1 });
    expect(await statuses(t, cohortId)).toEqual({ [p1.id]: 'active', [p2.id]: 'applied', [p3.id]: 'active' });
  });

  it('decisions are for lead trainers and admins: a coach, a trainee and another cohort’s trainer get 404; bad requests 422', async () => {
    const cohortId = await makeCohort(t, { enrollmentMode: 'application', applicationQuestions: QUESTIONS, leadTrainer: trainer, coach });
    const other = await registerAccount(t);
    await makeCohort(t, { leadTrainer: other });
    const applicant = await registerAccount(t);
    const id = (await join(t, applicant, cohortId, { answers: { motivation: 'Yes' } }).expect(201)).body.id as string;

    for (const who of [coach, applicant, other]) await decide(who, cohortId, { decision: 'accept', enrollmentIds: [id] }).expect(404);
    const noTarget = await decide(trainer, cohortId, { decision: 'accept' }).expect(422);
    expect(noTarget.body.errors).toEqual([{ field: 'enrollmentIds', code: 'required', message: expect.any(String) }]);
    expect((await decide(trainer, cohortId, { decision: 'reject', quota: { by: 'city', perGroup: 1 } }).expect(422)).body.errors[0]).toMatchObject({ field: 'quota', code: 'quotaAcceptOnly' });
    expect((await decide(trainer, cohortId, { decision: 'accept', enrollmentIds: ['nope'] }).expect(422)).body.errors[0]).toEqual({ field: 'enrollmentIds', code: 'isUuid', message: 'Must be a valid identifier.' });
    expect((await decide(trainer, cohortId, { decision: 'accept', quota: { by: 'country', perGroup: 0 } }).expect(422)).body.errors[0]).toMatchObject({ field: 'quota.by', code: 'isIn' });
    expect(await statuses(t, cohortId)).toEqual({ [applicant.id]: 'applied' });

    expect((await decide(admin, cohortId, { decision: 'accept', enrollmentIds: [id] }).expect(200)).body.accepted).toBe(1);
  });

  it('a completed cohort accepts nobody more, but its remaining applications can still be rejected', async () => {
    const cohortId = await makeCohort(t, { enrollmentMode: 'application', applicationQuestions: QUESTIONS, leadTrainer: trainer });
    const applicant = await registerAccount(t);
    const id = (await join(t, applicant, cohortId, { answers: { motivation: 'Yes' } }).expect(201)).body.id as string;
    await sql(t, "UPDATE cohorts SET status = 'completed' WHERE id = $1", [cohortId]);

    expect((await decide(trainer, cohortId, { decision: 'accept', enrollmentIds: [id] }).expect(409)).body.code).toBe('cohort.not_accepting');
    expect((await decide(trainer, cohortId, { decision: 'reject', enrollmentIds: [id] }).expect(200)).body.rejected).toBe(1);
  });
});

describe('the roster', () => {
  it('is for the cohort’s lead trainers, coaches and admins (404 to others), filtered by status and name, paginated', async () => {
    const cohortId = await makeCohort(t, { capacity: 1, leadTrainer: trainer, coach });
    const first = await registerAccount(t, { nameLatin: 'Omar Saleh', nameArabic: 'عمر صالح' });
    const second = await registerAccount(t, { nameLatin: 'Huda Amin', nameArabic: 'هدى أمين' });
    await join(t, first, cohortId).expect(201);
    await join(t, second, cohortId).expect(201);

    const all = await roster(coach, cohortId).expect(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(all.body.items[1]).toEqual({
      id: expect.any(String),
      status: 'waitlisted',
      user: { id: second.id, nameLatin: 'Huda Amin', nameArabic: 'هدى أمين', email: second.email },
      organization: null,
      city: '',
      answers: {},
      waitlistPosition: 1,
      appliedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(((await roster(trainer, cohortId, { status: 'active' }).expect(200)).body.items as { user: { id: string } }[]).map((r) => r.user.id)).toEqual([first.id]);
    expect((await roster(admin, cohortId, { q: 'هدى' }).expect(200)).body.total).toBe(1);
    expect((await roster(admin, cohortId, { q: '100%_' }).expect(200)).body.total).toBe(0);
    expect((await roster(admin, cohortId, { pageSize: 1, page: 2 }).expect(200)).body.items[0].user.id).toBe(second.id);

    await roster(first, cohortId).expect(404);
    await roster(trainer, await makeCohort(t)).expect(404);
    expect((await roster(trainer, cohortId, { status: 'sleeping' }).expect(422)).body.errors[0]).toMatchObject({ field: 'status', code: 'isIn' });
  });
});

describe('withdrawal', () => {
  it('by the trainee frees the place: the first waitlisted is promoted in the same transaction and told', async () => {
    const cohortId = await makeCohort(t, { capacity: 1 });
    const [holder, next, after] = await accounts(t, 3);
    const held = (await join(t, holder, cohortId).expect(201)).body.id as string;
    const nextId = (await join(t, next, cohortId).expect(201)).body.id as string;
    await join(t, after, cohortId).expect(201);

    const res = await patchMine(holder, held, { status: 'withdrawn' }).expect(200);
    expect(res.body).toMatchObject({ id: held, status: 'withdrawn', waitlistPosition: null });
    expect(await statuses(t, cohortId)).toEqual({ [holder.id]: 'withdrawn', [next.id]: 'active', [after.id]: 'waitlisted' });
    expect((await queuedEmails(t, nextId)).map((m) => m.template)).toEqual(['enrollment_waitlisted', 'enrollment_promoted']);
    expect((await queuedEmails(t, held)).map((m) => m.template)).toEqual(['enrollment_enrolled']);
    expect(await sql(t, 'SELECT from_status, to_status, actor_id FROM enrollment_events WHERE enrollment_id = $1 ORDER BY created_at', [nextId])).toEqual([
      { from_status: null, to_status: 'waitlisted', actor_id: next.id },
      { from_status: 'waitlisted', to_status: 'active', actor_id: null },
    ]);
    const [audit] = await sql<{ data: Record<string, unknown> }>(t, `SELECT data FROM audit_events WHERE entity_id = $1 AND action = 'enrollment.withdrawn'`, [held]);
    expect(audit.data).toEqual({ cohortId, from: 'active', by: 'trainee', promoted: [nextId] });

    expect((await myEnrollments(after).expect(200)).body.items[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await patchMine(holder, held, { status: 'withdrawn' }).expect(409)).body.code).toBe('enrollment.not_withdrawable');
  });

  it('by a lead trainer (or admin), with a reason for the audit; coaches and others get 404', async () => {
    const cohortId = await makeCohort(t, { capacity: 1, leadTrainer: trainer, coach });
    const [holder, next] = await accounts(t, 2);
    const held = (await join(t, holder, cohortId).expect(201)).body.id as string;
    await join(t, next, cohortId).expect(201);
    const path = `/api/cohorts/${cohortId}/enrollments/${held}/withdraw`;

    for (const who of [coach, holder, next]) await request(t.url).post(path).set('authorization', bearer(who)).send({}).expect(404);
    await request(t.url).post(`/api/cohorts/${await makeCohort(t, { leadTrainer: trainer })}/enrollments/${held}/withdraw`).set('authorization', bearer(trainer)).send({}).expect(404);
    const res = await request(t.url).post(path).set('authorization', bearer(trainer)).send({ reason: 'Moved to the Tunis cohort' }).expect(200);
    expect(res.body).toMatchObject({ id: held, status: 'withdrawn' });
    expect(await statuses(t, cohortId)).toEqual({ [holder.id]: 'withdrawn', [next.id]: 'active' });
    const [audit] = await sql<{ actor_id: string; data: Record<string, unknown> }>(t, `SELECT actor_id, data FROM audit_events WHERE entity_id = $1 AND action = 'enrollment.withdrawn'`, [held]);
    expect(audit).toEqual({ actor_id: trainer.id, data: expect.objectContaining({ by: 'staff', reason: 'Moved to the Tunis cohort', from: 'active' }) });
  });
});

describe('my enrollments', () => {
  it('lists only the caller’s enrollments, newest first, with their cohort summary', async () => {
    const first = await makeCohort(t, { name: { en: 'First' } });
    const second = await makeCohort(t, { name: { ar: 'الثانية', en: 'Second' }, capacity: 1 });
    const [me, other] = await accounts(t, 2);
    await join(t, other, second).expect(201);
    await join(t, me, first).expect(201);
    await join(t, me, second).expect(201);

    const res = await myEnrollments(me).expect(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect((res.body.items as { cohort: { displayName: string }; status: string; waitlistPosition: number | null }[]).map((i) => [i.cohort.displayName, i.status, i.waitlistPosition])).toEqual([
      ['Second', 'waitlisted', 1],
      ['First', 'active', null],
    ]);
    expect(res.body.items[0].cohort).toMatchObject({ id: second, courseTitle: 'Public Narrative', capacity: 1, seatsLeft: 0, waitlisted: 1, enrollmentMode: 'open', timeZone: 'Asia/Amman' });
    expect((await myEnrollments(other).expect(200)).body.total).toBe(1);
    await request(t.url).get('/api/me/enrollments').expect(401);
  });

  it('changes consent; someone else’s enrollment is 404 and unchanged', async () => {
    const cohortId = await makeCohort(t);
    const [me, other] = await accounts(t, 2);
    const organizationId = await makeOrganization(t, { en: 'Consent Forum' });
    await addMember(t, organizationId, me);
    const id = (await join(t, me, cohortId, { organizationId }).expect(201)).body.id as string;

    expect((await patchMine(me, id, { consentToShare: true }).expect(200)).body).toMatchObject({ consentToShare: true, status: 'active' });
    await patchMine(other, id, { consentToShare: false }).expect(404);
    await patchMine(other, id, { status: 'withdrawn' }).expect(404);
    await patchMine(me, '00000000-0000-4000-8000-000000000000', { consentToShare: false }).expect(404);
    expect((await patchMine(me, id, { status: 'active' }).expect(422)).body.errors[0]).toMatchObject({ field: 'status', code: 'isIn' });
    expect((await patchMine(me, id, { consentToShare: 'yes' }).expect(422)).body.errors[0]).toMatchObject({ field: 'consentToShare', code: 'isBoolean' });
    expect(await sql(t, 'SELECT status, consent_to_share FROM enrollments WHERE id = $1', [id])).toEqual([{ status: 'active', consent_to_share: true }]);
    expect(await sql(t, `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY created_at`, [id])).toEqual([{ action: 'enrollment.joined' }, { action: 'enrollment.consent_granted' }]);
  });
});

describe('invite mode', () => {
  async function code(cohortId: string, overrides: { maxUses?: number | null; expiresAt?: Date | null; revokedAt?: Date | null } = {}): Promise<string> {
    const { createHash, randomBytes } = await import('node:crypto');
    const plain = randomBytes(32).toString('base64url');
    await sql(t, 'INSERT INTO cohort_invite_codes (cohort_id, code_hash, max_uses, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5)', [
      cohortId,
      createHash('sha256').update(plain).digest('hex'),
      overrides.maxUses === undefined ? 1 : overrides.maxUses,
      overrides.expiresAt ?? null,
      overrides.revokedAt ?? null,
    ]);
    return plain;
  }

  it('admits with a valid code and counts its use; a used-up, expired, revoked, unknown or missing code is refused', async () => {
    const cohortId = await makeCohort(t, { enrollmentMode: 'invite' });
    const single = await code(cohortId);
    const [a, b, c] = await accounts(t, 3);

    const res = await join(t, a, cohortId, { inviteCode: single }).expect(201);
    expect(res.body.status).toBe('active');
    expect(await sql(t, 'SELECT uses FROM cohort_invite_codes WHERE cohort_id = $1', [cohortId])).toEqual([{ uses: 1 }]);
    expect(await sql(t, 'SELECT invite_code_id IS NOT NULL AS coded FROM enrollments WHERE id = $1', [res.body.id])).toEqual([{ coded: true }]);

    const invalid = { field: 'inviteCode', code: 'inviteCodeInvalid', message: expect.stringContaining('not valid') };
    expect((await join(t, b, cohortId, { inviteCode: single }).expect(422)).body.errors).toEqual([invalid]);
    expect((await join(t, b, cohortId, { inviteCode: await code(cohortId, { expiresAt: new Date(Date.now() - 1000) }) }).expect(422)).body.errors).toEqual([invalid]);
    expect((await join(t, b, cohortId, { inviteCode: await code(cohortId, { revokedAt: new Date() }) }).expect(422)).body.errors).toEqual([invalid]);
    expect((await join(t, b, cohortId, { inviteCode: 'made-up' }).expect(422)).body.errors).toEqual([invalid]);
    expect((await join(t, b, cohortId, { inviteCode: await code(await makeCohort(t, { enrollmentMode: 'invite' })) }).expect(422)).body.errors).toEqual([invalid]);
    expect((await join(t, b, cohortId).expect(422)).body.errors).toEqual([{ field: 'inviteCode', code: 'required', message: expect.any(String) }]);

    const multi = await code(cohortId, { maxUses: null, expiresAt: new Date(Date.now() + 3_600_000) });
    await join(t, b, cohortId, { inviteCode: multi }).expect(201);
    await join(t, c, cohortId, { inviteCode: ` ${multi} ` }).expect(201);
    expect(await statuses(t, cohortId)).toEqual({ [a.id]: 'active', [b.id]: 'active', [c.id]: 'active' });
  });
});

describe('waitlist promotion by the cohort’s own changes', () => {
  it('promotes as many as fit, earliest first, when the capacity is raised (promoteFromWaitlist)', async () => {
    const cohortId = await makeCohort(t, { capacity: 1 });
    const people = await accounts(t, 4);
    for (const p of people) await join(t, p, cohortId).expect(201);
    const { promoteFromWaitlist } = await import('../../api/src/enrollments/waitlist');
    const { lockCohort } = await import('../../api/src/cohorts/capacity');
    const { OutboxService } = await import('../../api/src/outbox/outbox.service');
    const { DataSource } = await import('typeorm');
    const promoted = await t.app.get(DataSource).transaction(async (manager) => {
      await lockCohort(manager, cohortId);
      await manager.query('UPDATE cohorts SET capacity = 3 WHERE id = $1', [cohortId]);
      return promoteFromWaitlist(manager, cohortId, new OutboxService());
    });
    expect(promoted).toHaveLength(2);
    expect(await statuses(t, cohortId)).toEqual({ [people[0].id]: 'active', [people[1].id]: 'active', [people[2].id]: 'active', [people[3].id]: 'waitlisted' });
  });
});

describe('bounded reads', () => {
  /** Counts the SQL statements the app runs while `fn` runs (every statement goes through a query runner). */
  async function queriesDuring(fn: () => Promise<unknown>): Promise<number> {
    const { PostgresQueryRunner } = await import('typeorm/driver/postgres/PostgresQueryRunner');
    const original = PostgresQueryRunner.prototype.query;
    let count = 0;
    PostgresQueryRunner.prototype.query = function (this: InstanceType<typeof PostgresQueryRunner>, ...args: Parameters<typeof original>) {
      count += 1;
      return original.apply(this, args);
    } as typeof original;
    try {
      await fn();
    } finally {
      PostgresQueryRunner.prototype.query = original;
    }
    return count;
  }

  it('my enrollments, the roster and an organization’s seats cost the same number of queries for few or many rows', async () => {
    const small = await registerAccount(t);
    const large = await registerAccount(t);
    const smallCohort = await makeCohort(t, { capacity: 1, leadTrainer: trainer });
    const largeCohort = await makeCohort(t, { capacity: 1, leadTrainer: trainer });
    const people = await accounts(t, 12);
    for (const p of people.slice(0, 2)) await join(t, p, smallCohort).expect(201);
    for (const p of people) await join(t, p, largeCohort).expect(201);
    for (let i = 0; i < 2; i += 1) await join(t, small, await makeCohort(t, { capacity: i % 2 })).expect(201);
    for (let i = 0; i < 12; i += 1) await join(t, large, await makeCohort(t, { capacity: i % 2 })).expect(201);

    const mine = [await queriesDuring(() => myEnrollments(small).expect(200)), await queriesDuring(() => myEnrollments(large).expect(200))];
    expect(mine[1]).toBe(mine[0]);
    const rosters = [await queriesDuring(() => roster(trainer, smallCohort).expect(200)), await queriesDuring(() => roster(trainer, largeCohort).expect(200))];
    expect(rosters[1]).toBe(rosters[0]);
    expect(Math.max(...mine, ...rosters)).toBeLessThanOrEqual(8);

    const seats: number[] = [];
    for (const size of [1, 4]) {
      const manager = await registerAccount(t);
      const orgId = await makeOrganization(t, { en: `Org ${size}` });
      await addMember(t, orgId, manager, 'manager');
      for (let i = 0; i < size; i += 1) {
        const cohortId = await makeCohort(t);
        await allocateSeats(t, cohortId, orgId, 2);
        const member = await registerAccount(t);
        await addMember(t, orgId, member);
        await request(t.url).post(`/api/organizations/${orgId}/seats/${cohortId}/nominations`).set('authorization', bearer(manager)).send({ userId: member.id }).expect(201);
      }
      seats.push(await queriesDuring(() => request(t.url).get(`/api/organizations/${orgId}/seats`).set('authorization', bearer(manager)).expect(200)));
    }
    expect(seats[1]).toBe(seats[0]);
  });
});
