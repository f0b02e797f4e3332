import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { bearer, registerAccount, sql, type Account } from './fixtures';
import { addMember, allocateSeats, join, makeCohort, makeOrganization } from './enrollment-fixtures';

/**
 * Many real HTTP requests at the same moment against the real database: the cohort row lock must keep every
 * cohort within its capacity, whatever the interleaving.
 */
let t: TestApp;
beforeAll(async () => {
  t = await bootApp();
});
afterAll(async () => {
  await t.close();
});

/** `n` accounts, registered a few at a time (password hashing is the slow part). */
async function accountsInBatches(n: number): Promise<Account[]> {
  const result: Account[] = [];
  while (result.length < n) result.push(...(await Promise.all(Array.from({ length: Math.min(8, n - result.length) }, () => registerAccount(t)))));
  return result;
}

async function countByStatus(cohortId: string): Promise<Record<string, number>> {
  const rows = await sql<{ status: string; n: number }>(t, 'SELECT status, count(*)::int AS n FROM enrollments WHERE cohort_id = $1 GROUP BY status', [cohortId]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

const patchMine = (by: Account, id: string, body: Record<string, unknown>) => request(t.url).patch(`/api/me/enrollments/${id}`).set('authorization', bearer(by)).send(body);

describe('concurrent enrollment', () => {
  let people: Account[];
  let cohortId: string;
  let responses: request.Response[];

  beforeAll(async () => {
    people = await accountsInBatches(40);
    cohortId = await makeCohort(t, { capacity: 10 });
    responses = await Promise.all(people.map((p) => join(t, p, cohortId)));
  });

  it('40 people enrolling at once into 10 places: exactly 10 active and 30 waitlisted, every request answered 201', async () => {
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(201));
    const byStatus = responses.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.body.status as string]: (acc[r.body.status as string] ?? 0) + 1 }), {});
    expect(byStatus).toEqual({ active: 10, waitlisted: 30 });
    expect(await countByStatus(cohortId)).toEqual({ active: 10, waitlisted: 30 });
    // Each waitlisted person was told a distinct place in the queue, 1 to 30.
    const positions = responses.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.waitlistPosition as number);
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await sql(t, 'SELECT count(*)::int AS n FROM enrollment_events ev JOIN enrollments e ON e.id = ev.enrollment_id WHERE e.cohort_id = $1', [cohortId])).toEqual([{ n: 40 }]);
    expect(
      await sql(t, `SELECT count(*)::int AS n FROM outbox_messages WHERE dedupe_key IN (SELECT 'enrollment-event:' || ev.id FROM enrollment_events ev JOIN enrollments e ON e.id = ev.enrollment_id WHERE e.cohort_id = $1)`, [cohortId]),
    ).toEqual([{ n: 40 }]);
  });

  it('two withdrawals at once promote exactly the two earliest waitlisted people', async () => {
    const active = responses.filter((r) => r.body.status === 'active').slice(0, 2);
    const leaving = active.map((r) => ({ account: people[responses.indexOf(r)], id: r.body.id as string }));
    const firstTwo = responses
      .filter((r) => r.body.status === 'waitlisted')
      .sort((a, b) => (a.body.waitlistPosition as number) - (b.body.waitlistPosition as number))
      .slice(0, 2)
      .map((r) => r.body.id as string);

    const results = await Promise.all(leaving.map((l) => patchMine(l.account, l.id, { status: 'withdrawn' })));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await countByStatus(cohortId)).toEqual({ active: 10, waitlisted: 28, withdrawn: 2 });
    const promoted = await sql<{ id: string }>(t, `SELECT e.id FROM enrollments e JOIN enrollment_events ev ON ev.enrollment_id = e.id WHERE e.cohort_id = $1 AND ev.from_status = 'waitlisted' AND ev.to_status = 'active'`, [cohortId]);
    expect(promoted.map((p) => p.id).sort()).toEqual([...firstTwo].sort());
    expect(await sql(t, `SELECT payload->>'template' AS template, count(*)::int AS n FROM outbox_messages WHERE payload->>'template' = 'enrollment_promoted' GROUP BY 1`)).toEqual([{ template: 'enrollment_promoted', n: 2 }]);
  });
});

describe('nominations racing public enrollments', () => {
  it('never exceed the capacity, and never the organization’s seats', async () => {
    const manager = await registerAccount(t);
    const orgId = await makeOrganization(t, { en: 'Racing Org' });
    await addMember(t, orgId, manager, 'manager');
    const staff = await accountsInBatches(5);
    for (const s of staff) await addMember(t, orgId, s);
    const members = await accountsInBatches(15);
    const cohortId = await makeCohort(t, { capacity: 10 });
    await allocateSeats(t, cohortId, orgId, 3);

    const nominations = staff.map((s) => request(t.url).post(`/api/organizations/${orgId}/seats/${cohortId}/nominations`).set('authorization', bearer(manager)).send({ userId: s.id }));
    const joins = members.map((m) => join(t, m, cohortId));
    const [nominated, joined] = await Promise.all([Promise.all(nominations), Promise.all(joins)]);

    expect(nominated.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
    expect(nominated.filter((r) => r.status === 409).map((r) => r.body.code as string)).toEqual(['seats.full', 'seats.full']);
    expect(joined.map((r) => r.status)).toEqual(Array(15).fill(201));
    expect(joined.filter((r) => r.body.status === 'active')).toHaveLength(7);
    const [{ active, sponsored }] = await sql<{ active: number; sponsored: number }>(
      t,
      `SELECT count(*) FILTER (WHERE status = 'active')::int AS active, count(*) FILTER (WHERE status = 'active' AND sponsoring_organization_id IS NOT NULL)::int AS sponsored FROM enrollments WHERE cohort_id = $1`,
      [cohortId],
    );
    expect({ active, sponsored }).toEqual({ active: 10, sponsored: 3 });
  });

  it('a single-use invite code admits exactly one of many people redeeming it at once', async () => {
    const { createHash, randomBytes } = await import('node:crypto');
    const cohortId = await makeCohort(t, { enrollmentMode: 'invite', capacity: 10 });
    const code = randomBytes(32).toString('base64url');
    await sql(t, 'INSERT INTO cohort_invite_codes (cohort_id, code_hash, max_uses) VALUES ($1, $2, 1)', [cohortId, createHash('sha256').update(code).digest('hex')]);
    const people = await accountsInBatches(6);

    const results = await Promise.all(people.map((p) => join(t, p, cohortId, { inviteCode: code })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
    expect(await sql(t, 'SELECT uses FROM cohort_invite_codes WHERE cohort_id = $1', [cohortId])).toEqual([{ uses: 1 }]);
    expect(await countByStatus(cohortId)).toEqual({ active: 1 });
  });
});
