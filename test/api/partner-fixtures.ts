import { generateVerificationCode, normalizeVerificationCode } from '@halaqa/certificates';
import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/app';
import { sql, type Account } from './fixtures';

export interface StaffOptions {
  status?: 'applied' | 'waitlisted' | 'active' | 'withdrawn' | 'completed' | 'rejected';
  consent?: boolean;
  /** Member of this circle since 2020 (so every session held counts). */
  circleId?: string;
  /** false: the trainee named the organization when joining and holds none of its seats (default: placed in a seat). */
  seat?: boolean;
}

/** An enrollment of `account` in the cohort reporting to the organization (sponsored by it unless `seat: false`), straight in the database; returns its id. */
export async function staffEnrollment(t: TestApp, organizationId: string | null, cohortId: string, account: Account, options: StaffOptions = {}): Promise<string> {
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO enrollments (cohort_id, user_id, status, sponsoring_organization_id, reporting_organization_id, consent_to_share) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [cohortId, account.id, options.status ?? 'active', options.seat === false ? null : organizationId, organizationId, options.consent ?? true],
  );
  if (options.circleId) await sql(t, `INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at) VALUES ($1, $2, '2020-01-01')`, [options.circleId, row.id]);
  return row.id;
}

/** A certificate for the enrollment (revision 1, PDF rendered), straight in the database; returns its normalized code. */
export async function certificateFor(t: TestApp, enrollmentId: string, options: { revoked?: boolean } = {}): Promise<string> {
  const code = normalizeVerificationCode(generateVerificationCode());
  await sql(
    t,
    `INSERT INTO certificates (enrollment_id, cohort_id, user_id, code, revision, fields, identity_salt, issued_at, pdf_revision, revoked_at, revocation_reason)
     SELECT e.id, e.cohort_id, e.user_id, $2, 1, '{}', $3, '2026-05-03T10:15:00Z', 1, $4, $5 FROM enrollments e WHERE e.id = $1`,
    [enrollmentId, code, randomBytes(16).toString('hex'), options.revoked ? new Date() : null, options.revoked ? 'Issued by mistake' : null],
  );
  return code;
}

/**
 * A submission of the assignment with version 1 holding `text`, reviewed with `feedback` and a comment `comment`,
 * released; `passed` decides the status. Straight in the database.
 */
export async function reviewedWork(
  t: TestApp,
  assignmentId: string,
  enrollmentId: string,
  words: { text: string; feedback: string; comment: string; passed: boolean },
): Promise<void> {
  const [s] = await sql<{ id: string }>(
    t,
    `INSERT INTO submissions (assignment_id, enrollment_id, status, latest_version, submitted_at) VALUES ($1, $2, $3, 1, '2026-03-10T10:00:00Z') RETURNING id`,
    [assignmentId, enrollmentId, words.passed ? 'passed' : 'returned'],
  );
  const [v] = await sql<{ id: string; author: string }>(
    t,
    `INSERT INTO submission_versions (submission_id, number, text, late, submitted_at) VALUES ($1, 1, $2, false, '2026-03-10T10:00:00Z')
     RETURNING id, (SELECT user_id FROM enrollments WHERE id = $3) AS author`,
    [s.id, words.text, enrollmentId],
  );
  await sql(t, `INSERT INTO reviews (version_id, scores, points, feedback, decision, released_at) VALUES ($1, '{}', 6, $2, $3, now())`, [
    v.id,
    words.feedback,
    words.passed ? 'pass' : 'revise',
  ]);
  await sql(t, `INSERT INTO feedback_comments (version_id, author_id, body) VALUES ($1, $2, $3)`, [v.id, v.author, words.comment]);
}

/** `count` consenting staff of the organization, active in the cohort and members of the circle, straight in the database. */
export async function bulkStaff(t: TestApp, organizationId: string, cohortId: string, circleId: string, count: number, prefix: string): Promise<void> {
  await sql(
    t,
    `WITH u AS (INSERT INTO users (email, name_latin, name_arabic) SELECT $2 || '-' || i || '@example.org', 'Staff ' || $2 || ' ' || i, 'موظف ' || i FROM generate_series(1, $3::int) i RETURNING id),
     e AS (INSERT INTO enrollments (cohort_id, user_id, status, sponsoring_organization_id, reporting_organization_id, consent_to_share) SELECT $1, id, 'active', $5, $5, true FROM u RETURNING id)
     INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at) SELECT $4, id, '2020-01-01' FROM e`,
    [cohortId, prefix, count, circleId, organizationId],
  );
}
