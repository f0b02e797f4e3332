import { createHash, createHmac, verify } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { buildOpenBadgeCredential, identityHash, issuerKeyFromSecret, jwks, signCredential, type OpenBadgeCredentialOptions } from './credential';
import type { CertificateFields } from './fields';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

function makeFields(overrides: Partial<CertificateFields> = {}): CertificateFields {
  return {
    code: 'H4TB8W1QKZ3M0R5NYC2EVG7PQD0S',
    verifyUrl: 'https://halaqa.example/verify/H4TB8W1QKZ3M0R5NYC2EVG7PQD0S',
    secondaryLocale: 'fr',
    recipient: { nameArabic: 'سلمى الحسيني', nameLatin: 'Salma El Husseini' },
    courseTitle: { ar: 'التيسير التشاركي', fr: 'Facilitation participative' },
    cohortName: { ar: 'دفعة الربيع', fr: 'Promotion de printemps' },
    city: { ar: 'تونس', fr: 'Tunis' },
    online: false,
    startsOn: '2026-03-01',
    endsOn: '2026-05-30',
    issuedOn: '2026-06-02',
    issuer: { name: { ar: 'حلقة', fr: 'Halaqa' }, url: 'https://halaqa.example' },
    signatories: [{ name: 'Nour Haddad', title: { ar: 'المدرّبة الرئيسية', fr: 'Formatrice principale' } }],
    ...overrides,
  };
}

const options: OpenBadgeCredentialOptions = {
  credentialId: 'https://api.halaqa.example/api/verify/H4TB8W1QKZ3M0R5NYC2EVG7PQD0S/credential',
  issuerId: 'https://api.halaqa.example/api/issuer',
  achievementId: 'urn:uuid:6f1c2a4e-8f51-4d0b-a1b8-3c1f5e2d9a77',
  identityHash: identityHash('salma@example.org', 'c0ffee'),
  identitySalt: 'c0ffee',
  validFrom: new Date('2026-06-02T09:30:00Z'),
};

describe('issuerKeyFromSecret', () => {
  it('derives the same Ed25519 key from the same secret on every call, and another key from another secret', () => {
    const a = issuerKeyFromSecret(SECRET);
    const b = issuerKeyFromSecret(SECRET);
    const other = issuerKeyFromSecret(SECRET + '!');
    expect(a.publicJwk).toEqual(b.publicJwk);
    expect(a.kid).toBe(b.kid);
    expect(a.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(other.publicJwk.x).not.toBe(a.publicJwk.x);
    expect(other.kid).not.toBe(a.kid);
  });

  it('uses the seed HMAC-SHA256(secret, label), so any implementation of the ADR derives the same key', () => {
    const key = issuerKeyFromSecret('halaqa-development-credential-signing-secret');
    const seed = createHmac('sha256', 'halaqa-development-credential-signing-secret').update('halaqa credential signing key v1').digest();
    expect(key.privateKey.export({ format: 'jwk' }).d).toBe(seed.toString('base64url'));
    // Pinned: a change here would orphan every credential signed with the development key.
    expect(key.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: 'dAPd51eVqkho-jfzd526dTVdlFti-5xhieGIdi3nXYk' });
  });

  it('names the key by its RFC 7638 thumbprint, as jose computes it', async () => {
    const key = issuerKeyFromSecret(SECRET);
    expect(key.kid).toBe(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
  });
});

describe('jwks', () => {
  it('publishes each public key once, current first, with kid, use and alg, and no private part', () => {
    const current = issuerKeyFromSecret(SECRET);
    const previous = issuerKeyFromSecret('an-older-secret-of-at-least-thirty-two-chars');
    const set = jwks([current, previous, current]);
    expect(set.keys).toEqual([
      { kty: 'OKP', crv: 'Ed25519', x: current.publicJwk.x, kid: current.kid, use: 'sig', alg: 'EdDSA' },
      { kty: 'OKP', crv: 'Ed25519', x: previous.publicJwk.x, kid: previous.kid, use: 'sig', alg: 'EdDSA' },
    ]);
    expect(JSON.stringify(set)).not.toMatch(/"d"/);
  });
});

describe('identityHash', () => {
  it('is sha256$ and the hex SHA-256 of the email followed by the salt', () => {
    const expected = createHash('sha256').update('salma@example.org' + 'c0ffee').digest('hex');
    expect(identityHash('salma@example.org', 'c0ffee')).toBe(`sha256$${expected}`);
  });

  it('ignores case and surrounding spaces of the email, and changes with the salt', () => {
    expect(identityHash(' Salma@Example.org ', 'c0ffee')).toBe(identityHash('salma@example.org', 'c0ffee'));
    expect(identityHash('salma@example.org', 'other')).not.toBe(identityHash('salma@example.org', 'c0ffee'));
  });
});

describe('buildOpenBadgeCredential', () => {
  it('is an Open Badges 3.0 OpenBadgeCredential of the printed fields, naming the holder by a salted hash only', () => {
    const credential = buildOpenBadgeCredential(makeFields(), options);
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: options.credentialId,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://api.halaqa.example/api/issuer', type: ['Profile'], name: 'حلقة', url: 'https://halaqa.example' },
      validFrom: '2026-06-02T09:30:00.000Z',
      name: 'التيسير التشاركي',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityHash: options.identityHash, identityType: 'emailAddress', hashed: true, salt: 'c0ffee' }],
        achievement: { id: options.achievementId, type: ['Achievement'], name: 'التيسير التشاركي', achievementType: 'Certificate', inLanguage: 'ar' },
      },
    });
    const { description, criteria } = credential.credentialSubject.achievement;
    expect(description).toBe(
      'شهادة إتمام دورة «التيسير التشاركي» — دفعة الربيع، تونس، من 2026-03-01 إلى 2026-05-30.\n\n' +
        'Certificat de réussite de la formation « Facilitation participative » — Promotion de printemps, Tunis, du 2026-03-01 au 2026-05-30.',
    );
    expect(criteria.narrative).toMatch(/^استوفى المتدرّب شروط إتمام الدفعة.*\n\nLa personne formée a rempli/s);
    expect(JSON.stringify(credential)).not.toContain('salma@example.org');
  });

  it('says online instead of a city, and falls back to the other locale when a title has one side only', () => {
    const credential = buildOpenBadgeCredential(
      makeFields({ online: true, city: {}, secondaryLocale: 'en', courseTitle: { en: 'Community organizing' }, cohortName: { ar: 'الدفعة الأولى' } }),
      options,
    );
    expect(credential.name).toBe('Community organizing');
    expect(credential.credentialSubject.achievement.inLanguage).toBe('en');
    expect(credential.description).toBe(
      'شهادة إتمام دورة «Community organizing» — الدفعة الأولى، عن بُعد، من 2026-03-01 إلى 2026-05-30.\n\n' +
        'Certificate of completion of the course “Community organizing” — الدفعة الأولى, online, 2026-03-01 to 2026-05-30.',
    );
  });
});

describe('signCredential', () => {
  it('is a compact VC-JWT: EdDSA header with kid and typ, the credential as claims plus iss, jti and nbf', async () => {
    const key = issuerKeyFromSecret(SECRET);
    const credential = buildOpenBadgeCredential(makeFields(), options);
    const jws = await signCredential(credential, key);

    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt' });
    const { payload } = await jwtVerify(jws, await importJWK({ ...key.publicJwk, alg: 'EdDSA' }), { typ: 'vc+jwt' });
    expect(payload).toEqual({ ...credential, iss: options.issuerId, jti: options.credentialId, nbf: Date.parse('2026-06-02T09:30:00Z') / 1000 });
    expect(payload).not.toHaveProperty('sub');
  });

  it('verifies only with the signing key, and not once the payload is changed', async () => {
    const key = issuerKeyFromSecret(SECRET);
    const jws = await signCredential(buildOpenBadgeCredential(makeFields(), options), key);
    const [header, payload, signature] = jws.split('.');
    const signed = Buffer.from(`${header}.${payload}`);
    expect(verify(null, signed, key.privateKey, Buffer.from(signature, 'base64url'))).toBe(true);

    const other = issuerKeyFromSecret('an-older-secret-of-at-least-thirty-two-chars');
    expect(verify(null, signed, other.privateKey, Buffer.from(signature, 'base64url'))).toBe(false);

    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.name = 'Forged course';
    const forged = Buffer.from(`${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`);
    expect(verify(null, forged, key.privateKey, Buffer.from(signature, 'base64url'))).toBe(false);
  });
});
