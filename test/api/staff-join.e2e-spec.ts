import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { addMember, allocateSeats, join, makeCohort, makeOrganization } from './enrollment-fixtures';
import { bearer, registerAccount, sql, tableCounts, type Account } from './fixtures';

/**
 * A staff member of a partner organization who joins a cohort on their own names the organization and is asked for
 * consent there and then (issue 7). Naming it takes none of the organization's seats (ADR 009).
 */

let t: TestApp;
let manager: Account;
let otherManager: Account;
let orgId: string;
let otherOrgId: string;
let trainer: Account;

interface Report {
  items: { enrollmentId: string; trainee: { nameLatin: string }; status: string; placement: string }[];
  summary: { funnel: { enrolled: number }; seats: { cohort: { id: string }; used: number; free: number }[]; hiddenCount: number };
}

beforeAll(async () => {
  t = await bootApp();
  manager = await registerAccount(t, { nameLatin: 'Maha Manager' });
  otherManager = await registerAccount(t, { nameLatin: 'Other Manager' });
  orgId = await makeOrganization(t, { ar: 'جمعية أهل', en: 'Ahel Association' });
  otherOrgId = await makeOrganization(t, { ar: 'منتدى آخر', en: 'Another Forum' });
  await addMember(t, orgId, manager, 'manager');
  await addMember(t, otherOrgId, otherManager, 'manager');
  trainer = await registerAccount(t, { nameLatin: 'Rana Trainer' });
});

afterAll(async () => {
  await t.close();
});

async function staffMember(nameLatin: string, ...organizations: string[]): Promise<Account> {
  const account = await registerAccount(t, { nameLatin });
  for (const organization of organizations) await addMember(t, organization, account);
  return account;
}

async function report(organizationId = orgId, as: Account = manager): Promise<Report> {
  return (await request(t.url).get(`/api/organizations/${organizationId}/staff-progress`).set('authorization', bearer(as)).set('accept-language', 'en').expect(200)).body as Report;
}

const names = (page: Report) => page.items.map((i) => i.trainee.nameLatin);

function patchMine(account: Account, enrollmentId: unknown, body: Record<string, unknown>, language = 'en') {
  return request(t.url).patch(`/api/me/enrollments/${String(enrollmentId)}`).set('authorization', bearer(account)).set('accept-language', language).send(body);
}

async function seatsLeft(cohortId: string): Promise<number> {
  return (await request(t.url).get(`/api/cohorts/${cohortId}`).expect(200)).body.seatsLeft as number;
}

describe('joining a cohort and naming one’s organization', () => {
  it('reports a staff member who names their organization and consents, taking an open place and none of its seats', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: trainer, capacity: 10 });
    await allocateSeats(t, cohortId, orgId, 4);
    expect(await seatsLeft(cohortId)).toBe(6);
    const salma = await staffMember('Salma Open', orgId);

    const res = await join(t, salma, cohortId, { organizationId: orgId, consentToShare: true }).expect(201);
    expect(res.body).toMatchObject({ status: 'active', reportingOrganizationId: orgId, sponsoringOrganizationId: null, consentToShare: true });

    const page = await report();
    expect(names(page)).toContain('Salma Open');
    expect(page.items.find((i) => i.trainee.nameLatin === 'Salma Open')).toMatchObject({ enrollmentId: res.body.id, status: 'active', placement: 'own' });
    // The spreadsheet says how each person came, in the reader's language.
    const csv = (await request(t.url).get(`/api/organizations/${orgId}/completion.csv?cohortId=${cohortId}`).set('authorization', bearer(manager)).set('accept-language', 'ar').expect(200)).text;
    const [header, row] = csv.slice(1).trimEnd().split('\r\n');
    expect(header.split(',').at(-1)).toBe('طريقة التسجيل');
    expect(row.split(',').at(-1)).toBe('انضمّ بنفسه');
    // The four seats are still the organization's to give: Salma sits in an open place.
    expect(page.summary.seats.find((s) => s.cohort.id === cohortId)).toMatchObject({ used: 0, free: 4 });
    expect(await seatsLeft(cohortId)).toBe(5);
    // The other organization's manager does not see her.
    expect(names(await report(otherOrgId, otherManager))).not.toContain('Salma Open');
  });

  it('counts a staff member who names the organization without consenting, and names them once they consent', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: trainer });
    const omar = await staffMember('Omar Private', orgId);
    const before = (await report()).summary.hiddenCount;

    const res = await join(t, omar, cohortId, { organizationId: orgId }).expect(201);
    expect(res.body).toMatchObject({ reportingOrganizationId: orgId, consentToShare: false });
    const hidden = await report();
    expect(names(hidden)).not.toContain('Omar Private');
    expect(hidden.summary.hiddenCount).toBe(before + 1);

    await patchMine(omar, res.body.id, { consentToShare: true }).expect(200);
    expect(names(await report())).toContain('Omar Private');
    await patchMine(omar, res.body.id, { consentToShare: false }).expect(200);
    expect(names(await report())).not.toContain('Omar Private');
  });

  it('refuses an organization the person does not belong to, in their language, and writes nothing', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: trainer });
    const stranger = await staffMember('Stranger', otherOrgId);
    const counts = await tableCounts(t);

    const res = await request(t.url)
      .post(`/api/cohorts/${cohortId}/enrollments`)
      .set('authorization', bearer(stranger))
      .set('accept-language', 'ar')
      .send({ organizationId: orgId, consentToShare: true })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'organizationId', code: 'notYourOrganization', message: 'لستَ عضوًا في هذه المنظمة.' })]);
    expect(await tableCounts(t)).toEqual(counts);
  });

  it('refuses consent without an organization, a malformed organization id and a consent that is not a yes or no', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: trainer });
    const person = await staffMember('Careful', orgId);
    const noOrganization = await join(t, person, cohortId, { consentToShare: true }).expect(422);
    expect(noOrganization.body.errors).toEqual([expect.objectContaining({ field: 'consentToShare', code: 'consentNeedsOrganization', message: 'Choose the organization you share your progress with.' })]);
    const malformed = await join(t, person, cohortId, { organizationId: 'not-an-id' }).expect(422);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'organizationId', message: 'Must be a valid identifier.' })]);
    await join(t, person, cohortId, { organizationId: orgId, consentToShare: 'yes' }).expect(422);
    expect(await sql(t, 'SELECT 1 FROM enrollments WHERE cohort_id = $1', [cohortId])).toHaveLength(0);
  });

  it('waitlists a staff member when the open places are gone, even though the organization has free seats', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: trainer, capacity: 3 });
    await allocateSeats(t, cohortId, orgId, 2);
    await join(t, await staffMember('First In'), cohortId).expect(201);
    const late = await staffMember('Late Staff', orgId);
    const res = await join(t, late, cohortId, { organizationId: orgId, consentToShare: true }).expect(201);
    expect(res.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, reportingOrganizationId: orgId });
    // Their manager sees them waiting and can still place them in a seat.
    expect((await report()).items.find((i) => i.trainee.nameLatin === 'Late Staff')).toMatchObject({ status: 'waitlisted', placement: 'own' });
    const nominated = await request(t.url)
      .post(`/api/organizations/${orgId}/seats/${cohortId}/nominations`)
      .set('authorization', bearer(manager))
      .send({ userId: late.id })
      .expect(201);
    expect(nominated.body).toMatchObject({ status: 'active', sponsoringOrganizationId: orgId, reportingOrganizationId: orgId, consentToShare: true });
    expect((await report()).items.find((i) => i.trainee.nameLatin === 'Late Staff')).toMatchObject({ status: 'active', placement: 'seat' });
  });

  it('records an applicant’s organization, and asks again when another organization places them in its seat', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: trainer, enrollmentMode: 'application', applicationQuestions: [{ key: 'why', label: { en: 'Why?' }, required: true }] });
    await allocateSeats(t, cohortId, otherOrgId, 2);
    const both = await staffMember('Member Of Both', orgId, otherOrgId);
    const applied = await join(t, both, cohortId, { answers: { why: 'Our campaign.' }, organizationId: orgId, consentToShare: true }).expect(201);
    expect(applied.body).toMatchObject({ status: 'applied', reportingOrganizationId: orgId, consentToShare: true });
    expect(names(await report())).toContain('Member Of Both');

    await request(t.url).post(`/api/organizations/${otherOrgId}/seats/${cohortId}/nominations`).set('authorization', bearer(otherManager)).send({ userId: both.id }).expect(201);
    // Now in the other forum's seat: reported to it, and not shared until they agree to that.
    expect(names(await report())).not.toContain('Member Of Both');
    const other = await report(otherOrgId, otherManager);
    expect(names(other)).not.toContain('Member Of Both');
    expect(other.summary.hiddenCount).toBe(1);
  });
});

describe('PATCH /api/me/enrollments/{id} organizationId', () => {
  it('names an organization after joining, withdraws consent when it changes, and stops naming it with null', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: trainer });
    const rami = await staffMember('Rami Later', orgId, otherOrgId);
    const { body } = await join(t, rami, cohortId).expect(201);
    expect(body).toMatchObject({ reportingOrganizationId: null, consentToShare: false });

    await patchMine(rami, body.id, { organizationId: orgId, consentToShare: true })
      .expect(200)
      .expect((res) => expect(res.body).toMatchObject({ reportingOrganizationId: orgId, consentToShare: true }));
    expect(names(await report())).toContain('Rami Later');

    const moved = await patchMine(rami, body.id, { organizationId: otherOrgId }).expect(200);
    expect(moved.body).toMatchObject({ reportingOrganizationId: otherOrgId, consentToShare: false });
    expect(names(await report())).not.toContain('Rami Later');

    await patchMine(rami, body.id, { organizationId: null }).expect(200);
    const [row] = await sql<{ reporting_organization_id: string | null }>(t, 'SELECT reporting_organization_id FROM enrollments WHERE id = $1', [String(body.id)]);
    expect(row.reporting_organization_id).toBeNull();
    const refused = await patchMine(rami, body.id, { consentToShare: true }, 'fr').expect(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'consentToShare', message: 'Choisissez l’organisation avec laquelle vous partagez votre progression.' });
  });

  it('keeps a nominee with the organization whose seat they hold (409), and someone else’s enrollment is 404', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: trainer });
    await allocateSeats(t, cohortId, orgId, 1);
    const nominee = await staffMember('Seat Holder', orgId, otherOrgId);
    const { body } = await request(t.url).post(`/api/organizations/${orgId}/seats/${cohortId}/nominations`).set('authorization', bearer(manager)).send({ userId: nominee.id }).expect(201);

    const refused = await patchMine(nominee, body.id, { organizationId: otherOrgId }).expect(409);
    expect(refused.body).toMatchObject({ code: 'enrollment.sponsored', title: 'Your organization placed you here' });
    await patchMine(manager, body.id, { organizationId: orgId }).expect(404);
    // Consent itself stays the trainee's to give and take back.
    await patchMine(nominee, body.id, { consentToShare: true }).expect(200);
    expect(names(await report())).toContain('Seat Holder');
  });

  it('forgets the organization and consent when someone leaves and joins again', async () => {
    const cohortId = await makeCohort(t, { leadTrainer: trainer });
    const hala = await staffMember('Hala Returns', orgId);
    const first = await join(t, hala, cohortId, { organizationId: orgId, consentToShare: true }).expect(201);
    await patchMine(hala, first.body.id, { status: 'withdrawn' }).expect(200);
    const again = await join(t, hala, cohortId).expect(201);
    expect(again.body).toMatchObject({ id: first.body.id, status: 'active', reportingOrganizationId: null, consentToShare: false });
    expect(names(await report())).not.toContain('Hala Returns');
  });
});
