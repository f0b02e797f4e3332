import request from 'supertest';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { ENTITIES } from '../../api/src/database/entities';
import { CIRCLE, COHORT, DEMO_CIRCLES, DEMO_COHORTS, DEMO_INVITE_CODE, DEMO_PASSWORD, ORG } from '../../api/src/demo/demo-data';
import { seedDemo } from '../../api/src/demo/seed';
import { DEMO_GRADUATE_CERTIFICATE_CODE, DEMO_REVOKED_CERTIFICATE_CODE } from '../../api/src/demo/demo-certificates';
import { hashToken } from '../../api/src/common/tokens';
import { bootApp, type TestApp } from '../support/app';
import { courseContent, insertCourse } from './course-fixtures';
import { bearer, sql } from './fixtures';

let t: TestApp;
let ds: DataSource;
beforeAll(async () => {
  t = await bootApp();
  // The demo's courses, as small fixtures: the shipped content is not this test's subject.
  for (const slug of ['public-narrative', 'strategic-nonviolence', 'campaign-management']) await insertCourse(t, courseContent({ slug }));
  ds = new DataSource({ ...baseDataSourceOptions(t.db.url), entities: ENTITIES });
  await ds.initialize();
  await ds.transaction((m) => seedDemo(m));
});
afterAll(async () => {
  await ds.destroy();
  await t.close();
});

async function login(email: string): Promise<string> {
  return (await request(t.url).post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)).body.token as string;
}

describe('the demo cohorts', () => {
  it('loads cohorts in several states and cities, and a second run changes nothing', async () => {
    const counts = async () => sql<Record<string, string>>(t, `SELECT (SELECT count(*) FROM cohorts) AS cohorts, (SELECT count(*) FROM enrollments) AS enrollments, (SELECT count(*) FROM enrollment_events) AS events, (SELECT count(*) FROM cohort_staff) AS staff, (SELECT count(*) FROM users) AS users`);
    const before = await counts();
    const report = await ds.transaction((m) => seedDemo(m));
    expect(report.created).toBe(0);
    expect(await counts()).toEqual(before);
    const rows = await sql<{ id: string; status: string; time_zone: string }>(t, 'SELECT id, status, time_zone FROM cohorts ORDER BY id');
    expect(rows).toHaveLength(DEMO_COHORTS.length);
    expect(Object.fromEntries(rows.map((r) => [r.id, `${r.status} ${r.time_zone}`]))).toMatchObject({
      [COHORT.amman]: 'open Asia/Amman',
      [COHORT.ramallah]: 'running Asia/Hebron',
      [COHORT.tunis]: 'open Africa/Tunis',
      [COHORT.najaf]: 'open Asia/Baghdad',
      [COHORT.baghdad]: 'completed Asia/Baghdad',
      [COHORT.online]: 'open Asia/Amman',
    });
  });

  it('shows the public the joinable cohorts with seats left, and a full online cohort with a waitlist', async () => {
    const res = await request(t.url).get('/api/courses/public-narrative').set('accept-language', 'en').expect(200);
    const cohorts = res.body.cohorts as { id: string; displayName: string; seatsLeft: number; waitlisted: number; online: boolean }[];
    expect(cohorts.map((c) => c.id).sort()).toEqual([COHORT.amman, COHORT.tunis, COHORT.online].sort());
    expect(cohorts.find((c) => c.id === COHORT.online)).toMatchObject({ online: true, seatsLeft: 0, waitlisted: 3 });
    // The Tunis cohort is named in French and Arabic only: an English reader sees the Arabic name.
    expect(cohorts.find((c) => c.id === COHORT.tunis)).toMatchObject({ displayName: 'دفعة تونس — السرد العام' });
    const najaf = await request(t.url).get(`/api/cohorts/${COHORT.najaf}`).expect(200);
    // Five joined on their own (Hussein, of the forum, among them); the forum's eight seats are held for it (two of its staff sit in them).
    expect(najaf.body).toMatchObject({ capacity: 30, seatsLeft: 30 - 5 - 8 });
    await request(t.url).get(`/api/cohorts/${COHORT.irbid}`).expect(404);
  });

  it('gives each demo account its part: trainer and coach on staff, the trainee applied in Amman and active in Ramallah', async () => {
    const trainer = await login('trainer@example.org');
    const mine = await request(t.url).get('/api/me/cohorts').set('authorization', bearer(trainer)).expect(200);
    expect(mine.body.total).toBe(6);
    expect((mine.body.items as { id: string; staffRole: string }[]).every((c) => c.staffRole === 'lead_trainer')).toBe(true);
    const amman = (mine.body.items as { id: string; applied: number; active: number }[]).find((c) => c.id === COHORT.amman);
    expect(amman).toMatchObject({ applied: 4, active: 5 });
    const coach = await login('coach@example.org');
    expect(((await request(t.url).get('/api/me').set('authorization', bearer(coach)).expect(200)).body.staffRoles as { role: string }[]).every((r) => r.role === 'coach')).toBe(true);

    const trainee = await login('trainee@example.org');
    expect((await request(t.url).get(`/api/cohorts/${COHORT.amman}`).set('authorization', bearer(trainee)).expect(200)).body.viewer.enrollment).toMatchObject({ status: 'applied' });
    expect((await request(t.url).get(`/api/cohorts/${COHORT.ramallah}`).set('authorization', bearer(trainee)).expect(200)).body.viewer.enrollment).toMatchObject({ status: 'active' });
    const graduate = await login('graduate@example.org');
    expect((await request(t.url).get(`/api/cohorts/${COHORT.baghdad}`).set('authorization', bearer(graduate)).expect(200)).body.viewer.enrollment).toMatchObject({ status: 'completed' });
  });

  it('has two partner organizations with sponsored staff, some sharing their progress, a Tunis invite code, and a history row for every status', async () => {
    const staff = await sql<{ email: string; status: string; consent_to_share: boolean; seat: boolean }>(
      t,
      `SELECT u.email, e.status, e.consent_to_share, e.sponsoring_organization_id IS NOT NULL AS seat
       FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 AND e.reporting_organization_id = $2 ORDER BY u.email`,
      [COHORT.najaf, ORG.najaf],
    );
    expect(staff).toEqual([
      { email: 'ali.kadhim@example.org', status: 'active', consent_to_share: true, seat: true },
      { email: 'fatima.musawi@example.org', status: 'active', consent_to_share: false, seat: true },
      // Joined through the public link naming the forum: reported to it, in none of its seats.
      { email: 'hussein.hakim@example.org', status: 'active', consent_to_share: true, seat: false },
    ]);
    // What partner@ (Najaf forum) and the Hebron organization's manager see: attendance, a certificate, a revoked one, hidden staff.
    const report = async (email: string, organizationId: string) =>
      (await request(t.url).get(`/api/organizations/${organizationId}/staff-progress?pageSize=100`).set('authorization', bearer(await login(email))).set('accept-language', 'en').expect(200)).body as {
        items: { trainee: { nameLatin: string }; status: string; placement: string; attendance: { held: number; attended: number }; certificate: { status: string } | null }[];
        summary: { funnel: Record<string, number>; hiddenCount: number };
      };
    const najaf = await report('partner@example.org', ORG.najaf);
    expect(najaf.summary).toMatchObject({ funnel: { enrolled: 4, active: 4, completed: 2, certified: 1 }, hiddenCount: 2 });
    const byName = Object.fromEntries(najaf.items.map((i) => [i.trainee.nameLatin, i]));
    expect(byName['Zainab Hassan']).toMatchObject({ attendance: { held: 3, attended: 3 }, certificate: { status: 'issued' } });
    expect(byName['Haider Salman'].certificate).toMatchObject({ status: 'revoked' });
    expect(byName['Hussein Al-Hakim']).toMatchObject({ status: 'active', placement: 'own' });
    expect(byName['Ali Kadhim']).toMatchObject({ status: 'active', placement: 'seat' });
    const hebron = await report('mariam.abuaisha@example.org', ORG.hebron);
    expect(hebron.summary).toMatchObject({ funnel: { enrolled: 4, active: 4, completed: 0, certified: 0 }, hiddenCount: 1 });
    expect(hebron.items.every((i) => i.attendance.held > 0)).toBe(true);
    const [code] = await sql<{ uses: number; cohort_id: string }>(t, 'SELECT uses, cohort_id FROM cohort_invite_codes WHERE code_hash = $1', [hashToken(DEMO_INVITE_CODE)]);
    expect(code).toEqual({ uses: 5, cohort_id: COHORT.tunis });
    const mismatched = await sql(t, `SELECT e.id FROM enrollments e WHERE e.status <> (SELECT ev.to_status FROM enrollment_events ev WHERE ev.enrollment_id = e.id ORDER BY ev.created_at DESC LIMIT 1)`);
    expect(mismatched).toEqual([]);
  });
});

describe('the demo circles', () => {
  const circleCounts = async () =>
    sql<Record<string, string>>(
      t,
      `SELECT (SELECT count(*) FROM learning_circles) AS circles, (SELECT count(*) FROM circle_memberships) AS memberships, (SELECT count(*) FROM circle_coaches) AS coaches,
              (SELECT count(*) FROM circle_sessions) AS sessions, (SELECT count(*) FROM attendance) AS attendance`,
    );

  it('loads circles in every cohort with active people, and a second run changes nothing', async () => {
    const before = await circleCounts();
    expect(Number(before[0].circles)).toBe(DEMO_CIRCLES.length);
    await ds.transaction((m) => seedDemo(m));
    expect(await circleCounts()).toEqual(before);
    const perCohort = await sql<{ cohort_id: string; n: string }>(t, 'SELECT cohort_id, count(*) AS n FROM learning_circles GROUP BY cohort_id');
    for (const row of perCohort) expect(Number(row.n)).toBeGreaterThanOrEqual(2);
    expect(perCohort.map((r) => r.cohort_id).sort()).toEqual([COHORT.amman, COHORT.ramallah, COHORT.tunis, COHORT.najaf, COHORT.baghdad, COHORT.online].sort());
    // Every current member is active (or completed) in the circle's cohort.
    expect(
      await sql(t, `SELECT m.id FROM circle_memberships m JOIN enrollments e ON e.id = m.enrollment_id JOIN learning_circles c ON c.id = m.circle_id WHERE m.left_at IS NULL AND (e.status NOT IN ('active', 'completed') OR e.cohort_id <> c.cohort_id)`),
    ).toEqual([]);
  });

  it('puts the trainee in a Ramallah circle with held, cancelled and future sessions in the cohort’s zone', async () => {
    const trainee = await login('trainee@example.org');
    const mine = await request(t.url).get('/api/me/circles').set('authorization', bearer(trainee)).set('accept-language', 'en').expect(200);
    expect(mine.body.member).toEqual([expect.objectContaining({ id: CIRCLE.ramallahBireh, displayName: 'Al-Bireh circle', viewerRole: 'member', memberCount: 5 })]);
    expect(mine.body.member[0].nextSession).toMatchObject({ timeZone: 'Asia/Hebron' });
    const sessions = await sql<{ status: string; past: boolean; local: string }>(
      t,
      `SELECT status, starts_at < now() AS past, to_char(starts_at AT TIME ZONE time_zone, 'HH24:MI') AS local FROM circle_sessions WHERE circle_id = ANY($1) ORDER BY starts_at`,
      [[CIRCLE.ramallahBireh, CIRCLE.ramallahOldTown]],
    );
    expect(sessions.filter((s) => s.past && s.status === 'scheduled')).toHaveLength(5);
    expect(sessions.filter((s) => s.status === 'cancelled')).toHaveLength(1);
    expect(sessions.filter((s) => !s.past).length).toBeGreaterThanOrEqual(6);
    expect(new Set(sessions.map((s) => s.local))).toEqual(new Set(['18:00', '17:30']));
  });

  it('shows the coach their circles, and the moved trainee as a past member of her first circle with her attendance there', async () => {
    const coach = await login('coach@example.org');
    const mine = await request(t.url).get('/api/me/circles').set('authorization', bearer(coach)).set('accept-language', 'en').expect(200);
    const coached = mine.body.coaching as { id: string; nextSession: unknown }[];
    expect(coached.map((c) => c.id)).toEqual(expect.arrayContaining([CIRCLE.ramallahBireh, CIRCLE.ammanWeibdeh, CIRCLE.tunisMedina, CIRCLE.onlineLevant]));
    expect(coached.every((c) => c.nextSession !== null)).toBe(true);
    const bireh = await request(t.url).get(`/api/circles/${CIRCLE.ramallahBireh}`).set('authorization', bearer(coach)).set('accept-language', 'en').expect(200);
    expect(bireh.body.attendance.held).toBeGreaterThan(0);
    await request(t.url).get(`/api/circles/${CIRCLE.ramallahOldTown}`).set('authorization', bearer(coach)).expect(404);

    const trainer = await login('trainer@example.org');
    const oldTown = await request(t.url).get(`/api/circles/${CIRCLE.ramallahOldTown}`).set('authorization', bearer(trainer)).set('accept-language', 'en').expect(200);
    const pastNames = (oldTown.body.pastMembers as { nameLatin: string; currentCircle: { id: string } | null; attendance: { held: number; attended: number } }[]).map((p) => [
      p.nameLatin,
      p.currentCircle?.id ?? null,
      p.attendance.attended,
    ]);
    expect(pastNames).toEqual(expect.arrayContaining([['Haneen Zaid', CIRCLE.ramallahBireh, 1], ['Mohammad Amro', null, 0]]));
  });
});

describe('the demo exercises', () => {
  const workCounts = () =>
    sql<Record<string, string>>(
      t,
      `SELECT (SELECT count(*) FROM assignments) AS assignments, (SELECT count(*) FROM submissions) AS submissions, (SELECT count(*) FROM submission_versions) AS versions,
         (SELECT count(*) FROM reviews) AS reviews, (SELECT count(*) FROM feedback_comments) AS comments`,
    );

  it('has assignments in Ramallah and Baghdad and work in every state; a second run changes nothing', async () => {
    const before = await workCounts();
    expect(Number(before[0].assignments)).toBeGreaterThanOrEqual(4);
    await ds.transaction((m) => seedDemo(m));
    expect(await workCounts()).toEqual(before);
    const states = await sql<{ status: string }>(t, `SELECT DISTINCT s.status FROM submissions s JOIN assignments a ON a.id = s.assignment_id WHERE a.cohort_id = $1 ORDER BY s.status`, [COHORT.ramallah]);
    expect(states.map((s) => s.status)).toEqual(['passed', 'returned', 'submitted']);
  });

  it('puts work in coach@’s queue oldest first with a late one, and a resubmission with two versions', async () => {
    const coach = await login('coach@example.org');
    const queue = await request(t.url).get(`/api/me/grading-queue?cohortId=${COHORT.ramallah}`).set('authorization', bearer(coach)).set('accept-language', 'en').expect(200);
    const items = (queue.body as { items: { trainee: { displayName: string }; versionNumber: number; late: boolean }[] }).items;
    expect(items.map((i) => [i.trainee.displayName, i.versionNumber, i.late])).toEqual([
      ['Ruba Shalabi', 1, false],
      ['Aseel Barghouti', 2, false],
      ['Majd Qawasmeh', 1, true],
    ]);
  });

  it('gives trainee@ English feedback on passed work with a thread and a peer comment, Arabic feedback on returned work; graduate@ passed everything in Baghdad', async () => {
    const trainee = await login('trainee@example.org');
    const mine = await request(t.url).get(`/api/me/gradebook?cohortId=${COHORT.ramallah}`).set('authorization', bearer(trainee)).expect(200);
    const cells = (mine.body as { row: { cells: { status: string; submissionId: string | null }[] } }).row.cells;
    expect(cells.map((c) => c.status).slice(0, 2)).toEqual(['passed', 'returned']);
    const passed = await request(t.url).get(`/api/submissions/${cells[0].submissionId}/versions/1/review`).set('authorization', bearer(trainee)).expect(200);
    expect(passed.body.feedback).toContain('A clear, workable structure');
    const returned = await request(t.url).get(`/api/submissions/${cells[1].submissionId}/versions/1/review`).set('authorization', bearer(trainee)).expect(200);
    expect(returned.body.feedback).toContain('بداية جيدة');
    const thread = await request(t.url).get(`/api/submissions/${cells[0].submissionId}/versions/1/comments`).set('authorization', bearer(trainee)).expect(200);
    expect((thread.body as { items: { kind: string }[] }).items.map((c) => c.kind)).toEqual(['thread', 'thread', 'peer']);

    const graduate = await login('graduate@example.org');
    const record = await request(t.url).get(`/api/me/gradebook?cohortId=${COHORT.baghdad}`).set('authorization', bearer(graduate)).expect(200);
    const row = (record.body as { row: { cells: { status: string }[]; passedCount: number } }).row;
    expect(row.cells.length).toBeGreaterThan(0);
    expect(row.cells.every((c) => c.status === 'passed')).toBe(true);
  });
});

describe('the demo certificates', () => {
  it('gives graduate@ a certificate for Baghdad that anyone can verify at its fixed code, waiting for the worker to render it', async () => {
    const verified = await request(t.url).get(`/api/verify/${DEMO_GRADUATE_CERTIFICATE_CODE}`).set('accept-language', 'en').expect(200);
    expect(verified.body).toMatchObject({ status: 'valid', recipient: { nameLatin: 'Yasmine Trabelsi', nameArabic: 'ياسمين الطرابلسي' }, cohortName: { ar: 'دفعة بغداد الأولى', en: 'Baghdad, first cohort' } });
    const graduate = await login('graduate@example.org');
    const mine = await request(t.url).get('/api/me/certificates').set('authorization', bearer(graduate)).set('accept-language', 'en').expect(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ status: 'issued', revision: 1, cohortName: 'Baghdad, first cohort', pdfReady: false });
    // The api's own request to the worker, as if issued through it: the running demo worker renders and emails it.
    const jobs = await sql<{ payload: { certificateId: string; revision: number }; status: string }>(t, `SELECT payload, status FROM outbox_messages WHERE kind = 'certificate'`);
    // graduate@'s, Zainab Hassan's (staff of the Najaf forum) and the revoked one.
    expect(jobs.map((j) => j.status)).toEqual(['pending', 'pending', 'pending']);
    expect(jobs.find((j) => j.payload.certificateId === mine.body[0].id)?.payload.revision).toBe(1);
  });

  it('has a revoked certificate the verify page shows as revoked, and an eligible trainee the trainer can still issue to', async () => {
    const revoked = await request(t.url).get(`/api/verify/${DEMO_REVOKED_CERTIFICATE_CODE}`).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', recipient: { nameLatin: 'Haider Salman' } });
    expect(JSON.stringify(revoked.body)).not.toContain('بالخطأ'); // the reason stays private

    const trainer = await login('trainer@example.org');
    const completion = await request(t.url).get(`/api/cohorts/${COHORT.baghdad}/completion`).set('authorization', bearer(trainer)).set('accept-language', 'en').expect(200);
    const items = completion.body.items as { trainee: { displayName: string }; eligible: boolean; certificate: { status: string } | null }[];
    const byName = Object.fromEntries(items.map((i) => [i.trainee.displayName, i]));
    expect(byName['Mustafa Al-Obaidi']).toMatchObject({ eligible: true, certificate: null });
    expect(byName['Yasmine Trabelsi'].certificate).toMatchObject({ status: 'issued' });
    expect(byName['Haider Salman']).toMatchObject({ eligible: false, certificate: { status: 'revoked' } });
    expect(byName['Zainab Hassan'].certificate).toMatchObject({ status: 'issued' });
    expect(completion.body.counts).toMatchObject({ issued: 2, revoked: 1 });
  });
});
