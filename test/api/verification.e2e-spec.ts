import { ed25519 } from '@noble/curves/ed25519';
import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { generateVerificationCode, normalizeVerificationCode, type CertificateFields } from '@halaqa/certificates';
import { achievementIdOf, CredentialSigner } from '../../api/src/certificates/credential-signer';
import { APP_CONFIG, type AppConfig } from '../../api/src/config/config';
import { bootApp, type TestApp } from '../support/app';
import { makeCohort } from './enrollment-fixtures';
import { registerAccount, sql, type Account } from './fixtures';

const API = 'https://api.halaqa.example';
const WEB = 'https://halaqa.example';
const CURRENT_SECRET = 'verification-suite-current-signing-secret-0001';
const PREVIOUS_SECRET = 'verification-suite-previous-signing-secret-001';

let t: TestApp;
let cohortId: string;

beforeAll(async () => {
  t = await bootApp({ PUBLIC_API_URL: API, PUBLIC_WEB_URL: WEB, CREDENTIAL_SIGNING_SECRET: CURRENT_SECRET, CREDENTIAL_PREVIOUS_SECRETS: PREVIOUS_SECRET });
  cohortId = await makeCohort(t);
});

afterAll(async () => {
  await t.close();
});

/** Each test calls from its own address: the per-IP limit of one test never reaches another. */
function from(ip: string) {
  return {
    get: (path: string, locale = 'en') => request(t.url).get(path).set('x-forwarded-for', ip).set('accept-language', locale),
  };
}

function printedFields(code: string, overrides: Partial<CertificateFields> = {}): CertificateFields {
  return {
    code,
    verifyUrl: `${WEB}/verify/${code}`,
    secondaryLocale: 'en',
    recipient: { nameArabic: 'ليلى حداد', nameLatin: 'Layla Haddad' },
    courseTitle: { ar: 'السرد العام', en: 'Public Narrative' },
    cohortName: { ar: 'دفعة عمّان', en: 'Amman spring' },
    city: { ar: 'عمّان', en: 'Amman' },
    online: false,
    startsOn: '2026-03-01',
    endsOn: '2026-04-30',
    issuedOn: '2026-05-03',
    issuer: { name: { ar: 'حلقة', en: 'Halaqa' }, url: WEB },
    signatories: [{ name: 'Nour Khalil', title: { ar: 'المدرّبة الرئيسية', en: 'Lead trainer' } }],
    ...overrides,
  };
}

interface IssuedCertificate {
  id: string;
  code: string;
  holder: Account;
  enrollmentId: string;
  salt: string;
  fields: CertificateFields;
}

/**
 * A certificate as the issuance API and the worker leave it, inserted straight in the database (issuing is another
 * module's): the snapshot of printed fields and, unless `signed` is false, the credential signed by the app's signer
 * (or by a signer holding `secret`, as before a key rotation).
 */
async function issued(options: { signed?: boolean; secret?: string; fields?: Partial<CertificateFields> } = {}): Promise<IssuedCertificate> {
  const holder = await registerAccount(t);
  const [enrollment] = await sql<{ id: string }>(t, `INSERT INTO enrollments (cohort_id, user_id, status) VALUES ($1, $2, 'completed') RETURNING id`, [cohortId, holder.id]);
  const code = normalizeVerificationCode(generateVerificationCode());
  const salt = randomBytes(16).toString('hex');
  const fields = printedFields(code, options.fields);
  const issuedAt = new Date('2026-05-03T10:15:00Z');
  const signer = options.secret
    ? new CredentialSigner({ ...t.app.get<AppConfig>(APP_CONFIG), CREDENTIAL_SIGNING_SECRET: options.secret, CREDENTIAL_PREVIOUS_SECRETS: [] })
    : t.app.get(CredentialSigner);
  const jwt = options.signed === false ? null : await signer.sign({ code, cohortId, fields, identitySalt: salt, issuedAt }, holder.email);
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO certificates (enrollment_id, cohort_id, user_id, code, revision, fields, identity_salt, issued_at, pdf_revision, credential_jwt)
     VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9) RETURNING id`,
    [enrollment.id, cohortId, holder.id, code, fields, salt, issuedAt, jwt ? 1 : null, jwt],
  );
  return { id: row.id, code, holder, enrollmentId: enrollment.id, salt, fields };
}

/** Grouped in fours, lower case, spaces instead of dashes: how people type a code from paper. */
function sloppy(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join(' ').toLowerCase();
}

/** Things a public answer must never reveal about a certificate. */
function secretsOf(c: IssuedCertificate): string[] {
  return [c.holder.email, c.holder.id, c.enrollmentId, c.id, cohortId];
}

describe('GET /api/verify/{code}', () => {
  it('shows a valid certificate with every printed field, however the code is typed, and nothing personal', async () => {
    const certificate = await issued();
    const res = await from('10.0.1.1').get(`/api/verify/${encodeURIComponent(sloppy(certificate.code))}`).expect(200);
    expect(res.body).toEqual({
      status: 'valid',
      code: certificate.code.match(/.{4}/g)!.join('-'),
      revokedAt: null,
      recipient: { nameArabic: 'ليلى حداد', nameLatin: 'Layla Haddad' },
      courseTitle: { ar: 'السرد العام', en: 'Public Narrative' },
      cohortName: { ar: 'دفعة عمّان', en: 'Amman spring' },
      city: { ar: 'عمّان', en: 'Amman' },
      online: false,
      startsOn: '2026-03-01',
      endsOn: '2026-04-30',
      issuedOn: '2026-05-03',
      issuer: { name: { ar: 'حلقة', en: 'Halaqa' }, url: WEB },
      signatories: [{ name: 'Nour Khalil', title: { ar: 'المدرّبة الرئيسية', en: 'Lead trainer' } }],
      secondaryLocale: 'en',
      verifyUrl: `${WEB}/verify/${certificate.code}`,
    });
    for (const secret of secretsOf(certificate)) expect(res.text).not.toContain(secret);
    expect(res.text).not.toContain(certificate.salt);
  });

  it('says a revoked certificate is revoked and when, without the reason', async () => {
    const certificate = await issued();
    await sql(t, `UPDATE certificates SET revoked_at = '2026-06-10T08:00:00Z', revocation_reason = 'Plagiarised final project' WHERE id = $1`, [certificate.id]);
    const res = await from('10.0.1.2').get(`/api/verify/${certificate.code}`).expect(200);
    expect(res.body).toMatchObject({ status: 'revoked', revokedAt: '2026-06-10T08:00:00.000Z', courseTitle: { en: 'Public Narrative' } });
    expect(res.text).not.toContain('Plagiarised');
    for (const secret of secretsOf(certificate)) expect(res.text).not.toContain(secret);
  });

  it('answers 404 verify.unknown in the reader’s language for a well-formed code nobody was given', async () => {
    const res = await from('10.0.1.3').get(`/api/verify/${generateVerificationCode()}`, 'ar').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'verify.unknown', title: 'لا توجد شهادة بهذا الرمز' });
  });

  it('answers 404 verify.mistyped when two symbols of a real code are swapped, before any lookup', async () => {
    const { code } = await issued();
    const i = [...code].findIndex((c, k) => k < 25 && c !== code[k + 1]);
    const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
    const res = await from('10.0.1.4').get(`/api/verify/${swapped}`, 'fr').expect(404);
    expect(res.body).toMatchObject({ code: 'verify.mistyped', title: 'Un caractère est sans doute mal saisi' });
    expect((await from('10.0.1.4').get('/api/verify/not-a-code', 'en').expect(404)).body.code).toBe('verify.mistyped');
  });
});

interface Jwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  use: string;
  alg: string;
}

/**
 * Verifies a compact JWS the way an outside verifier would, with another implementation than the signer's (noble's
 * Ed25519, the JWS parsed by hand): the key comes from the JWKS over HTTP, chosen by the header's kid.
 */
async function verifyIndependently(jws: string): Promise<{ header: Record<string, unknown>; payload: Record<string, unknown> }> {
  const [headerPart, payloadPart, signaturePart, ...rest] = jws.split('.');
  if (rest.length || !signaturePart) throw new Error('not a compact JWS');
  const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as Record<string, unknown>;
  if (header.alg !== 'EdDSA') throw new Error(`unexpected alg ${String(header.alg)}`);
  const set = (await (await fetch(`${t.url}/.well-known/jwks.json`)).json()) as { keys: Jwk[] };
  const jwk = set.keys.find((k) => k.kid === header.kid);
  if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new Error(`no Ed25519 key ${String(header.kid)} in the JWKS`);
  const valid = ed25519.verify(Buffer.from(signaturePart, 'base64url'), Buffer.from(`${headerPart}.${payloadPart}`, 'ascii'), Buffer.from(jwk.x, 'base64url'));
  if (!valid) throw new Error('bad signature');
  return { header, payload: JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as Record<string, unknown> };
}

describe('GET /api/verify/{code}/credential', () => {
  it('is the Open Badges credential as a VC-JWT that an independent Ed25519 implementation verifies with the published key', async () => {
    const certificate = await issued();
    const res = await from('10.0.2.1').get(`/api/verify/${sloppy(certificate.code)}/credential`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/vc\+jwt/);

    const { header, payload } = await verifyIndependently(res.text);
    expect(header).toEqual({ alg: 'EdDSA', kid: expect.any(String), typ: 'vc+jwt' });
    const credentialUrl = `${API}/api/verify/${certificate.code}/credential`;
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      id: credentialUrl,
      jti: credentialUrl,
      iss: `${API}/api/issuer`,
      issuer: { id: `${API}/api/issuer`, type: ['Profile'], name: 'حلقة' },
      nbf: Date.parse('2026-05-03T10:15:00Z') / 1000,
      validFrom: '2026-05-03T10:15:00.000Z',
      name: 'السرد العام',
      credentialSubject: { achievement: { id: achievementIdOf(cohortId), name: 'السرد العام', achievementType: 'Certificate', criteria: { narrative: expect.stringContaining('completion rule') } } },
    });
    // The holder can prove it is theirs with their email and the salt; nobody reads the email from it.
    const expectedHash = 'sha256$' + createHash('sha256').update(certificate.holder.email + certificate.salt).digest('hex');
    expect((payload.credentialSubject as { identifier: unknown[] }).identifier).toEqual([
      { type: 'IdentityObject', identityHash: expectedHash, identityType: 'emailAddress', hashed: true, salt: certificate.salt },
    ]);
    for (const secret of secretsOf(certificate)) expect(Buffer.from(res.text.split('.')[1], 'base64url').toString()).not.toContain(secret);
  });

  it('fails verification once its payload is changed', async () => {
    const certificate = await issued();
    const jws = (await from('10.0.2.2').get(`/api/verify/${certificate.code}/credential`).expect(200)).text;
    const [header, payload, signature] = jws.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { name: string };
    claims.name = 'Advanced Public Narrative';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    await expect(verifyIndependently(jws)).resolves.toBeDefined();
    await expect(verifyIndependently(forged)).rejects.toThrow('bad signature');
  });

  it('still verifies when it was signed before a key rotation (the previous key stays in the JWKS)', async () => {
    const certificate = await issued({ secret: PREVIOUS_SECRET });
    const jws = (await from('10.0.2.3').get(`/api/verify/${certificate.code}/credential`).expect(200)).text;
    const { header } = await verifyIndependently(jws);
    const set = (await request(t.url).get('/.well-known/jwks.json').expect(200)).body as { keys: Jwk[] };
    expect(set.keys).toHaveLength(2);
    expect(set.keys[1].kid).toBe(header.kid);
  });

  it('is gone (410, in the reader’s language) once the certificate is revoked, while the page says it was revoked', async () => {
    const certificate = await issued();
    await from('10.0.2.5').get(`/api/verify/${certificate.code}/credential`).expect(200);
    await sql(t, `UPDATE certificates SET revoked_at = now(), revocation_reason = 'Issued by mistake' WHERE id = $1`, [certificate.id]);
    const gone = await from('10.0.2.5').get(`/api/verify/${certificate.code}/credential`, 'fr').expect(410);
    expect(gone.body).toMatchObject({ code: 'certificate.revoked', title: 'Ce certificat a été révoqué' });
    expect(gone.text).not.toMatch(/^ey/);
    expect((await from('10.0.2.5').get(`/api/verify/${certificate.code}`).expect(200)).body).toMatchObject({ status: 'revoked' });
  });

  it('answers 409 certificate.pdf_pending until the worker has signed it, and 404 like the page', async () => {
    const certificate = await issued({ signed: false });
    const res = await from('10.0.2.4').get(`/api/verify/${certificate.code}/credential`, 'en').expect(409);
    expect(res.body.code).toBe('certificate.pdf_pending');
    expect((await from('10.0.2.4').get(`/api/verify/${generateVerificationCode()}/credential`).expect(404)).body.code).toBe('verify.unknown');
  });
});

describe('the issuer and its keys', () => {
  it('publishes only public Ed25519 keys at /.well-known/jwks.json, the current one first', async () => {
    const res = await request(t.url).get('/.well-known/jwks.json').expect(200);
    expect(res.headers['content-type']).toContain('application/json');
    const { keys } = res.body as { keys: Jwk[] };
    expect(keys.map((k) => k.kid)).toEqual([t.app.get(CredentialSigner).currentKey.kid, expect.any(String)]);
    for (const key of keys) expect(key).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[\w-]{43}$/), kid: expect.any(String), use: 'sig', alg: 'EdDSA' });
  });

  it('serves the Open Badges issuer Profile that credentials name, in the reader’s language', async () => {
    const res = await request(t.url).get('/api/issuer').set('accept-language', 'fr').expect(200);
    expect(res.body).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `${API}/api/issuer`,
      type: ['Profile'],
      name: 'Halaqa',
      url: WEB,
    });
    expect((await request(t.url).get('/api/issuer').set('accept-language', 'ar').expect(200)).body.name).toBe('حلقة');
  });
});

describe('rate limit', () => {
  it('refuses the 31st verification in a minute from one address with 429, Retry-After and an Arabic problem; other addresses go on', async () => {
    const { code } = await issued();
    const flood = from('10.0.3.1');
    for (let i = 0; i < 30; i++) await (i % 2 ? flood.get(`/api/verify/${code}/credential`) : flood.get(`/api/verify/${code}`)).expect(200);

    const refused = await flood.get(`/api/verify/${code}`, 'ar').expect(429);
    const seconds = Number(refused.headers['retry-after']);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ status: 429, code: 'verify.rate_limited', title: 'عمليات تحقّق كثيرة جدًا' });
    expect(refused.body.detail).toMatch(/^جرى التحقق من شهادات كثيرة من هذا الاتصال\. يمكن المحاولة مجددًا بعد (ثانية واحدة|ثانيتين|\d+ ثوانٍ|\d+ ثانية)\.$/);
    await flood.get(`/api/verify/${code}/credential`).expect(429);

    await from('10.0.3.2').get(`/api/verify/${code}`).expect(200);
  });
});
