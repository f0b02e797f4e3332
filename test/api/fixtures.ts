import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type { TestApp } from '../support/app';

export const PASSWORD = 'correct horse battery';

/** A unique email per call, so tests in one file never collide. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.org`;
}

export interface Account {
  token: string;
  id: string;
  email: string;
}

/** Registers through the API (the way a person does) and returns the session. */
export async function registerAccount(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Account> {
  const body = { email: uniqueEmail(), password: PASSWORD, nameLatin: 'Layla Haddad', nameArabic: 'ليلى حداد', locale: 'en', timeZone: 'Asia/Amman', ...overrides };
  const res = await request(t.url).post('/api/auth/register').send(body);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, id: res.body.user.id, email: res.body.user.email };
}

/** Runs SQL against the test file's own database. */
export async function sql<T = Record<string, unknown>>(t: TestApp, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A platform admin (there is no public way to become one: set the flag in the database, then sign in again). */
export async function adminAccount(t: TestApp): Promise<Account> {
  const account = await registerAccount(t, { email: uniqueEmail('admin') });
  await sql(t, 'UPDATE users SET is_admin = true WHERE id = $1', [account.id]);
  return account;
}

/** `Authorization` header of an account or of a token taken from a response body. */
export function bearer(account: unknown): string {
  return `Bearer ${account !== null && typeof account === 'object' ? (account as Account).token : String(account)}`;
}

/** Row counts of every table a request could write to: "nothing was written" is these staying equal. */
export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['users', 'sessions', 'password_resets', 'rate_limit_buckets', 'organizations', 'organization_members', 'invitations', 'audit_events', 'outbox_messages', 'cohorts', 'cohort_staff', 'seat_allocations', 'cohort_invite_codes', 'enrollments', 'enrollment_events', 'learning_circles', 'circle_coaches', 'circle_memberships', 'session_series', 'circle_sessions', 'attendance', 'calendar_feeds', 'assignments', 'assignment_extensions', 'submissions', 'submission_versions', 'submission_files', 'reviews', 'feedback_comments'];
  const rows = await sql<{ name: string; n: string }>(t, tables.map((name) => `SELECT '${name}' AS name, count(*) AS n FROM ${name}`).join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}
