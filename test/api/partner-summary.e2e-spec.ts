import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { addMember, allocateSeats, makeCohort, makeOrganization } from './enrollment-fixtures';
import { adminAccount, bearer, registerAccount, sql, type Account } from './fixtures';
import { bulkStaff, certificateFor, staffEnrollment } from './partner-fixtures';
import { makeCircle } from './session-fixtures';

let t: TestApp;
let admin: Account;
let manager: Account;
let otherManager: Account;
let layla: Account;
let laylaEnrollment: string;
let orgId: string;
let spring: string;
let longCohort: string;
let work: string;

const REVIEW_DIR = resolve(__dirname, '../../var/review/partner-summary');

interface Timeline {
  period: 'week' | 'month';
  items: { periodStart: string; held: number; attended: number; rate: number | null }[];
}

/** A session of the circle at a fixed instant (Amman time), straight in the database. */
async function sessionAt(circleId: string, startsAt: string): Promise<string> {
  const [row] = await sql<{ id: string }>(t, `INSERT INTO circle_sessions (circle_id, starts_at, duration_minutes, time_zone, status) VALUES ($1, $2, 90, 'Asia/Amman', 'scheduled') RETURNING id`, [
    circleId,
    startsAt,
  ]);
  return row.id;
}

async function mark(sessionId: string, marks: Record<string, 'present' | 'late' | 'absent'>): Promise<void> {
  for (const [enrollmentId, status] of Object.entries(marks)) await sql(t, `INSERT INTO attendance (session_id, enrollment_id, status) VALUES ($1, $2, $3)`, [sessionId, enrollmentId, status]);
}

beforeAll(async () => {
  t = await bootApp({ BENCH_COUNT_QUERIES: '1' });
  work = mkdtempSync(join(tmpdir(), 'partner-summary-'));
  admin = await adminAccount(t);
  manager = await registerAccount(t, { nameLatin: 'Maha Manager' });
  otherManager = await registerAccount(t, { nameLatin: 'Other Manager' });
  orgId = await makeOrganization(t, { ar: 'جمعية أهل', en: 'Ahel Association', fr: 'Association Ahel' });
  const otherOrgId = await makeOrganization(t, { en: 'Someone Else' });
  await addMember(t, orgId, manager, 'manager');
  await addMember(t, otherOrgId, otherManager, 'manager');

  const trainer = await registerAccount(t, { nameLatin: 'Rana Trainer' });
  spring = await makeCohort(t, { leadTrainer: trainer, status: 'running', name: { ar: 'دفعة عمّان', en: 'Amman spring', fr: 'Printemps à Amman' } });
  longCohort = await makeCohort(t, { leadTrainer: trainer, status: 'completed', name: { ar: 'دفعة تونس', en: 'Tunis long course', fr: 'Long cours à Tunis' }, startsOn: '2025-10-01', endsOn: '2026-05-30' });
  await allocateSeats(t, spring, orgId, 5);
  await allocateSeats(t, longCohort, orgId, 2);
  const circle = await makeCircle(t, spring);
  const longCircle = await makeCircle(t, longCohort, { name: { en: 'Tunis circle' } });

  // Amman: three sessions over two ISO weeks (Tue 3 and Thu 5 March, Wed 11 March 2026).
  layla = await registerAccount(t, { nameLatin: 'Layla Haddad', nameArabic: 'ليلى حداد' });
  laylaEnrollment = await staffEnrollment(t, orgId, spring, layla, { circleId: circle });
  const nadia = await staffEnrollment(t, orgId, spring, await registerAccount(t, { nameLatin: 'Nadia Hidden' }), { consent: false, circleId: circle });
  const omar = await staffEnrollment(t, otherOrgId, spring, await registerAccount(t, { nameLatin: 'Omar Elsewhere' }), { circleId: circle });
  const [s1, s2, s3] = [await sessionAt(circle, '2026-03-03T07:00:00Z'), await sessionAt(circle, '2026-03-05T07:00:00Z'), await sessionAt(circle, '2026-03-11T07:00:00Z')];
  await mark(s1, { [laylaEnrollment]: 'present', [nadia]: 'present', [omar]: 'present' });
  await mark(s2, { [laylaEnrollment]: 'late', [nadia]: 'present', [omar]: 'present' });
  await mark(s3, { [laylaEnrollment]: 'absent', [nadia]: 'present', [omar]: 'present' });
  // A session after midnight in Amman but before it in UTC falls on its Amman day: Monday 9 March.
  const late = await sessionAt(circle, '2026-03-08T22:30:00Z');
  await mark(late, { [laylaEnrollment]: 'present' });

  // Tunis: completed and certified, sessions in October 2025 and May 2026 (more than 26 weeks apart).
  const karim = await staffEnrollment(t, orgId, longCohort, await registerAccount(t, { nameLatin: 'Karim Certified' }), { status: 'completed', circleId: longCircle });
  await certificateFor(t, karim);
  const [t1, t2] = [await sessionAt(longCircle, '2025-10-06T07:00:00Z'), await sessionAt(longCircle, '2026-05-04T07:00:00Z')];
  await mark(t1, { [karim]: 'present' });
  await mark(t2, { [karim]: 'absent' });
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await t.close();
});

const get = (path: string, who: Account, lang = 'en') => request(t.url).get(path).set('authorization', bearer(who)).set('accept-language', lang);

async function timeline(query = '', who: Account = manager): Promise<Timeline> {
  const res = await get(`/api/organizations/${orgId}/attendance-timeline${query ? `?${query}` : ''}`, who);
  expect(res.status).toBe(200);
  return res.body as Timeline;
}

describe('attendance over time', () => {
  it('counts the consenting staff’s sessions per ISO week on the day they fell in their own time zone', async () => {
    expect(await timeline(`cohortId=${spring}`)).toEqual({
      period: 'week',
      items: [
        { periodStart: '2026-03-02', held: 2, attended: 2, rate: 1 },
        // 11 March (absent) and the session at 01:30 on Monday 9 March in Amman (present); Nadia (no consent) and
        // Omar (another organization) are not counted.
        { periodStart: '2026-03-09', held: 2, attended: 1, rate: 0.5 },
      ],
    });
  });

  it('counts per month, gaps included, when the sessions span more than 26 weeks', async () => {
    const body = await timeline(`cohortId=${longCohort}`);
    expect(body.period).toBe('month');
    expect(body.items.map((i) => i.periodStart)).toEqual(['2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
    expect(body.items[0]).toEqual({ periodStart: '2025-10-01', held: 1, attended: 1, rate: 1 });
    expect(body.items[1]).toEqual({ periodStart: '2025-11-01', held: 0, attended: 0, rate: null });
    expect(body.items[7]).toEqual({ periodStart: '2026-05-01', held: 1, attended: 0, rate: 0 });
    // Without a filter both cohorts are in the months: March holds Layla's four sessions.
    const all = await timeline();
    expect(all.items.find((i) => i.periodStart === '2026-03-01')).toEqual({ periodStart: '2026-03-01', held: 4, attended: 3, rate: 0.75 });
  });

  it('applies the staff-progress filters and answers an empty timeline when nobody matches', async () => {
    expect((await timeline('status=completed')).items.filter((i) => i.held > 0).map((i) => i.periodStart)).toEqual(['2025-10-01', '2026-05-01']);
    expect(await timeline('city=Nowhere')).toEqual({ period: 'week', items: [] });
    const bad = await get(`/api/organizations/${orgId}/attendance-timeline?status=graduated`, manager, 'fr');
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(bad.body)).toContain('status');
  });

  it('drops a trainee the moment they withdraw consent, and brings them back when they give it again', async () => {
    const consent = (consentToShare: boolean) =>
      request(t.url).patch(`/api/me/enrollments/${laylaEnrollment}`).set('authorization', bearer(layla)).send({ consentToShare }).expect(200);
    await consent(false);
    expect(await timeline(`cohortId=${spring}`)).toEqual({ period: 'week', items: [] });
    await consent(true);
    expect((await timeline(`cohortId=${spring}`)).items).toHaveLength(2);
  });

  it('is the same for an admin, and 404 for a manager of another organization, a trainee or an unknown organization', async () => {
    expect((await timeline(`cohortId=${spring}`, admin)).items).toHaveLength(2);
    for (const who of [otherManager, layla]) {
      const res = await get(`/api/organizations/${orgId}/attendance-timeline`, who);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('2026-03');
    }
    expect((await get('/api/organizations/00000000-0000-4000-8000-000000000000/attendance-timeline', admin)).status).toBe(404);
  });

  it('sends the same number of SQL queries for 5 and for 50 staff', async () => {
    const counts: number[] = [];
    for (const size of [5, 50]) {
      const organizationId = await makeOrganization(t, { en: `Timeline ${size}` });
      const boss = await registerAccount(t);
      await addMember(t, organizationId, boss, 'manager');
      const cohortId = await makeCohort(t, { capacity: 100 });
      const circleId = await makeCircle(t, cohortId);
      await sessionAt(circleId, '2026-03-03T07:00:00Z');
      await bulkStaff(t, organizationId, cohortId, circleId, size, `timeline-${size}`);
      const count = async () => (await request(t.url).get('/api/bench/query-count')).body.queries as number;
      const before = await count();
      const res = await get(`/api/organizations/${organizationId}/attendance-timeline`, boss);
      const after = await count();
      expect(res.body.items).toEqual([{ periodStart: '2026-03-02', held: size, attended: 0, rate: 0 }]);
      counts.push(after - before);
    }
    expect(counts[0]).toBe(counts[1]);
    // The caller's session, access, the consenting staff's sessions by day (the staff are selected inside that query).
    expect(counts[0]).toBeLessThanOrEqual(3);
  });
});

/** pdftotext reverses right-to-left stretches inside RLE…PDF; undo it to read the logical text (as certificate-pdf.spec.ts does). */
function logicalText(popplerText: string): string {
  return popplerText.replace(/\u202B([^\u202C]*)\u202C/g, (_, rtl: string) => [...rtl].reverse().join('')).replace(/[\u202A-\u202E]/g, '');
}

async function summaryPdf(lang: string, query = ''): Promise<{ text: string; layout: string; headers: Record<string, string> }> {
  const res = await get(`/api/organizations/${orgId}/summary.pdf${query}`, manager, lang).buffer(true);
  expect(res.status).toBe(200);
  const pdf = Buffer.from(res.body as Buffer);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const file = join(work, `summary-${lang}.pdf`);
  writeFileSync(file, pdf);
  // A picture of the first page for a person to look at (var/review is not committed).
  mkdirSync(REVIEW_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', file, join(REVIEW_DIR, `summary-${lang}`)]);
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  return {
    text: logicalText(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })).replace(/\s+/g, ' '),
    layout: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    headers: res.headers,
  };
}

describe('printable summary', () => {
  it('is an A4 PDF download named after the organization and the day, with the funnel, seats and per-cohort figures in English', async () => {
    const { text, layout, headers } = await summaryPdf('en');
    const today = new Date().toISOString().slice(0, 10);
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['content-disposition']).toBe(`attachment; filename="staff-summary-ahel-association-${today}.pdf"`);
    for (const words of ['Staff progress summary', 'Ahel Association', 'Filters: None: all staff of the organization', 'Seats per cohort', 'Progress per cohort']) expect(text).toContain(words);
    // Funnel: Layla and Karim enrolled and took part, Karim completed with a certificate; Nadia only counted as hidden.
    expect(layout).toMatch(/Enrolled\s+2\b/);
    expect(layout).toMatch(/Took part\s+2\b/);
    expect(layout).toMatch(/Completed\s+1\b/);
    expect(layout).toMatch(/Certified\s+1\b/);
    expect(text).toContain('1 staff member has not agreed to share their progress and is not counted.');
    // Seats (Amman: Layla and Nadia take 2 of 5) and the per-cohort rows with average attendance (Layla 3 of 4, Karim 1 of 2).
    expect(layout).toMatch(/Amman spring — Public Narrative\s+5\s+2\s+3/);
    expect(layout).toMatch(/Amman spring — Public Narrative\s+1\s+1\s+0\s+0\s+75%/);
    expect(layout).toMatch(/Tunis long course — Public Narrative\s+1\s+1\s+1\s+1\s+50%/);
    // Aggregates only: nobody is named.
    for (const name of ['Layla', 'Nadia', 'Karim', 'Omar']) expect(text).not.toContain(name);
  });

  it('reads right to left in Arabic, with the filters applied named', async () => {
    const { text } = await summaryPdf('ar', `?cohortId=${spring}&status=active`);
    for (const words of ['ملخّص تقدّم الفريق', 'جمعية أهل', 'الدفعة: دفعة عمّان', 'حالة التسجيل: مشارك', 'عضو واحد من الفريق لم يوافق على مشاركة تقدّمه فلا يُحتسب.', 'متوسط الحضور']) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('دفعة تونس');
  });

  it('is in French for a French reader', async () => {
    const { text } = await summaryPdf('fr');
    for (const words of ['Synthèse de la progression de l’équipe', 'Association Ahel', 'Places par promotion', 'Assiduité moyenne']) expect(text).toContain(words);
  });

  it('is 404 for a manager of another organization and a trainee', async () => {
    for (const who of [otherManager, layla]) {
      const res = await get(`/api/organizations/${orgId}/summary.pdf`, who);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});
