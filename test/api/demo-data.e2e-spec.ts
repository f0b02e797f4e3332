import request from 'supertest';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { ENTITIES } from '../../api/src/database/entities';
import { COHORT, DEMO_COHORTS, DEMO_INVITE_CODE, DEMO_PASSWORD, ORG } from '../../api/src/demo/demo-data';
import { seedDemo } from '../../api/src/demo/seed';
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
    expect(najaf.body).toMatchObject({ capacity: 30, seatsLeft: 30 - 6 - 8 });
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

  it('has the Najaf forum holding seats with one nominee, a Tunis invite code, and a history row for every status', async () => {
    const [nominee] = await sql<{ email: string; status: string; consent_to_share: boolean }>(
      t,
      'SELECT u.email, e.status, e.consent_to_share FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 AND e.sponsoring_organization_id = $2',
      [COHORT.najaf, ORG.najaf],
    );
    expect(nominee).toEqual({ email: 'ali.kadhim@example.org', status: 'active', consent_to_share: true });
    const [code] = await sql<{ uses: number; cohort_id: string }>(t, 'SELECT uses, cohort_id FROM cohort_invite_codes WHERE code_hash = $1', [hashToken(DEMO_INVITE_CODE)]);
    expect(code).toEqual({ uses: 5, cohort_id: COHORT.tunis });
    const mismatched = await sql(t, `SELECT e.id FROM enrollments e WHERE e.status <> (SELECT ev.to_status FROM enrollment_events ev WHERE ev.enrollment_id = e.id ORDER BY ev.created_at DESC LIMIT 1)`);
    expect(mismatched).toEqual([]);
  });
});
