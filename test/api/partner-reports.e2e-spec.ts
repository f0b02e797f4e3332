import { formatVerificationCode } from '@halaqa/certificates';
import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { heldSession } from './certificate-fixtures';
import { addMember, allocateSeats, makeCohort, makeOrganization } from './enrollment-fixtures';
import { adminAccount, bearer, registerAccount, sql, type Account } from './fixtures';
import { bulkStaff, certificateFor, reviewedWork, staffEnrollment } from './partner-fixtures';
import { makeAssignment } from './review-fixtures';
import { makeCircle } from './session-fixtures';

/** Words that live only in submissions, reviews and feedback: a partner report must never carry them. */
const PRIVATE_WORDS = ['Zarqa-private-story-7731', 'Coach-private-feedback-4410', 'Thread-private-comment-9902'];

let t: TestApp;
let admin: Account;
let manager: Account;
let otherManager: Account;
let orgId: string;
let otherOrgId: string;
let amman: string;
let tunis: string;
let tunisSlug: string;
let layla: Account;
let laylaEnrollment: string;
let karimEnrollment: string;
let karimCode: string;
let nadia: Account;
let nadiaEnrollment: string;

interface Item {
  enrollmentId: string;
  trainee: { nameArabic: string; nameLatin: string; displayName: string };
  cohort: { id: string; displayName: string; courseSlug: string; courseTitle: string; displayCity: string; status: string; startsOn: string; endsOn: string };
  status: string;
  placement: string;
  attendance: { held: number; attended: number; rate: number | null };
  assignments: { required: number; passed: number };
  certificate: { code: string; status: string; verifyUrl: string } | null;
}
interface Page {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
  summary: {
    funnel: { enrolled: number; active: number; completed: number; certified: number };
    seats: { cohort: { id: string; displayName: string }; seats: number; used: number; free: number }[];
    hiddenCount: number;
  };
}

beforeAll(async () => {
  t = await bootApp({ BENCH_COUNT_QUERIES: '1', PUBLIC_WEB_URL: 'https://halaqa.example' });
  admin = await adminAccount(t);
  manager = await registerAccount(t, { nameLatin: 'Maha Manager' });
  otherManager = await registerAccount(t, { nameLatin: 'Other Manager' });
  orgId = await makeOrganization(t, { ar: 'جمعية أهل', en: 'Ahel Association' });
  otherOrgId = await makeOrganization(t, { en: 'Someone Else' });
  await addMember(t, orgId, manager, 'manager');
  await addMember(t, otherOrgId, otherManager, 'manager');

  const trainer = await registerAccount(t, { nameLatin: 'Rana Trainer' });
  amman = await makeCohort(t, { leadTrainer: trainer, status: 'running', name: { ar: 'دفعة عمّان', en: 'Amman spring' } });
  tunis = await makeCohort(t, { leadTrainer: trainer, status: 'completed', name: { ar: 'دفعة تونس', en: 'Tunis autumn', fr: 'Automne à Tunis' }, city: { ar: 'تونس', en: 'Tunis', fr: 'Tunis' }, startsOn: '2025-10-01', endsOn: '2025-12-20' });
  [{ slug: tunisSlug }] = await sql<{ slug: string }>(t, `SELECT cr.slug FROM cohorts co JOIN courses cr ON cr.id = co.course_id WHERE co.id = $1`, [tunis]);
  await allocateSeats(t, amman, orgId, 5);
  await allocateSeats(t, tunis, orgId, 2);
  await allocateSeats(t, amman, otherOrgId, 3);
  const circle = await makeCircle(t, amman);
  const stories = [await makeAssignment(t, amman, 1, { en: 'Story of self' }), await makeAssignment(t, amman, 2, { en: 'Story of us' })];

  // Layla: active in Amman, attended 1 of 2 sessions held, passed the first exercise (its text and feedback are private).
  layla = await registerAccount(t, { nameLatin: 'Layla Haddad', nameArabic: 'ليلى حداد' });
  laylaEnrollment = await staffEnrollment(t, orgId, amman, layla, { circleId: circle });
  const [s1, s2] = [await heldSession(t, circle, 10), await heldSession(t, circle, 3)];
  await sql(t, `INSERT INTO attendance (session_id, enrollment_id, status) VALUES ($1, $3, 'present'), ($2, $3, 'absent')`, [s1, s2, laylaEnrollment]);
  await reviewedWork(t, stories[0], laylaEnrollment, { text: PRIVATE_WORDS[0], feedback: PRIVATE_WORDS[1], comment: PRIVATE_WORDS[2], passed: true });
  await sql(t, `INSERT INTO final_reviews (enrollment_id, passed, note) VALUES ($1, true, $2)`, [laylaEnrollment, PRIVATE_WORDS[1]]);

  // Karim: completed in Tunis with a certificate; his name would be a formula in a spreadsheet.
  const karim = await registerAccount(t, { nameLatin: '=HYPERLINK("http://evil.example","Karim")', nameArabic: 'كريم' });
  karimEnrollment = await staffEnrollment(t, orgId, tunis, karim, { status: 'completed' });
  karimCode = await certificateFor(t, karimEnrollment);

  // Nadia: staff in Amman who has not consented; Omar: consenting staff of the other organization; Sara: no sponsor.
  nadia = await registerAccount(t, { nameLatin: 'Nadia Hidden', nameArabic: 'نادية' });
  nadiaEnrollment = await staffEnrollment(t, orgId, amman, nadia, { consent: false, circleId: circle });
  await staffEnrollment(t, otherOrgId, amman, await registerAccount(t, { nameLatin: 'Omar Elsewhere' }));
  await staffEnrollment(t, null, amman, await registerAccount(t, { nameLatin: 'Sara Public' }));
});

afterAll(async () => {
  await t.close();
});

const get = (path: string, who: Account, lang = 'en') => request(t.url).get(path).set('authorization', bearer(who)).set('accept-language', lang);
const progress = async (who: Account, query = '', lang = 'en', organizationId = orgId): Promise<Page> => {
  const res = await get(`/api/organizations/${organizationId}/staff-progress${query ? `?${query}` : ''}`, who, lang);
  if (res.status !== 200) throw new Error(`staff-progress answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Page;
};
const csvOf = async (who: Account, query = '', lang = 'en'): Promise<string> => {
  const res = await get(`/api/organizations/${orgId}/completion.csv${query ? `?${query}` : ''}`, who, lang)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  return (res.body as Buffer).toString('utf8');
};
const names = (page: Page) => page.items.map((i) => i.trainee.nameLatin);
const setConsent = (consentToShare: boolean) =>
  request(t.url).patch(`/api/me/enrollments/${nadiaEnrollment}`).set('authorization', bearer(nadia)).send({ consentToShare }).expect(200);

describe('GET /api/organizations/{id}/staff-progress', () => {
  it('lists the consenting staff with attendance, exercises passed and certificate, and sums them up', async () => {
    const page = await progress(manager);
    expect(names(page)).toEqual(['=HYPERLINK("http://evil.example","Karim")', 'Layla Haddad']);
    const laylaItem = page.items.find((i) => i.enrollmentId === laylaEnrollment);
    expect(laylaItem).toEqual({
      enrollmentId: laylaEnrollment,
      trainee: { nameArabic: 'ليلى حداد', nameLatin: 'Layla Haddad', displayName: 'Layla Haddad' },
      cohort: { id: amman, displayName: 'Amman spring', courseSlug: expect.any(String), courseTitle: 'Public Narrative', displayCity: 'Amman', online: false, status: 'running', startsOn: '2026-03-01', endsOn: '2026-04-30' },
      status: 'active',
      placement: 'seat',
      attendance: { held: 2, attended: 1, rate: 0.5 },
      assignments: { required: 2, passed: 1 },
      certificate: null,
    });
    expect(page.items.find((i) => i.enrollmentId === karimEnrollment)).toMatchObject({
      status: 'completed',
      attendance: { held: 0, attended: 0, rate: null },
      assignments: { required: 0, passed: 0 },
      certificate: { code: formatVerificationCode(karimCode), status: 'issued', verifyUrl: `https://halaqa.example/verify/${karimCode}` },
    });
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(page.summary.funnel).toEqual({ enrolled: 2, active: 2, completed: 1, certified: 1 });
    expect(page.summary.hiddenCount).toBe(1);
    // Seats count everyone placed who takes part (Layla and Nadia in Amman), consenting or not; soonest cohort first.
    expect(page.summary.seats.map((s) => [s.cohort.displayName, s.seats, s.used, s.free])).toEqual([
      ['Tunis autumn', 2, 1, 1],
      ['Amman spring', 5, 2, 3],
    ]);
  });

  it('names people and cohorts in the caller’s language', async () => {
    const page = await progress(manager, `cohortId=${amman}`, 'ar');
    expect(page.items.map((i) => [i.trainee.displayName, i.cohort.displayName, i.cohort.courseTitle, i.cohort.displayCity])).toEqual([['ليلى حداد', 'دفعة عمّان', 'السرد العام', 'عمّان']]);
  });

  it('filters by cohort, course, city (in any of its languages) and status, and pages', async () => {
    expect(names(await progress(manager, `cohortId=${amman}`))).toEqual(['Layla Haddad']);
    expect(names(await progress(manager, `courseSlug=${tunisSlug}`))).toEqual(['=HYPERLINK("http://evil.example","Karim")']);
    expect(names(await progress(manager, `city=${encodeURIComponent('تونس')}`))).toEqual(['=HYPERLINK("http://evil.example","Karim")']);
    expect(names(await progress(manager, 'city=AMMAN'))).toEqual(['Layla Haddad']);
    expect(names(await progress(manager, 'status=completed'))).toEqual(['=HYPERLINK("http://evil.example","Karim")']);
    expect(names(await progress(manager, 'status=withdrawn'))).toEqual([]);
    const filtered = await progress(manager, `cohortId=${amman}`);
    expect(filtered.summary).toMatchObject({ funnel: { enrolled: 1, active: 1, completed: 0, certified: 0 }, hiddenCount: 1 });
    expect(filtered.summary.seats.map((s) => s.cohort.id)).toEqual([amman]);
    const second = await progress(manager, 'page=2&pageSize=1');
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(names(second)).toEqual(['Layla Haddad']);
    expect(await progress(manager, 'page=3&pageSize=1')).toMatchObject({ items: [], total: 2 });
  });

  it('refuses bad filters with a problem in the caller’s language', async () => {
    const res = await get(`/api/organizations/${orgId}/staff-progress?status=graduated&pageSize=500`, manager, 'fr');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.title).toBe('Certains champs sont à revoir');
    const errors = (res.body as { errors: { field: string; message: string }[] }).errors.sort((a, b) => a.field.localeCompare(b.field));
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['pageSize', 'Doit être au plus 100.'],
      ['status', expect.stringMatching(/^Doit être l’une des valeurs : applied, waitlisted, active/)],
    ]);
    expect((await get(`/api/organizations/${orgId}/staff-progress?cohortId=nope`, manager)).status).toBe(422);
  });

  it('is 404 to a manager of another organization — the same answer as for no organization at all', async () => {
    const foreign = await get(`/api/organizations/${orgId}/staff-progress`, otherManager);
    const missing = await get(`/api/organizations/00000000-0000-4000-8000-000000000000/staff-progress`, otherManager);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(foreign.body).toMatchObject({ code: 'not_found' });
    expect((await get(`/api/organizations/${orgId}/completion.csv`, otherManager)).status).toBe(404);
    // Staff, trainees and strangers too; the other organization's manager sees only Omar in their own report.
    for (const who of [layla, nadia]) {
      expect((await get(`/api/organizations/${orgId}/staff-progress`, who)).status).toBe(404);
      expect((await get(`/api/organizations/${orgId}/completion.csv`, who)).status).toBe(404);
    }
    expect(names(await progress(otherManager, '', 'en', otherOrgId))).toEqual(['Omar Elsewhere']);
    expect(names(await progress(admin))).toHaveLength(2);
    expect((await request(t.url).get(`/api/organizations/${orgId}/staff-progress`)).status).toBe(401);
  });

  it('shows a staff member the moment they consent and hides them the moment they withdraw it', async () => {
    expect(names(await progress(manager))).not.toContain('Nadia Hidden');
    expect(await csvOf(manager)).not.toContain('Nadia Hidden');

    await setConsent(true);
    const shown = await progress(manager);
    expect(names(shown)).toContain('Nadia Hidden');
    expect(shown.summary).toMatchObject({ hiddenCount: 0, funnel: { enrolled: 3 } });
    expect(await csvOf(manager)).toContain('Nadia Hidden');

    await setConsent(false);
    const hidden = await progress(manager);
    expect(names(hidden)).not.toContain('Nadia Hidden');
    expect(hidden.summary).toMatchObject({ hiddenCount: 1, funnel: { enrolled: 2 } });
    expect(await csvOf(manager)).not.toContain('Nadia Hidden');
    expect(await csvOf(manager)).not.toContain('نادية');
  });

  it('carries no submission text, review feedback, comment or final-review note', async () => {
    const bodies = [JSON.stringify(await progress(manager)), JSON.stringify(await progress(admin, '', 'ar')), await csvOf(manager), await csvOf(admin, '', 'fr')];
    for (const body of bodies) for (const word of PRIVATE_WORDS) expect(body).not.toContain(word);
    // Nor anyone's email.
    expect(bodies.join('')).not.toContain(layla.email);
  });
});

describe('GET /api/organizations/{id}/completion.csv', () => {
  it('opens with a BOM and an Arabic header for an Arabic reader, one row per consenting staff member, formulas defused', async () => {
    const res = await get(`/api/organizations/${orgId}/completion.csv`, manager, 'ar');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="completion.csv"');
    const body = await csvOf(manager, '', 'ar');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'الاسم بالعربية,الاسم بالحروف اللاتينية,الدفعة,الدورة,المدينة,تاريخ البدء,تاريخ الانتهاء,حالة التسجيل,اللقاءات المنعقدة,اللقاءات التي حضرها,نسبة الحضور (%),التمارين المطلوبة,التمارين الناجحة,رمز الشهادة,حالة الشهادة,رابط التحقق,طريقة التسجيل',
    );
    expect(lines).toHaveLength(3);
    expect(lines).toContain('ليلى حداد,Layla Haddad,دفعة عمّان,السرد العام,عمّان,2026-03-01,2026-04-30,مشارك,2,1,50,2,1,,,,في أحد مقاعد المنظمة');
    expect(lines).toContain(
      `كريم,"'=HYPERLINK(""http://evil.example"",""Karim"")",دفعة تونس,السرد العام,تونس,2025-10-01,2025-12-20,أتمّ الدورة,0,0,,0,0,${formatVerificationCode(karimCode)},صادرة,https://halaqa.example/verify/${karimCode},في أحد مقاعد المنظمة`,
    );
  });

  it('takes the same filters, with an English header for an English reader', async () => {
    const lines = (await csvOf(manager, 'status=completed')).slice(1).trimEnd().split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['Name (Arabic script)', 'Name (Latin script)', 'Cohort']);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Completed');
    expect(lines[1]).toContain('Issued');
    expect((await csvOf(manager, `cohortId=${amman}`)).slice(1).trimEnd().split('\r\n')).toHaveLength(2);
    expect((await get(`/api/organizations/${orgId}/completion.csv?status=nope`, manager)).status).toBe(422);
  });
});

describe('cost', () => {
  it('sends the same number of SQL queries for 5 and for 50 staff', async () => {
    const counts: number[] = [];
    for (const size of [5, 50]) {
      const organizationId = await makeOrganization(t, { en: `Bench ${size}` });
      const boss = await registerAccount(t);
      await addMember(t, organizationId, boss, 'manager');
      // Spread over two cohorts with assignments, sessions and certificates, so every part of a row is read.
      for (const part of [1, 2]) {
        const cohortId = await makeCohort(t, { capacity: 100 });
        await allocateSeats(t, cohortId, organizationId, size);
        const circleId = await makeCircle(t, cohortId);
        await makeAssignment(t, cohortId, 1, { en: 'One' });
        await heldSession(t, circleId, 2);
        await bulkStaff(t, organizationId, cohortId, circleId, size, `cost-${size}-${part}`);
      }
      const [first] = await sql<{ id: string }>(t, `SELECT id FROM enrollments WHERE sponsoring_organization_id = $1 LIMIT 1`, [organizationId]);
      await certificateFor(t, first.id);
      const count = async () => (await request(t.url).get('/api/bench/query-count')).body.queries as number;
      const before = await count();
      const page = await progress(boss, 'pageSize=100', 'en', organizationId);
      const after = await count();
      expect(page.total).toBe(size * 2);
      counts.push(after - before);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });
});
