import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { adminAccount, bearer, registerAccount, sql, type Account } from './fixtures';

let t: TestApp;
let admin: Account;
beforeAll(async () => {
  t = await bootApp();
  admin = await adminAccount(t);
});
afterAll(async () => {
  await t.close();
});

async function createOrganization(body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await request(t.url)
    .post('/api/organizations')
    .set('authorization', bearer(admin))
    .send({ kind: 'cso', country: 'JO', city: { ar: 'عمّان', en: 'Amman' }, ...body })
    .expect(201);
  return res.body as { id: string };
}

async function addMember(organizationId: string, account: Account, role: 'manager' | 'staff'): Promise<void> {
  await sql(t, 'INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, $3)', [organizationId, account.id, role]);
}

describe('organizations directory', () => {
  let tunis: { id: string };
  beforeAll(async () => {
    await createOrganization({ name: { ar: 'شبكة النساء', en: 'Women Network', fr: 'Réseau des femmes' }, kind: 'network' });
    tunis = await createOrganization({ name: { fr: 'Association 100%_Jeunes', ar: 'جمعية الشباب' }, country: 'tn', city: { fr: 'Tunis', ar: 'تونس' } });
    await createOrganization({ name: { en: 'Baghdad Funders' }, kind: 'funder', country: 'IQ', city: { en: 'Baghdad' } });
  });

  it('lists organizations with names in the reader’s language, sorted, paginated', async () => {
    const res = await request(t.url).get('/api/organizations?pageSize=2').set('accept-language', 'fr').expect(200);
    expect(res.body.total).toBe(3);
    expect(res.body.page).toBe(1);
    expect(res.body.pageSize).toBe(2);
    expect((res.body.items as { displayName: string }[]).map((o) => o.displayName)).toEqual(['Association 100%_Jeunes', 'Baghdad Funders']);
    const page2 = await request(t.url).get('/api/organizations?pageSize=2&page=2').set('accept-language', 'fr').expect(200);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0]).toMatchObject({ displayName: 'Réseau des femmes', displayCity: 'عمّان', kind: 'network', country: 'JO' });
  });

  it('searches any language’s name; % and _ are matched literally', async () => {
    const names = async (qs: string) => ((await request(t.url).get(`/api/organizations?${qs}`).set('accept-language', 'ar').expect(200)).body.items as { displayName: string }[]).map((o) => o.displayName);
    expect(await names(`q=${encodeURIComponent('réseau')}`)).toEqual(['شبكة النساء']);
    expect(await names(`q=${encodeURIComponent('100%_')}`)).toEqual(['جمعية الشباب']);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual(['جمعية الشباب']);
    expect(await names(`q=${encodeURIComponent('_')}`)).toEqual(['جمعية الشباب']);
    expect(await names('country=tn')).toEqual(['جمعية الشباب']);
    expect(await names(`city=${encodeURIComponent('TUNIS')}`)).toEqual(['جمعية الشباب']);
    expect(await names('kind=funder')).toEqual(['Baghdad Funders']);
  });

  it('refuses bad filters with field errors', async () => {
    const res = await request(t.url).get('/api/organizations?kind=bank&pageSize=1000&country=XX1').expect(422);
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['country', 'kind', 'pageSize']);
  });

  it('shows one organization publicly; unknown or malformed ids are 404', async () => {
    const res = await request(t.url).get(`/api/organizations/${tunis.id}`).set('accept-language', 'en').expect(200);
    expect(res.body).toEqual({
      id: tunis.id,
      name: { fr: 'Association 100%_Jeunes', ar: 'جمعية الشباب' },
      displayName: 'جمعية الشباب',
      kind: 'cso',
      country: 'TN',
      city: { fr: 'Tunis', ar: 'تونس' },
      displayCity: 'تونس',
      description: {},
      website: null,
    });
    await request(t.url).get('/api/organizations/00000000-0000-4000-8000-000000000000').expect(404);
    await request(t.url).get('/api/organizations/not-a-uuid').expect(404);
  });
});

describe('managing an organization', () => {
  let org: { id: string };
  let manager: Account;
  let staff: Account;
  let outsider: Account;
  beforeAll(async () => {
    org = await createOrganization({ name: { ar: 'منظمة القدس', en: 'Jerusalem Org' } });
    manager = await registerAccount(t);
    staff = await registerAccount(t, { nameLatin: 'Staff Member' });
    outsider = await registerAccount(t);
    await addMember(org.id, manager, 'manager');
    await addMember(org.id, staff, 'staff');
  });

  it('only admins create organizations (others 404), and the creation is audited', async () => {
    const res = await request(t.url).post('/api/organizations').set('authorization', bearer(manager)).send({ name: { en: 'X' }, kind: 'cso', country: 'JO', city: { en: 'Amman' } }).expect(404);
    expect(res.body.code).toBe('not_found');
    const created = await createOrganization({ name: { en: 'Audited' } });
    expect(await sql(t, "SELECT actor_id, action FROM audit_events WHERE entity_id = $1", [created.id])).toEqual([{ actor_id: admin.id, action: 'organization.created' }]);
  });

  it('lets the manager edit it; staff and outsiders get 404', async () => {
    const res = await request(t.url).patch(`/api/organizations/${org.id}`).set('authorization', bearer(manager)).send({ website: 'https://jerusalem.example', description: { en: 'We train.\nWe organize.' } }).expect(200);
    expect(res.body).toMatchObject({ website: 'https://jerusalem.example', description: { en: 'We train.\nWe organize.' } });
    for (const who of [staff, outsider]) {
      const refused = await request(t.url).patch(`/api/organizations/${org.id}`).set('authorization', bearer(who)).send({ website: 'https://evil.example' }).expect(404);
      expect(refused.body.code).toBe('not_found');
    }
    const nulled = await request(t.url).patch(`/api/organizations/${org.id}`).set('authorization', bearer(manager)).send({ name: null }).expect(422);
    expect(nulled.body.errors).toEqual([{ field: 'name', code: 'isNotEmpty', message: expect.any(String) }]);
  });

  it('lists members to the manager and admins only', async () => {
    const res = await request(t.url).get(`/api/organizations/${org.id}/members`).set('authorization', bearer(manager)).expect(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items).toEqual([
      { user: { id: manager.id, email: manager.email, nameLatin: 'Layla Haddad', nameArabic: 'ليلى حداد' }, role: 'manager', joinedAt: expect.any(String) },
      { user: { id: staff.id, email: staff.email, nameLatin: 'Staff Member', nameArabic: 'ليلى حداد' }, role: 'staff', joinedAt: expect.any(String) },
    ]);
    await request(t.url).get(`/api/organizations/${org.id}/members`).set('authorization', bearer(admin)).expect(200);
    await request(t.url).get(`/api/organizations/${org.id}/members`).set('authorization', bearer(staff)).expect(404);
    await request(t.url).get(`/api/organizations/${org.id}/members`).set('authorization', bearer(outsider)).expect(404);
    await request(t.url).get(`/api/organizations/${org.id}/members`).expect(401);
  });

  it('changes roles and removes members with audit rows; a manager cannot leave it without a manager', async () => {
    const last = await request(t.url).patch(`/api/organizations/${org.id}/members/${manager.id}`).set('authorization', bearer(manager)).send({ role: 'staff' }).expect(409);
    expect(last.body.code).toBe('organization.last_manager');

    const promoted = await request(t.url).patch(`/api/organizations/${org.id}/members/${staff.id}`).set('authorization', bearer(manager)).send({ role: 'manager' }).expect(200);
    expect(promoted.body).toMatchObject({ user: { id: staff.id }, role: 'manager' });
    const me = await request(t.url).get('/api/me').set('authorization', bearer(staff)).expect(200);
    expect(me.body.organizations).toEqual([{ id: org.id, role: 'manager' }]);

    await request(t.url).patch(`/api/organizations/${org.id}/members/${staff.id}`).set('authorization', bearer(outsider)).send({ role: 'staff' }).expect(404);
    await request(t.url).patch(`/api/organizations/${org.id}/members/${outsider.id}`).set('authorization', bearer(manager)).send({ role: 'staff' }).expect(404);
    await request(t.url).delete(`/api/organizations/${org.id}/members/${staff.id}`).set('authorization', bearer(manager)).expect(204);
    await request(t.url).delete(`/api/organizations/${org.id}/members/${staff.id}`).set('authorization', bearer(manager)).expect(404);

    const audit = await sql(t, "SELECT actor_id, action, data FROM audit_events WHERE entity_type = 'organization_member' AND data->>'userId' = $1 ORDER BY created_at", [staff.id]);
    expect(audit).toEqual([
      { actor_id: manager.id, action: 'organization.member.role_changed', data: { organizationId: org.id, userId: staff.id, from: 'staff', to: 'manager' } },
      { actor_id: manager.id, action: 'organization.member.removed', data: { organizationId: org.id, userId: staff.id, role: 'manager' } },
    ]);
  });
});

describe('admin rights', () => {
  it('are granted and withdrawn by another admin only, with audit rows', async () => {
    const person = await registerAccount(t);
    await request(t.url).patch(`/api/users/${person.id}`).set('authorization', bearer(person)).send({ isAdmin: true }).expect(404);
    const granted = await request(t.url).patch(`/api/users/${person.id}`).set('authorization', bearer(admin)).send({ isAdmin: true }).expect(200);
    expect(granted.body).toMatchObject({ id: person.id, isAdmin: true });
    const own = await request(t.url).patch(`/api/users/${admin.id}`).set('authorization', bearer(admin)).send({ isAdmin: false }).expect(422);
    expect(own.body.errors).toEqual([{ field: 'isAdmin', code: 'isNotOwnAccount', message: expect.any(String) }]);
    await request(t.url).patch(`/api/users/${person.id}`).set('authorization', bearer(admin)).send({ isAdmin: false }).expect(200);
    const audit = await sql(t, "SELECT actor_id, data FROM audit_events WHERE entity_id = $1 AND action = 'user.admin_changed' ORDER BY created_at", [person.id]);
    expect(audit).toEqual([
      { actor_id: admin.id, data: { from: false, to: true } },
      { actor_id: admin.id, data: { from: true, to: false } },
    ]);
  });
});
