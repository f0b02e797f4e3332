import request from 'supertest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { bootApp, type TestApp } from '../support/app';
import { courseContent, insertCourse } from './course-fixtures';
import { adminAccount, bearer, sql, type Account } from './fixtures';

let t: TestApp;
let admin: Account;
beforeAll(async () => {
  t = await bootApp();
  admin = await adminAccount(t);
  await insertCourse(t, courseContent({ slug: 'public-narrative' }));
  await insertCourse(
    t,
    courseContent({
      slug: 'strategic-nonviolence',
      title: { ar: 'اللاعنف الاستراتيجي', en: 'Strategic Nonviolence', fr: 'Non-violence stratégique' },
      summary: { ar: 'المبادئ وأعمدة الدعم', en: 'Principles and pillars of support', fr: 'Principes et piliers du soutien' },
      locales: ['ar', 'en', 'fr'],
    }),
  );
  await insertCourse(t, courseContent({ slug: 'campaign-management', title: { ar: 'إدارة الحملات', en: 'Campaign Management' }, locales: ['ar', 'en'], modules: courseContent().modules.slice(0, 1) }));
});
afterAll(async () => {
  await t.close();
});

async function cohort(slug: string, overrides: Record<string, unknown>, status: 'draft' | 'open' | 'running' | 'completed'): Promise<string> {
  const res = await request(t.url)
    .post('/api/cohorts')
    .set('authorization', bearer(admin))
    .send({ courseSlug: slug, name: { ar: 'دفعة', en: 'Cohort' }, startsOn: '2030-03-01', endsOn: '2030-05-31', timeZone: 'Asia/Amman', online: true, capacity: 10, enrollmentMode: 'open', ...overrides })
    .expect(201);
  const id = res.body.id as string;
  const path: ('open' | 'running' | 'completed')[] = status === 'draft' ? [] : status === 'open' ? ['open'] : status === 'running' ? ['open', 'running'] : ['open', 'running', 'completed'];
  for (const next of path) await request(t.url).post(`/api/cohorts/${id}/status`).set('authorization', bearer(admin)).send({ status: next }).expect(200);
  return id;
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

describe('the course catalog (GET /api/courses)', () => {
  beforeAll(async () => {
    await cohort('public-narrative', { startsOn: '2030-04-01', endsOn: '2030-06-01' }, 'open');
    await cohort('public-narrative', {}, 'running');
    await cohort('public-narrative', {}, 'draft');
    await cohort('public-narrative', {}, 'completed');
  });

  it('lists courses in the reader’s language, sorted by the title they see, with counts, paginated', async () => {
    const res = await request(t.url).get('/api/courses').set('accept-language', 'en').expect(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect((res.body.items as { displayTitle: string }[]).map((c) => c.displayTitle)).toEqual(['Campaign Management', 'Public Narrative', 'Strategic Nonviolence']);
    expect(res.body.items[1]).toEqual({
      slug: 'public-narrative',
      title: { ar: 'السرد العام', en: 'Public Narrative' },
      summary: { ar: 'قصة الذات والنحن والآن.', en: 'Story of self, us and now.' },
      displayTitle: 'Public Narrative',
      displaySummary: 'Story of self, us and now.',
      textLocale: 'en',
      fallback: false,
      locales: ['ar', 'en'],
      moduleCount: 2,
      lessonCount: 3,
      exerciseCount: 2,
      upcomingCohorts: 2,
    });
    expect(res.body.items[0]).toMatchObject({ slug: 'campaign-management', moduleCount: 1, lessonCount: 2, exerciseCount: 1, upcomingCohorts: 0 });

    const page2 = await request(t.url).get('/api/courses?pageSize=2&page=2').set('accept-language', 'ar').expect(200);
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect((page2.body.items as { displayTitle: string }[]).map((c) => c.displayTitle)).toEqual(['اللاعنف الاستراتيجي']);
  });

  it('falls back to Arabic for a course not written in the reader’s language, and says so', async () => {
    const res = await request(t.url).get('/api/courses').set('accept-language', 'fr-FR,fr;q=0.9').expect(200);
    const bySlug = Object.fromEntries((res.body.items as { slug: string }[]).map((c) => [c.slug, c]));
    expect(bySlug['public-narrative']).toMatchObject({ displayTitle: 'السرد العام', displaySummary: 'قصة الذات والنحن والآن.', textLocale: 'ar', fallback: true });
    expect(bySlug['strategic-nonviolence']).toMatchObject({ displayTitle: 'Non-violence stratégique', textLocale: 'fr', fallback: false });
    const ar = await request(t.url).get('/api/courses').expect(200);
    expect((ar.body.items as { fallback: boolean; textLocale: string }[]).every((c) => !c.fallback && c.textLocale === 'ar')).toBe(true);
  });

  it('refuses bad paging with field errors', async () => {
    const res = await request(t.url).get('/api/courses?page=0&pageSize=101').expect(422);
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['page', 'pageSize']);
  });
});

describe('a course page (GET /api/courses/{slug})', () => {
  let soon: string;
  let later: string;
  let najaf: string;
  beforeAll(async () => {
    later = await cohort('strategic-nonviolence', { startsOn: '2030-09-01', endsOn: '2030-10-01', name: { ar: 'دفعة النجف', en: 'Najaf cohort' }, online: false, city: { ar: 'النجف', en: 'Najaf' }, timeZone: 'Asia/Baghdad', capacity: 12 }, 'open');
    soon = await cohort('strategic-nonviolence', { startsOn: '2030-02-01', endsOn: '2030-03-01', capacity: 3, enrollmentMode: 'application' }, 'running');
    await cohort('strategic-nonviolence', { startsOn: '2030-01-01', endsOn: '2030-01-31' }, 'draft');
    await cohort('strategic-nonviolence', { startsOn: '2029-01-01', endsOn: '2029-01-31' }, 'completed');
    const org = await request(t.url).post('/api/organizations').set('authorization', bearer(admin)).send({ name: { ar: 'منتدى النجف الاجتماعي' }, kind: 'cso', country: 'IQ', city: { ar: 'النجف' } }).expect(201);
    najaf = org.body.id as string;
    await request(t.url).put(`/api/cohorts/${later}/seats/${najaf}`).set('authorization', bearer(admin)).send({ seats: 5 }).expect(200);
    const users = await sql<{ id: string }>(t, "INSERT INTO users (email, name_latin) SELECT 'p' || i || '@catalog.example.org', 'P' FROM generate_series(1, 5) i RETURNING id");
    // Two public trainees and one of the forum's staff in the Najaf cohort; one waitlisted in the full running cohort.
    await sql(t, "INSERT INTO enrollments (cohort_id, user_id, status) VALUES ($1, $2, 'active'), ($1, $3, 'active')", [later, users[0].id, users[1].id]);
    await sql(t, "INSERT INTO enrollments (cohort_id, user_id, status, sponsoring_organization_id) VALUES ($1, $2, 'active', $3)", [later, users[2].id, najaf]);
    await sql(t, "INSERT INTO enrollments (cohort_id, user_id, status) VALUES ($1, $2, 'active'), ($1, $3, 'active')", [soon, users[3].id, users[4].id]);
    await sql(t, "INSERT INTO enrollments (cohort_id, user_id, status, waitlisted_at) VALUES ($1, $2, 'waitlisted', now())", [soon, admin.id]);
  });

  it('shows the current version’s syllabus and completion rule in the reader’s language', async () => {
    const res = await request(t.url).get('/api/courses/strategic-nonviolence').set('accept-language', 'en').expect(200);
    expect(res.body).toMatchObject({ slug: 'strategic-nonviolence', displayTitle: 'Strategic Nonviolence', textLocale: 'en', fallback: false, version: 1, moduleCount: 2, upcomingCohorts: 2 });
    expect(res.body.modules).toEqual([
      {
        key: 'self',
        title: 'Story of self',
        summary: 'Why you?',
        lessons: [
          { key: 'why-stories', title: 'Why stories', duration: 30 },
          { key: 'choice-points', title: 'Choice points', duration: 45 },
        ],
        exercises: [{ key: 'my-story', title: 'My story', submissionKind: 'text' }],
      },
      {
        key: 'us-now',
        title: 'Story of us and now',
        summary: 'Shared values and urgency',
        lessons: [{ key: 'shared-values', title: 'Shared values', duration: 60 }],
        exercises: [{ key: 'story-of-now', title: 'Story of now', submissionKind: 'both' }],
      },
    ]);
    expect(res.body.completion).toEqual({ minAttendancePercent: 75, requiredExercises: 'all', finalReview: false });
    expect(JSON.stringify(res.body)).not.toContain('rubric');

    const fr = await request(t.url).get('/api/courses/public-narrative').set('accept-language', 'fr').expect(200);
    expect(fr.body).toMatchObject({ textLocale: 'ar', fallback: true, displayTitle: 'السرد العام' });
    expect(fr.body.modules[0].title).toBe('قصة الذات');
  });

  it('lists open and running cohorts soonest first with seats left after allocations; hides drafts and completed ones', async () => {
    const res = await request(t.url).get('/api/courses/strategic-nonviolence').set('accept-language', 'en').expect(200);
    expect(res.body.cohorts).toEqual([
      {
        id: soon,
        courseSlug: 'strategic-nonviolence',
        courseTitle: 'Strategic Nonviolence',
        name: { ar: 'دفعة', en: 'Cohort' },
        displayName: 'Cohort',
        status: 'running',
        startsOn: '2030-02-01',
        endsOn: '2030-03-01',
        timeZone: 'Asia/Amman',
        online: true,
        city: {},
        displayCity: '',
        capacity: 3,
        seatsLeft: 1,
        waitlisted: 1,
        enrollmentMode: 'application',
      },
      expect.objectContaining({ id: later, displayName: 'Najaf cohort', displayCity: 'Najaf', online: false, timeZone: 'Asia/Baghdad', capacity: 12, seatsLeft: 5, waitlisted: 0, status: 'open' }),
    ]);
    // 12 places: 2 public trainees, 5 held by the forum (1 of them used) → 5 left for the public.
  });

  it('answers 404 for an unknown or malformed slug', async () => {
    const none = await request(t.url).get('/api/courses/no-such-course').expect(404);
    expect(none.body.code).toBe('not_found');
    await request(t.url).get('/api/courses/Public%20Narrative').expect(404);
    await request(t.url).get(`/api/courses/${'a'.repeat(101)}`).expect(404);
    await request(t.url).get("/api/courses/x'%20OR%201=1").expect(404);
  });

  it('shows the newest version after a re-import, while a cohort keeps the version it pinned', async () => {
    const pinned = await cohort('campaign-management', {}, 'open');
    await insertCourse(t, courseContent({ slug: 'campaign-management', title: { ar: 'إدارة الحملات', en: 'Campaign Management' }, locales: ['ar', 'en'] }));
    const res = await request(t.url).get('/api/courses/campaign-management').set('accept-language', 'en').expect(200);
    expect(res.body).toMatchObject({ version: 2, moduleCount: 2 });
    expect((await request(t.url).get(`/api/cohorts/${pinned}`).expect(200)).body.courseVersion).toBe(1);
  });

  it('runs the same number of queries whatever the number of cohorts and courses (no N+1)', async () => {
    const page = () => request(t.url).get('/api/courses/campaign-management').expect(200);
    const list = () => request(t.url).get('/api/courses?pageSize=100').expect(200);
    const staff = () => request(t.url).get('/api/me/cohorts?pageSize=100').set('authorization', bearer(admin)).expect(200);
    const before = { page: await queriesDuring(page), list: await queriesDuring(list), staff: await queriesDuring(staff) };
    expect(Object.values(before).every((n) => n > 0 && n <= 8)).toBe(true);
    for (let i = 0; i < 6; i++) await cohort('campaign-management', { capacity: 5 + i }, i % 2 ? 'open' : 'running');
    for (let i = 0; i < 4; i++) await insertCourse(t, courseContent({ slug: `extra-course-${i}` }));
    expect((await page()).body.cohorts.length).toBeGreaterThanOrEqual(7);
    expect({ page: await queriesDuring(page), list: await queriesDuring(list), staff: await queriesDuring(staff) }).toEqual(before);
  });
});
