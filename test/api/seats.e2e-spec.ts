import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { adminAccount, bearer, registerAccount, sql, type Account } from './fixtures';
import { addMember, allocateSeats, join, makeCohort, makeOrganization, queuedEmails, statuses } from './enrollment-fixtures';

let t: TestApp;
let admin: Account;
let manager: Account;
let otherManager: Account;
let orgId: string;
let otherOrgId: string;
beforeAll(async () => {
  t = await bootApp({ PUBLIC_WEB_URL: 'https://halaqa.example' });
  admin = await adminAccount(t);
  manager = await registerAccount(t, { nameLatin: 'Maha Manager' });
  otherManager = await registerAccount(t);
  orgId = await makeOrganization(t, { ar: 'جمعية أهل', en: 'Ahel Association' });
  otherOrgId = await makeOrganization(t, { en: 'Someone Else' });
  await addMember(t, orgId, manager, 'manager');
  await addMember(t, otherOrgId, otherManager, 'manager');
});
afterAll(async () => {
  await t.close();
});

const seatsOf = (by: Account, organizationId = orgId) => request(t.url).get(`/api/organizations/${organizationId}/seats`).set('authorization', bearer(by)).set('accept-language', 'en');
const nominate = (by: Account, cohortId: string, userId: string, organizationId = orgId) =>
  request(t.url).post(`/api/organizations/${organizationId}/seats/${cohortId}/nominations`).set('authorization', bearer(by)).set('accept-language', 'en').send({ userId });
const cancel = (by: Account, cohortId: string, enrollmentId: string, organizationId = orgId) =>
  request(t.url).delete(`/api/organizations/${organizationId}/seats/${cohortId}/nominations/${enrollmentId}`).set('authorization', bearer(by));

async function staffMember(overrides: Record<string, unknown> = {}): Promise<Account> {
  const account = await registerAccount(t, overrides);
  await addMember(t, orgId, account);
  return account;
}

describe('an organization’s seats', () => {
  it('a manager nominates members into the seats; the seats count against capacity; used/free and nominees are shown', async () => {
    const cohortId = await makeCohort(t, { capacity: 3, name: { en: 'Ramallah autumn' } });
    await allocateSeats(t, cohortId, orgId, 2);
    const staff = await staffMember({ nameLatin: 'Sami Staff', locale: 'ar', nameArabic: 'سامي' });

    const res = await nominate(manager, cohortId, staff.id).expect(201);
    expect(res.body).toMatchObject({ cohortId, status: 'active', sponsoringOrganizationId: orgId });
    expect(await queuedEmails(t, res.body.id as string)).toEqual([
      expect.objectContaining({ template: 'enrollment_enrolled', to: staff.email, locale: 'ar', data: expect.objectContaining({ organizationName: 'جمعية أهل', name: 'سامي' }) }),
    ]);

    // Two seats held (one used) leave one public place.
    const [publicA, publicB] = [await registerAccount(t), await registerAccount(t)];
    expect((await join(t, publicA, cohortId).expect(201)).body.status).toBe('active');
    expect((await join(t, publicB, cohortId).expect(201)).body.status).toBe('waitlisted');

    const list = await seatsOf(manager).expect(200);
    expect(list.body).toEqual([
      {
        cohort: expect.objectContaining({ id: cohortId, displayName: 'Ramallah autumn', capacity: 3, seatsLeft: 0, waitlisted: 1 }),
        seats: 2,
        used: 1,
        free: 1,
        nominees: [{ enrollmentId: res.body.id, user: { id: staff.id, nameLatin: 'Sami Staff', nameArabic: 'سامي', email: staff.email }, status: 'active' }],
      },
    ]);
    expect((await seatsOf(admin).expect(200)).body).toHaveLength(1);
    expect(await sql(t, `SELECT actor_id, data FROM audit_events WHERE entity_id = $1 AND action = 'enrollment.nominated'`, [res.body.id])).toEqual([
      { actor_id: manager.id, data: { cohortId, organizationId: orgId, userId: staff.id, from: null } },
    ]);
  });

  it('refuses a full allocation (409 seats.full), a non-member (422), someone already in (409) and a cohort without seats (404)', async () => {
    const cohortId = await makeCohort(t, { capacity: 10 });
    await allocateSeats(t, cohortId, orgId, 1);
    const [first, second] = [await staffMember(), await staffMember()];
    await nominate(manager, cohortId, first.id).expect(201);

    const full = await nominate(manager, cohortId, second.id).expect(409);
    expect(full.body).toMatchObject({ code: 'seats.full', title: 'No free seat' });
    expect((await nominate(manager, cohortId, first.id).expect(409)).body.code).toBe('enrollment.exists');
    const outsider = await registerAccount(t);
    expect((await nominate(manager, cohortId, outsider.id).expect(422)).body.errors).toEqual([{ field: 'userId', code: 'notAMember', message: 'This person is not a member of the organization.' }]);
    await nominate(manager, await makeCohort(t), second.id).expect(404);
    expect((await nominate(manager, cohortId, 'x').expect(422)).body.errors[0]).toMatchObject({ field: 'userId', code: 'isUuid' });

    const completed = await makeCohort(t, { status: 'completed' });
    await allocateSeats(t, completed, orgId, 2);
    expect((await nominate(manager, completed, second.id).expect(409)).body.code).toBe('cohort.not_accepting');
    expect(await statuses(t, cohortId)).toEqual({ [first.id]: 'active' });
  });

  it('a member who applied or waits publicly takes the seat instead', async () => {
    const cohortId = await makeCohort(t, { capacity: 1 });
    await allocateSeats(t, cohortId, orgId, 1);
    const staff = await staffMember();
    const waiting = await join(t, staff, cohortId).expect(201);
    expect(waiting.body.status).toBe('waitlisted');
    const res = await nominate(manager, cohortId, staff.id).expect(201);
    expect(res.body).toMatchObject({ id: waiting.body.id, status: 'active', sponsoringOrganizationId: orgId, waitlistPosition: null });
  });

  it('cancelling a nomination withdraws the person and frees the organization’s seat, not the public’s', async () => {
    const cohortId = await makeCohort(t, { capacity: 2 });
    await allocateSeats(t, cohortId, orgId, 1);
    const staff = await staffMember();
    const nominee = (await nominate(manager, cohortId, staff.id).expect(201)).body.id as string;
    const [publicA, publicB] = [await registerAccount(t), await registerAccount(t)];
    await join(t, publicA, cohortId).expect(201);
    await join(t, publicB, cohortId).expect(201);

    await cancel(otherManager, cohortId, nominee).expect(404);
    await cancel(otherManager, cohortId, nominee, otherOrgId).expect(404);
    await cancel(manager, cohortId, nominee).expect(204);
    expect(await statuses(t, cohortId)).toEqual({ [staff.id]: 'withdrawn', [publicA.id]: 'active', [publicB.id]: 'waitlisted' });
    const list = (await seatsOf(manager).expect(200)).body as { cohort: { id: string }; used: number; free: number; nominees: unknown[] }[];
    expect(list.find((s) => s.cohort.id === cohortId)).toMatchObject({ used: 0, free: 1, nominees: [] });
    await cancel(manager, cohortId, nominee).expect(409);
    expect(await sql(t, `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY created_at`, [nominee])).toEqual([{ action: 'enrollment.nominated' }, { action: 'enrollment.nomination_cancelled' }]);
  });

  it('is 404 to managers of other organizations, staff members and strangers', async () => {
    const cohortId = await makeCohort(t);
    await allocateSeats(t, cohortId, orgId, 2);
    const staff = await staffMember();
    for (const who of [otherManager, staff, await registerAccount(t)]) {
      await seatsOf(who).expect(404);
      await nominate(who, cohortId, staff.id).expect(404);
    }
    // A manager cannot place their own staff into another organization's seats either.
    await nominate(otherManager, cohortId, staff.id, otherOrgId).expect(404);
    expect(await statuses(t, cohortId)).toEqual({});
    expect((await seatsOf(otherManager, otherOrgId).expect(200)).body).toEqual([]);
    await request(t.url).get(`/api/organizations/${orgId}/seats`).expect(401);
  });
});
