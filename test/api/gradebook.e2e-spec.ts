import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { bearer, registerAccount, sql, type Account } from './fixtures';
import { makeAssignment, submitted } from './review-fixtures';
import { circleWorld, makeCircle, putInCircle, type CircleWorld } from './session-fixtures';
import { makeCohort } from './enrollment-fixtures';

let t: TestApp;
let w: CircleWorld;
let mate: Account;
let tricky: Account;
let a1: string;
let a2: string;

interface Cell {
  assignmentId: string;
  status: string;
  points: number | null;
  passed: boolean;
  late: boolean;
}
interface Row {
  displayName: string;
  circle: { displayName: string } | null;
  cells: Cell[];
  passedCount: number;
}

beforeAll(async () => {
  t = await bootApp({ BENCH_COUNT_QUERIES: '1' });
  w = await circleWorld(t);
  mate = await registerAccount(t, { nameLatin: 'Badr Mate', nameArabic: 'بدر' });
  tricky = await registerAccount(t, { nameLatin: '=HYPERLINK("http://evil.example","x")', nameArabic: '' });
  const mateEnrollment = await putInCircle(t, w.cohortId, w.circleId, mate);
  await putInCircle(t, w.cohortId, w.circleId, tricky);
  a2 = await makeAssignment(t, w.cohortId, 2, { ar: 'قصتنا', en: 'Story of us' });
  a1 = await makeAssignment(t, w.cohortId, 1, { ar: 'قصة الذات', en: 'Story of self' });
  // Salma passed the first (released review, 6 points) and handed in the second late; Badr handed in the second earlier.
  const passed = await submitted(t, a1, w.traineeEnrollment, { submittedAt: '2026-03-05T10:00:00Z' });
  await review(passed, w.coach, 'pass', true);
  await submitted(t, a2, w.traineeEnrollment, { submittedAt: '2026-03-22T08:00:00Z', late: true });
  const early = await submitted(t, a2, mateEnrollment, { submittedAt: '2026-03-12T08:00:00Z' });
  await review(early, w.coach, 'pass', false); // a draft review: still in the queue
  // Omar (other circle) was returned on the first.
  const [omar] = await sql<{ id: string }>(t, `SELECT id FROM enrollments WHERE user_id = $1`, [w.otherTrainee.id]);
  const returned = await submitted(t, a1, omar.id, { submittedAt: '2026-03-06T10:00:00Z' });
  await review(returned, w.otherCoach, 'revise', true);
});

afterAll(async () => {
  await t.close();
});

async function review(submissionId: string, coach: Account, decision: 'pass' | 'revise', release: boolean): Promise<void> {
  const level = decision === 'pass' ? 'proficient' : 'beginning';
  const res = await request(t.url)
    .put(`/api/submissions/${submissionId}/versions/1/review`)
    .set('authorization', bearer(coach))
    .send({ scores: { story: level, choice: level }, feedback: 'ok', decision });
  if (res.status !== 200) throw new Error(`review failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (release) await request(t.url).post(`/api/submissions/${submissionId}/versions/1/review/release`).set('authorization', bearer(coach)).expect(200);
}

const get = (path: string, who: Account, lang = 'en') => request(t.url).get(path).set('authorization', bearer(who)).set('accept-language', lang);
const rowsOf = (res: request.Response) => (res.body as { items: Row[] }).items;

describe('grading queue', () => {
  it('lists submitted work without a released review, oldest first, late ones flagged, for the coach’s circles only', async () => {
    const res = await get('/api/me/grading-queue', w.coach);
    expect(res.status).toBe(200);
    const items = (res.body as { items: { trainee: { displayName: string }; assignment: { displayName: string }; late: boolean; hasDraftReview: boolean; submittedAt: string }[] }).items;
    expect(items.map((i) => [i.trainee.displayName, i.assignment.displayName, i.late, i.hasDraftReview])).toEqual([
      ['Badr Mate', 'Story of us', false, true],
      ['Salma Trainee', 'Story of us', true, false],
    ]);
    expect(res.body).toMatchObject({ total: 2, page: 1 });
    // The lead trainer sees the same two; the other circle's coach has nothing waiting; the trainee nothing at all.
    expect((await get(`/api/me/grading-queue?cohortId=${w.cohortId}`, w.trainer)).body.total).toBe(2);
    expect((await get('/api/me/grading-queue', w.otherCoach)).body.total).toBe(0);
    expect((await get('/api/me/grading-queue', w.trainee)).body.total).toBe(0);
    expect((await get(`/api/me/grading-queue?circleId=${w.circleId}&pageSize=1`, w.coach)).body.items).toHaveLength(1);
    expect((await get('/api/me/grading-queue?cohortId=nope', w.coach)).status).toBe(422);
  });
});

describe('gradebook', () => {
  it('shows a row per trainee and a cell per assignment in course order to the lead trainer', async () => {
    const res = await get(`/api/cohorts/${w.cohortId}/gradebook`, w.trainer);
    expect(res.status).toBe(200);
    expect((res.body as { columns: { id: string; title: string; maxPoints: number; passMark: number }[] }).columns).toEqual([
      expect.objectContaining({ id: a1, title: 'Story of self', maxPoints: 6, passMark: 4 }),
      expect.objectContaining({ id: a2, title: 'Story of us', maxPoints: 6, passMark: 4 }),
    ]);
    expect(res.body.total).toBe(4);
    const salma = rowsOf(res).find((r) => r.displayName === 'Salma Trainee')!;
    expect(salma.cells.map((c) => [c.status, c.points, c.passed, c.late])).toEqual([
      ['passed', 6, true, false],
      ['submitted', null, false, true],
    ]);
    expect(salma).toMatchObject({ passedCount: 1, circle: { displayName: 'Weibdeh circle' } });
    const badr = rowsOf(res).find((r) => r.displayName === 'Badr Mate')!;
    // An unreleased review gives no points.
    expect(badr.cells.map((c) => [c.status, c.points])).toEqual([
      ['not_started', null],
      ['submitted', null],
    ]);
    const omar = rowsOf(res).find((r) => r.displayName === 'Omar Other')!;
    expect(omar.cells[0]).toMatchObject({ status: 'returned', points: 2, passed: false });
  });

  it('filters by circle, status and name, and pages', async () => {
    const names = async (query: string) => rowsOf(await get(`/api/cohorts/${w.cohortId}/gradebook?${query}`, w.trainer)).map((r) => r.displayName);
    expect(await names(`status=returned`)).toEqual(['Omar Other']);
    expect(await names(`status=passed`)).toEqual(['Salma Trainee']);
    expect(await names(`q=salma`)).toEqual(['Salma Trainee']);
    expect(await names(`circleId=${w.circleId}&q=badr`)).toEqual(['Badr Mate']);
    const page2 = await get(`/api/cohorts/${w.cohortId}/gradebook?page=2&pageSize=3`, w.trainer);
    expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(rowsOf(page2)).toHaveLength(1);
    expect((await get(`/api/cohorts/${w.cohortId}/gradebook?status=graded`, w.trainer)).status).toBe(422);
    expect((await get(`/api/cohorts/${w.cohortId}/gradebook?pageSize=1000`, w.trainer)).status).toBe(422);
  });

  it('a coach sees only their circles’ rows; anyone else gets 404', async () => {
    const res = await get(`/api/cohorts/${w.cohortId}/gradebook`, w.coach);
    expect(res.status).toBe(200);
    expect(rowsOf(res).map((r) => r.displayName).sort()).toEqual(['=HYPERLINK("http://evil.example","x")', 'Badr Mate', 'Salma Trainee'].sort());
    const other = await get(`/api/cohorts/${w.cohortId}/gradebook`, w.otherCoach);
    expect(rowsOf(other).map((r) => r.displayName)).toEqual(['Omar Other']);
    for (const who of [w.cohortCoach, w.trainee, w.stranger]) {
      expect((await get(`/api/cohorts/${w.cohortId}/gradebook`, who)).status).toBe(404);
      expect((await get(`/api/cohorts/${w.cohortId}/gradebook.csv`, who)).status).toBe(404);
    }
  });

  it('a trainee reads their own row only', async () => {
    const res = await get(`/api/me/gradebook?cohortId=${w.cohortId}`, w.trainee);
    expect(res.status).toBe(200);
    expect((res.body as { row: Row }).row.cells.map((c) => c.status)).toEqual(['passed', 'submitted']);
    expect((await get(`/api/me/gradebook?cohortId=${w.cohortId}`, w.stranger)).status).toBe(404);
  });

  it('streams a CSV with a BOM, an Arabic header for an Arabic reader, and formulas defused', async () => {
    const res = await get(`/api/cohorts/${w.cohortId}/gradebook.csv?circleId=${w.circleId}`, w.trainer, 'ar').buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('المتدرّب,البريد الإلكتروني,الحلقة,قصة الذات,قصتنا,الناجحة');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('HYPERLINK'))).toMatch(/^"'=HYPERLINK\(""http:\/\/evil.example"",""x""\)",/);
    expect(lines.find((l) => l.startsWith('سلمى'))).toContain('ناجح (6),مُسلَّم · متأخر,1');
  });

  it('costs the same number of SQL queries for 5 and for 50 trainees', async () => {
    const trainer = await registerAccount(t, { nameLatin: 'Lead Bench' });
    const counts: number[] = [];
    for (const size of [5, 50]) {
      const cohortId = await makeCohort(t, { leadTrainer: trainer, capacity: 100 });
      const circleId = await makeCircle(t, cohortId);
      const assignments = [await makeAssignment(t, cohortId, 1, { en: 'One' }), await makeAssignment(t, cohortId, 2, { en: 'Two' })];
      await sql(
        t,
        `WITH u AS (INSERT INTO users (email, name_latin) SELECT 'gb-' || $2 || '-' || i || '@example.org', 'Trainee ' || i FROM generate_series(1, $2::int) i RETURNING id),
         e AS (INSERT INTO enrollments (cohort_id, user_id, status) SELECT $1, id, 'active' FROM u RETURNING id)
         INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at) SELECT $3, id, now() FROM e`,
        [cohortId, size, circleId],
      );
      await sql(
        t,
        `INSERT INTO submissions (assignment_id, enrollment_id, status, latest_version, submitted_at)
         SELECT a, e.id, 'submitted', 1, now() FROM enrollments e, unnest($2::uuid[]) a WHERE e.cohort_id = $1`,
        [cohortId, assignments],
      );
      const before = (await request(t.url).get('/api/bench/query-count')).body.queries as number;
      const res = await get(`/api/cohorts/${cohortId}/gradebook?pageSize=100`, trainer);
      const after = (await request(t.url).get('/api/bench/query-count')).body.queries as number;
      expect(rowsOf(res)).toHaveLength(size);
      counts.push(after - before);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(10);
  });
});
