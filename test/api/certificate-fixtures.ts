import request from 'supertest';
import type { TestApp } from '../support/app';
import { bearer, sql, type Account } from './fixtures';

/** A session of the circle that started `daysAgo` days ago (held), straight in the database; returns its id. */
export async function heldSession(t: TestApp, circleId: string, daysAgo: number): Promise<string> {
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO circle_sessions (circle_id, starts_at, duration_minutes, time_zone, status) VALUES ($1, now() - make_interval(days => $2), 90, 'Asia/Amman', 'scheduled') RETURNING id`,
    [circleId, daysAgo],
  );
  return row.id;
}

/** Marks attendance through the API as `by` (a coach or the lead trainer); throws unless 200. */
export async function markAttendance(t: TestApp, by: Account, sessionId: string, marks: Record<string, 'present' | 'late' | 'absent' | 'excused'>): Promise<void> {
  const res = await request(t.url)
    .put(`/api/sessions/${sessionId}/attendance`)
    .set('authorization', bearer(by))
    .send({ marks: Object.entries(marks).map(([enrollmentId, status]) => ({ enrollmentId, status })) });
  if (res.status !== 200) throw new Error(`attendance failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Reviews version 1 of a submitted work through the API and releases the review (pass or revise); throws on failure. */
export async function releaseReview(t: TestApp, coach: Account, submissionId: string, decision: 'pass' | 'revise'): Promise<void> {
  const level = decision === 'pass' ? 'proficient' : 'beginning';
  const res = await request(t.url)
    .put(`/api/submissions/${submissionId}/versions/1/review`)
    .set('authorization', bearer(coach))
    .send({ scores: { story: level, choice: level }, feedback: 'ok', decision });
  if (res.status !== 200) throw new Error(`review failed: ${res.status} ${JSON.stringify(res.body)}`);
  const released = await request(t.url).post(`/api/submissions/${submissionId}/versions/1/review/release`).set('authorization', bearer(coach));
  if (released.status !== 200) throw new Error(`release failed: ${released.status} ${JSON.stringify(released.body)}`);
}

/**
 * Makes enrollments complete the default rule (75% attendance, every exercise) straight in the database: one held
 * session each attended, and a passed submission of every assignment of the cohort.
 */
export async function meetRules(t: TestApp, cohortId: string, circleId: string, enrollmentIds: string[]): Promise<void> {
  const sessionId = await heldSession(t, circleId, 3);
  await sql(t, `INSERT INTO attendance (session_id, enrollment_id, status) SELECT $1, unnest($2::uuid[]), 'present'`, [sessionId, enrollmentIds]);
  await sql(
    t,
    `INSERT INTO submissions (assignment_id, enrollment_id, status, latest_version, submitted_at)
     SELECT a.id, e, 'passed', 1, now() FROM assignments a, unnest($2::uuid[]) e WHERE a.cohort_id = $1
     ON CONFLICT DO NOTHING`,
    [cohortId, enrollmentIds],
  );
}

/** `count` trainees enrolled (active) in the cohort and members of the circle since 2020, straight in the database. */
export async function bulkTrainees(t: TestApp, cohortId: string, circleId: string, count: number, prefix: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    t,
    `WITH u AS (INSERT INTO users (email, name_latin, name_arabic) SELECT $2 || '-' || i || '@example.org', 'Bulk ' || $2 || ' ' || i, '' FROM generate_series(1, $3::int) i RETURNING id),
     e AS (INSERT INTO enrollments (cohort_id, user_id, status) SELECT $1, id, 'active' FROM u RETURNING id),
     m AS (INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at) SELECT $4, id, '2020-01-01' FROM e)
     SELECT id FROM e`,
    [cohortId, prefix, count, circleId],
  );
  return rows.map((r) => r.id);
}

