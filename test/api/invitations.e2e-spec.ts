import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { PASSWORD, adminAccount, bearer, registerAccount, sql, uniqueEmail, type Account } from './fixtures';

let t: TestApp;
let admin: Account;
let manager: Account;
let orgId: string;
let otherOrgId: string;
beforeAll(async () => {
  t = await bootApp({ PUBLIC_WEB_URL: 'https://halaqa.example' });
  admin = await adminAccount(t);
  manager = await registerAccount(t, { nameLatin: 'Maha Manager' });
  const make = async (name: Record<string, string>) =>
    (await request(t.url).post('/api/organizations').set('authorization', bearer(admin)).send({ name, kind: 'ngo', country: 'PS', city: { ar: 'رام الله', en: 'Ramallah' } }).expect(201)).body.id as string;
  orgId = await make({ ar: 'مركز الحلقة', en: 'Circle Centre', fr: 'Centre du cercle' });
  otherOrgId = await make({ en: 'Someone Else' });
  await sql(t, "INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'manager')", [orgId, manager.id]);
});
afterAll(async () => {
  await t.close();
});

async function invite(by: Account, body: Record<string, unknown>): Promise<{ id: string; token: string; email: Record<string, unknown> }> {
  const res = await request(t.url).post('/api/invitations').set('authorization', bearer(by)).send(body).expect(201);
  const id = res.body.id as string;
  const [row] = await sql<{ payload: { data: { url: string } } & Record<string, unknown>; dedupe_key: string }>(t, 'SELECT payload, dedupe_key FROM outbox_messages WHERE dedupe_key = $1', [`invitation:${id}`]);
  return { id, token: row.payload.data.url.split('/').pop() as string, email: row.payload };
}

describe('inviting', () => {
  it('a manager invites staff into their organization; the email carries a 7-day link in the invitee’s language', async () => {
    const email = uniqueEmail('staff');
    const res = await request(t.url).post('/api/invitations').set('authorization', bearer(manager)).send({ email: email.toUpperCase(), organizationId: orgId, locale: 'fr' }).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), email, expiresAt: expect.any(String) });
    const days = (Date.parse(res.body.expiresAt as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const [mail] = await sql<{ payload: { data: Record<string, string> } & Record<string, unknown> }>(t, 'SELECT payload FROM outbox_messages WHERE dedupe_key = $1', [`invitation:${res.body.id}`]);
    expect(mail.payload).toEqual({
      template: 'invitation',
      to: email,
      locale: 'fr',
      data: { url: expect.stringMatching(/^https:\/\/halaqa\.example\/fr\/invitations\/[A-Za-z0-9_-]{43}$/), inviterName: 'Maha Manager', organizationName: 'Centre du cercle', expiresAt: res.body.expiresAt, role: 'staff' },
    });
    const [row] = await sql<{ token_hash: string; role: string }>(t, 'SELECT token_hash, role FROM invitations WHERE id = $1', [res.body.id]);
    expect(row.token_hash).not.toBe(mail.payload.data.url.split('/').pop());
    expect(row.role).toBe('staff');
    expect(await sql(t, 'SELECT actor_id, action, data FROM audit_events WHERE entity_id = $1', [res.body.id])).toEqual([
      { actor_id: manager.id, action: 'invitation.created', data: { email, organizationId: orgId, role: 'staff' } },
    ]);
  });

  it('a manager cannot invite into another organization (404), without an organization (404), or as manager (422)', async () => {
    await request(t.url).post('/api/invitations').set('authorization', bearer(manager)).send({ email: uniqueEmail(), organizationId: otherOrgId }).expect(404);
    await request(t.url).post('/api/invitations').set('authorization', bearer(manager)).send({ email: uniqueEmail() }).expect(404);
    const res = await request(t.url).post('/api/invitations').set('authorization', bearer(manager)).send({ email: uniqueEmail(), organizationId: orgId, role: 'manager' }).expect(422);
    expect(res.body.errors).toEqual([{ field: 'role', code: 'roleNotAllowed', message: expect.any(String) }]);
    const someone = await registerAccount(t);
    await request(t.url).post('/api/invitations').set('authorization', bearer(someone)).send({ email: uniqueEmail(), organizationId: orgId }).expect(404);
    await request(t.url).post('/api/invitations').send({ email: uniqueEmail() }).expect(401);
  });

  it('an admin invites anyone, with or without an organization and as manager', async () => {
    await invite(admin, { email: uniqueEmail() });
    await invite(admin, { email: uniqueEmail(), organizationId: otherOrgId, role: 'manager' });
    const res = await request(t.url).post('/api/invitations').set('authorization', bearer(admin)).send({ email: uniqueEmail(), role: 'staff' }).expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'role', code: 'roleNeedsOrganization' });
  });
});

describe('accepting', () => {
  it('shows the invitation, creates the account with the membership, signs in; the link then stops working', async () => {
    const email = uniqueEmail('new');
    const inv = await invite(manager, { email, organizationId: orgId, locale: 'ar' });
    const shown = await request(t.url).get(`/api/invitations/${inv.token}`).set('accept-language', 'en').expect(200);
    expect(shown.body).toEqual({ email, organization: { id: orgId, name: 'Circle Centre' }, role: 'staff', expiresAt: expect.any(String), accountExists: false });

    const res = await request(t.url).post(`/api/invitations/${inv.token}/accept`).send({ password: PASSWORD, nameArabic: 'نور', timeZone: 'Asia/Hebron' }).expect(201);
    expect(res.body.user).toMatchObject({ email, nameArabic: 'نور', locale: 'ar', timeZone: 'Asia/Hebron', organizations: [{ id: orgId, role: 'staff' }] });
    await request(t.url).get('/api/me').set('authorization', bearer(res.body.token)).expect(200);

    await request(t.url).get(`/api/invitations/${inv.token}`).expect(404);
    const again = await request(t.url).post(`/api/invitations/${inv.token}/accept`).send({ password: PASSWORD, nameArabic: 'نور' }).expect(404);
    expect(again.body.code).toBe('invitation.not_found');

    const userId = res.body.user.id as string;
    const audit = await sql(t, 'SELECT action, actor_id FROM audit_events WHERE entity_id::text = $1 OR data->>\'userId\' = $1 ORDER BY action', [userId]);
    expect(audit).toEqual([
      { action: 'invitation.accepted', actor_id: userId },
      { action: 'organization.member.added', actor_id: manager.id },
      { action: 'user.registered', actor_id: userId },
    ]);
    expect(await sql(t, "SELECT dedupe_key FROM outbox_messages WHERE payload->>'to' = $1 ORDER BY created_at", [email])).toEqual([{ dedupe_key: `invitation:${inv.id}` }, { dedupe_key: `welcome:${userId}` }]);
  });

  it('for an existing account, requires its password and adds the membership', async () => {
    const existing = await registerAccount(t);
    const inv = await invite(admin, { email: existing.email, organizationId: orgId, role: 'manager' });
    expect((await request(t.url).get(`/api/invitations/${inv.token}`).expect(200)).body.accountExists).toBe(true);
    const wrong = await request(t.url).post(`/api/invitations/${inv.token}/accept`).send({ password: 'not my password' }).expect(401);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
    const res = await request(t.url).post(`/api/invitations/${inv.token}/accept`).send({ password: PASSWORD }).expect(201);
    expect(res.body.user).toMatchObject({ id: existing.id, nameLatin: 'Layla Haddad', organizations: [{ id: orgId, role: 'manager' }] });
    expect(await sql(t, 'SELECT count(*)::int AS n FROM users WHERE email = $1', [existing.email])).toEqual([{ n: 1 }]);
  });

  it('refuses unknown, malformed and expired links with 404, and a new account without a name with 422', async () => {
    await request(t.url).get(`/api/invitations/${'x'.repeat(43)}`).expect(404);
    await request(t.url).get('/api/invitations/short').expect(404);
    const inv = await invite(admin, { email: uniqueEmail() });
    const noName = await request(t.url).post(`/api/invitations/${inv.token}/accept`).send({ password: PASSWORD }).expect(422);
    expect((noName.body.errors as { code: string }[]).map((e) => e.code)).toEqual(['nameRequired', 'nameRequired']);
    await sql(t, "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1", [inv.id]);
    await request(t.url).get(`/api/invitations/${inv.token}`).expect(404);
    await request(t.url).post(`/api/invitations/${inv.token}/accept`).send({ password: PASSWORD, nameLatin: 'Late' }).expect(404);
  });
});
