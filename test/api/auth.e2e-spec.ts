import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { PASSWORD, bearer, registerAccount, sql, uniqueEmail } from './fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await bootApp({ PUBLIC_WEB_URL: 'https://halaqa.example' });
});
afterAll(async () => {
  await t.close();
});

function tokenFromUrl(url: string): string {
  return url.split('/').pop() as string;
}

describe('POST /api/auth/register', () => {
  it('creates the account, signs in, stores an argon2id hash and queues a welcome email', async () => {
    const email = uniqueEmail('Reg');
    const res = await request(t.url)
      .post('/api/auth/register')
      .send({ email: `  ${email.toUpperCase()} `, password: PASSWORD, nameArabic: 'سلمى', locale: 'ar', timeZone: 'asia/amman' })
      .expect(201);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      nameLatin: '',
      nameArabic: 'سلمى',
      locale: 'ar',
      timeZone: 'Asia/Amman',
      isAdmin: false,
      organizations: [],
      staffRoles: [],
      circleRoles: [],
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);

    const [user] = await sql<{ password_hash: string }>(t, 'SELECT password_hash FROM users WHERE id = $1', [res.body.user.id]);
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+)/);
    const [, m, tc] = /m=(\d+),t=(\d+)/.exec(user.password_hash) as RegExpExecArray;
    expect(Number(m)).toBeGreaterThanOrEqual(19456);
    expect(Number(tc)).toBeGreaterThanOrEqual(2);

    const [session] = await sql<{ token_hash: string }>(t, 'SELECT token_hash FROM sessions WHERE user_id = $1', [res.body.user.id]);
    expect(session.token_hash).not.toBe(res.body.token);
    expect(session.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const mails = await sql<{ payload: Record<string, unknown>; dedupe_key: string }>(t, "SELECT payload, dedupe_key FROM outbox_messages WHERE payload->>'to' = $1", [email.toLowerCase()]);
    expect(mails).toEqual([{ dedupe_key: `welcome:${res.body.user.id}`, payload: { template: 'welcome', to: email.toLowerCase(), locale: 'ar', data: { name: 'سلمى', url: 'https://halaqa.example/ar' } } }]);

    const audit = await sql(t, 'SELECT actor_id, action, entity_type, entity_id FROM audit_events WHERE entity_id = $1', [res.body.user.id]);
    expect(audit).toEqual([{ actor_id: res.body.user.id, action: 'user.registered', entity_type: 'user', entity_id: res.body.user.id }]);
  });

  it('refuses a second account with the same email, whatever its case, with a field error on email', async () => {
    const account = await registerAccount(t);
    const res = await request(t.url)
      .post('/api/auth/register')
      .set('accept-language', 'en')
      .send({ email: account.email.toUpperCase(), password: PASSWORD, nameLatin: 'X', locale: 'en', timeZone: 'UTC' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'auth.email_taken', errors: [{ field: 'email', code: 'emailTaken', message: 'An account with this email already exists.' }] });
  });

  it.each([
    [{ password: 'short' }, 'password', 'minLength', 'Doit comporter au moins 10 caractères.'],
    [{ password: 'x'.repeat(201) }, 'password', 'maxLength', 'Doit comporter au plus 200 caractères.'],
    [{ email: 'not-an-email' }, 'email', 'isEmail', 'Saisissez une adresse e-mail valide.'],
    [{ locale: 'de' }, 'locale', 'isIn', 'Doit être l’une des valeurs : ar, en, fr.'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'isTimeZone', 'Choisissez un fuseau horaire valide.'],
    [{ nameLatin: 'x'.repeat(201) }, 'nameLatin', 'maxLength', 'Doit comporter au plus 200 caractères.'],
    [{ nameLatin: '  ', nameArabic: '' }, 'nameLatin', 'nameRequired', 'Saisissez votre nom en caractères latins ou arabes (au moins l’un des deux).'],
  ])('refuses %j with a localized field error', async (override, field, code, message) => {
    const body = { email: uniqueEmail(), password: PASSWORD, nameLatin: 'Amal', locale: 'fr', timeZone: 'Africa/Tunis', ...override };
    const res = await request(t.url).post('/api/auth/register').set('accept-language', 'fr').send(body).expect(422);
    expect(res.body.code).toBe('validation.failed');
    expect(res.body.errors).toContainEqual({ field, code, message });
  });
});

describe('POST /api/auth/login and logout', () => {
  it('signs in with any case of the email, issues a new token each time, and logout ends only that session', async () => {
    const account = await registerAccount(t);
    const first = await request(t.url).post('/api/auth/login').send({ email: account.email.toUpperCase(), password: PASSWORD }).expect(200);
    const second = await request(t.url).post('/api/auth/login').send({ email: account.email, password: PASSWORD }).expect(200);
    expect(first.body.token).not.toBe(second.body.token);
    expect(first.body.user).toMatchObject({ id: account.id, email: account.email });

    await request(t.url).post('/api/auth/logout').set('authorization', bearer(first.body.token)).expect(204);
    const after = await request(t.url).get('/api/me').set('authorization', bearer(first.body.token)).expect(401);
    expect(after.body.code).toBe('auth.unauthenticated');
    await request(t.url).get('/api/me').set('authorization', bearer(second.body.token)).expect(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const account = await registerAccount(t);
    const wrong = await request(t.url).post('/api/auth/login').set('x-forwarded-for', '198.51.100.1').send({ email: account.email, password: 'not the password' }).expect(401);
    const unknown = await request(t.url).post('/api/auth/login').set('x-forwarded-for', '198.51.100.1').send({ email: uniqueEmail(), password: 'not the password' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
  });

  it('locks an account after 5 failures with 429 and Retry-After, even for the right password', async () => {
    const account = await registerAccount(t);
    for (let i = 0; i < 5; i++) {
      await request(t.url).post('/api/auth/login').set('x-forwarded-for', `203.0.113.${i + 1}`).send({ email: account.email, password: 'wrong password' }).expect(401);
    }
    const res = await request(t.url).post('/api/auth/login').set('x-forwarded-for', '203.0.113.99').set('accept-language', 'en').send({ email: account.email, password: PASSWORD }).expect(429);
    expect(res.body).toMatchObject({ code: 'auth.rate_limited', status: 429 });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(res.body.detail).toBe(`Too many attempts. Try again in ${retryAfter} seconds.`);
  });

  it('clears the account counter after a successful sign-in', async () => {
    const account = await registerAccount(t);
    const ip = '192.0.2.10';
    for (let i = 0; i < 4; i++) await request(t.url).post('/api/auth/login').set('x-forwarded-for', ip).send({ email: account.email, password: 'wrong password' }).expect(401);
    await request(t.url).post('/api/auth/login').set('x-forwarded-for', ip).send({ email: account.email, password: PASSWORD }).expect(200);
    for (let i = 0; i < 4; i++) await request(t.url).post('/api/auth/login').set('x-forwarded-for', ip).send({ email: account.email, password: 'wrong password' }).expect(401);
    await request(t.url).post('/api/auth/login').set('x-forwarded-for', ip).send({ email: account.email, password: PASSWORD }).expect(200);
  });

  it('limits one IP address to 50 failed attempts across accounts', async () => {
    const ip = '192.0.2.200';
    for (let i = 0; i < 50; i++) {
      await request(t.url).post('/api/auth/login').set('x-forwarded-for', ip).send({ email: uniqueEmail('spray'), password: 'guess guess' }).expect(401);
    }
    const res = await request(t.url).post('/api/auth/login').set('x-forwarded-for', ip).send({ email: uniqueEmail('spray'), password: 'guess guess' }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    await request(t.url).post('/api/auth/login').set('x-forwarded-for', '192.0.2.201').send({ email: uniqueEmail('spray'), password: 'guess guess' }).expect(401);
  });
});

describe('sessions', () => {
  it('ends a session idle for more than 7 days, and one older than 30 days', async () => {
    const idle = await registerAccount(t);
    await sql(t, "UPDATE sessions SET last_seen_at = now() - interval '7 days 1 minute' WHERE user_id = $1", [idle.id]);
    await request(t.url).get('/api/me').set('authorization', bearer(idle)).expect(401);

    const old = await registerAccount(t);
    await sql(t, "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [old.id]);
    await request(t.url).get('/api/me').set('authorization', bearer(old)).expect(401);
  });

  it('refreshes lastSeenAt on use, at most once a minute', async () => {
    const account = await registerAccount(t);
    await sql(t, "UPDATE sessions SET last_seen_at = now() - interval '6 days' WHERE user_id = $1", [account.id]);
    await request(t.url).get('/api/me').set('authorization', bearer(account)).expect(200);
    const [row] = await sql<{ age: number }>(t, 'SELECT extract(epoch FROM now() - last_seen_at)::int AS age FROM sessions WHERE user_id = $1', [account.id]);
    expect(row.age).toBeLessThan(60);
  });

  it.each(['', 'Bearer', 'Bearer nonsense', 'Basic dXNlcjpwYXNz', `Bearer ${'A'.repeat(43)}`])('answers 401 to %j', async (header) => {
    const res = await request(t.url).get('/api/me').set('authorization', header).expect(401);
    expect(res.body.code).toBe('auth.unauthenticated');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('password reset', () => {
  async function requestReset(email: string): Promise<string> {
    await request(t.url).post('/api/auth/password-reset').send({ email }).expect(202);
    const [mail] = await sql<{ payload: { data: { url: string } } }>(t, "SELECT payload FROM outbox_messages WHERE payload->>'template' = 'password_reset' AND payload->>'to' = $1 ORDER BY created_at DESC LIMIT 1", [email]);
    return mail.payload.data.url;
  }

  it('answers 202 for unknown addresses without sending anything', async () => {
    const email = uniqueEmail('nobody');
    const res = await request(t.url).post('/api/auth/password-reset').send({ email }).expect(202);
    expect(res.text).toBe('');
    expect(await sql(t, "SELECT 1 FROM outbox_messages WHERE payload->>'to' = $1", [email])).toEqual([]);
  });

  it('emails a one-hour, single-use link; confirming sets the password and ends every session', async () => {
    const account = await registerAccount(t, { locale: 'fr' });
    const url = await requestReset(account.email);
    expect(url).toMatch(/^https:\/\/halaqa\.example\/fr\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const token = tokenFromUrl(url);
    const [reset] = await sql<{ token_hash: string; ttl: number }>(t, 'SELECT token_hash, extract(epoch FROM expires_at - created_at)::int AS ttl FROM password_resets WHERE user_id = $1', [account.id]);
    expect(reset.token_hash).not.toContain(token);
    expect(reset.ttl).toBe(3600);
    const [mail] = await sql<{ payload: { locale: string; data: Record<string, string> }; dedupe_key: string }>(t, "SELECT payload, dedupe_key FROM outbox_messages WHERE payload->>'template' = 'password_reset' AND payload->>'to' = $1", [account.email]);
    expect(mail.payload.locale).toBe('fr');
    expect(mail.payload.data).toEqual({ name: 'Layla Haddad', url, expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), timeZone: 'Asia/Amman' });
    expect(mail.dedupe_key).toMatch(/^password_reset:/);

    await request(t.url).post('/api/auth/password-reset/confirm').send({ token, password: 'a brand new password' }).expect(204);
    await request(t.url).get('/api/me').set('authorization', bearer(account)).expect(401);
    await request(t.url).post('/api/auth/login').send({ email: account.email, password: PASSWORD }).expect(401);
    await request(t.url).post('/api/auth/login').send({ email: account.email, password: 'a brand new password' }).expect(200);

    const again = await request(t.url).post('/api/auth/password-reset/confirm').send({ token, password: 'yet another password' }).expect(404);
    expect(again.body.code).toBe('auth.reset_token_invalid');
    const audit = await sql(t, "SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'user.password%' ORDER BY created_at", [account.id]);
    expect(audit).toEqual([{ action: 'user.password_reset_requested' }, { action: 'user.password_reset' }]);
  });

  it('refuses an expired link', async () => {
    const account = await registerAccount(t);
    const token = tokenFromUrl(await requestReset(account.email));
    await sql(t, "UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1", [account.id]);
    const res = await request(t.url).post('/api/auth/password-reset/confirm').send({ token, password: 'a brand new password' }).expect(404);
    expect(res.body.code).toBe('auth.reset_token_invalid');
  });
});

describe('/api/me', () => {
  it('changes the profile, records which fields changed, and refuses leaving no name', async () => {
    const account = await registerAccount(t);
    const res = await request(t.url).patch('/api/me').set('authorization', bearer(account)).send({ nameLatin: '', locale: 'ar', timeZone: 'Asia/Hebron' }).expect(200);
    expect(res.body).toMatchObject({ nameLatin: '', nameArabic: 'ليلى حداد', locale: 'ar', timeZone: 'Asia/Hebron' });
    const [audit] = await sql<{ data: { fields: string[] } }>(t, "SELECT data FROM audit_events WHERE entity_id = $1 AND action = 'user.profile_changed'", [account.id]);
    expect(audit.data.fields.sort()).toEqual(['locale', 'nameLatin', 'timeZone']);

    const empty = await request(t.url).patch('/api/me').set('authorization', bearer(account)).send({ nameArabic: ' ' }).expect(422);
    expect((empty.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['nameLatin', 'nameArabic']);
    const refused = await request(t.url).patch('/api/me').set('authorization', bearer(account)).send({ isAdmin: true }).expect(422);
    expect(refused.body.errors).toEqual([{ field: 'isAdmin', code: 'unknown_field', message: expect.any(String) }]);
  });

  it('changes the password with the current one, keeping this session and ending the others', async () => {
    const account = await registerAccount(t);
    const other = await request(t.url).post('/api/auth/login').send({ email: account.email, password: PASSWORD }).expect(200);
    const wrong = await request(t.url).post('/api/me/password').set('authorization', bearer(account)).send({ currentPassword: 'not it at all', newPassword: 'new password 123' }).expect(422);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', code: 'wrongPassword', message: expect.any(String) }]);

    await request(t.url).post('/api/me/password').set('authorization', bearer(account)).send({ currentPassword: PASSWORD, newPassword: 'new password 123' }).expect(204);
    await request(t.url).get('/api/me').set('authorization', bearer(account)).expect(200);
    await request(t.url).get('/api/me').set('authorization', bearer(other.body.token)).expect(401);
    await request(t.url).post('/api/auth/login').send({ email: account.email, password: 'new password 123' }).expect(200);
    const audit = await sql(t, "SELECT action, data FROM audit_events WHERE entity_id = $1 AND action = 'user.password_changed'", [account.id]);
    expect(audit).toEqual([{ action: 'user.password_changed', data: {} }]);
  });
});
