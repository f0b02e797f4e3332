import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { TestApp } from '../support/app';
import { bearer, registerAccount, sql, type Account } from './fixtures';

export interface CohortOptions {
  status?: 'draft' | 'open' | 'running' | 'completed';
  capacity?: number;
  enrollmentMode?: 'open' | 'application' | 'invite';
  applicationQuestions?: { key: string; label: Partial<Record<'ar' | 'en' | 'fr', string>>; required: boolean }[];
  name?: Record<string, string>;
  city?: Record<string, string>;
  timeZone?: string;
  startsOn?: string;
  endsOn?: string;
  /** Made lead trainer of the cohort. */
  leadTrainer?: Account;
  coach?: Account;
}

/** A course (one version) and a cohort of it, inserted straight in the test's database; override any field. */
export async function makeCohort(t: TestApp, options: CohortOptions = {}): Promise<string> {
  const slug = `course-${randomBytes(4).toString('hex')}`;
  const [course] = await sql<{ id: string }>(t, `INSERT INTO courses (slug, title, summary) VALUES ($1, $2, '{}') RETURNING id`, [
    slug,
    { ar: 'السرد العام', en: 'Public Narrative', fr: 'Le récit public' },
  ]);
  const [version] = await sql<{ id: string }>(t, `INSERT INTO course_versions (course_id, version, content_hash, content) VALUES ($1, 1, $2, '{}') RETURNING id`, [course.id, randomBytes(32).toString('hex')]);
  await sql(t, 'UPDATE courses SET current_version_id = $1 WHERE id = $2', [version.id, course.id]);
  const [cohort] = await sql<{ id: string }>(
    t,
    `INSERT INTO cohorts (course_version_id, course_id, name, starts_on, ends_on, time_zone, online, city, capacity, enrollment_mode, application_questions, status, completion_rule)
     VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      version.id,
      course.id,
      options.name ?? { ar: 'دفعة عمّان', en: 'Amman spring', fr: 'Printemps à Amman' },
      options.startsOn ?? '2026-03-01',
      options.endsOn ?? '2026-04-30',
      options.timeZone ?? 'Asia/Amman',
      options.city ?? { ar: 'عمّان', en: 'Amman' },
      options.capacity ?? 10,
      options.enrollmentMode ?? 'open',
      JSON.stringify(options.applicationQuestions ?? []),
      options.status ?? 'open',
      { minAttendancePercent: 75, requiredExercises: 'all', finalReview: false },
    ],
  );
  if (options.leadTrainer) await sql(t, `INSERT INTO cohort_staff (cohort_id, user_id, role) VALUES ($1, $2, 'lead_trainer')`, [cohort.id, options.leadTrainer.id]);
  if (options.coach) await sql(t, `INSERT INTO cohort_staff (cohort_id, user_id, role) VALUES ($1, $2, 'coach')`, [cohort.id, options.coach.id]);
  return cohort.id;
}

/** An organization with a city, straight in the database. */
export async function makeOrganization(t: TestApp, name: Record<string, string>, city: Record<string, string> = { ar: 'رام الله', en: 'Ramallah' }): Promise<string> {
  const [row] = await sql<{ id: string }>(t, `INSERT INTO organizations (name, kind, country, city) VALUES ($1, 'ngo', 'PS', $2) RETURNING id`, [name, city]);
  return row.id;
}

export async function addMember(t: TestApp, organizationId: string, account: Account, role: 'manager' | 'staff' = 'staff'): Promise<void> {
  await sql(t, 'INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, $3)', [organizationId, account.id, role]);
}

export async function allocateSeats(t: TestApp, cohortId: string, organizationId: string, seats: number): Promise<void> {
  await sql(t, 'INSERT INTO seat_allocations (cohort_id, organization_id, seats) VALUES ($1, $2, $3)', [cohortId, organizationId, seats]);
}

/** Joins a cohort through the API; returns the response (status and body). */
export function join(t: TestApp, account: Account, cohortId: string, body: Record<string, unknown> = {}) {
  return request(t.url).post(`/api/cohorts/${cohortId}/enrollments`).set('authorization', bearer(account)).set('accept-language', 'en').send(body);
}

/** `n` fresh accounts, registered one after the other. */
export async function accounts(t: TestApp, n: number, overrides: Record<string, unknown> = {}): Promise<Account[]> {
  const result: Account[] = [];
  for (let i = 0; i < n; i += 1) result.push(await registerAccount(t, overrides));
  return result;
}

/** Status of each enrollment of a cohort, by user id. */
export async function statuses(t: TestApp, cohortId: string): Promise<Record<string, string>> {
  const rows = await sql<{ user_id: string; status: string }>(t, 'SELECT user_id, status FROM enrollments WHERE cohort_id = $1', [cohortId]);
  return Object.fromEntries(rows.map((r) => [r.user_id, r.status]));
}

/** The enrollment emails queued for an enrollment, oldest first (template and locale). */
export async function queuedEmails(t: TestApp, enrollmentId: string): Promise<{ template: string; to: string; locale: string; data: Record<string, string> }[]> {
  const rows = await sql<{ payload: { template: string; to: string; locale: string; data: Record<string, string> } }>(
    t,
    `SELECT o.payload FROM outbox_messages o JOIN enrollment_events ev ON o.dedupe_key = 'enrollment-event:' || ev.id WHERE ev.enrollment_id = $1 ORDER BY ev.created_at, o.created_at`,
    [enrollmentId],
  );
  return rows.map((r) => r.payload);
}
