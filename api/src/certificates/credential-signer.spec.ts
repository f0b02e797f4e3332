import { decodeJwt } from 'jose';
import { loadConfig } from '../config/config';
import { achievementIdOf, CredentialSigner } from './credential-signer';

describe('achievementIdOf', () => {
  it('is a version 5 UUID of the cohort: the same for every graduate of a cohort, different across cohorts, never the id itself', () => {
    const cohortId = '6f1c2a4e-8f51-4d0b-a1b8-3c1f5e2d9a77';
    expect(achievementIdOf(cohortId)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(achievementIdOf(cohortId)).toBe(achievementIdOf(cohortId));
    expect(achievementIdOf('0b1e2d3c-4a5b-4c6d-8e7f-9a0b1c2d3e4f')).not.toBe(achievementIdOf(cohortId));
    expect(achievementIdOf(cohortId)).not.toContain(cohortId);
    // RFC 9562 §5.5 (SHA-1 of namespace + name), as the `uuid` package computes it: pins the ids already issued.
    expect(achievementIdOf('x')).toBe('urn:uuid:e09248f5-bc33-5a9a-8c8e-c0d9afb80c84');
  });
});

describe('CredentialSigner', () => {
  const config = loadConfig({ PUBLIC_API_URL: 'https://api.halaqa.example', CREDENTIAL_PREVIOUS_SECRETS: 'p'.repeat(32) });
  const signer = new CredentialSigner(config);

  it('signs a certificate row with its public URLs, the holder hashed with the row’s salt', async () => {
    const fields = {
      code: 'H4TB8W1QKZ3M0R5NYC2EVG7PQD0S',
      verifyUrl: 'https://halaqa.example/verify/H4TB8W1QKZ3M0R5NYC2EVG7PQD0S',
      secondaryLocale: 'en' as const,
      recipient: { nameArabic: null, nameLatin: 'Omar Saleh' },
      courseTitle: { en: 'Budgeting for NGOs' },
      cohortName: { en: 'Online winter' },
      city: {},
      online: true,
      startsOn: '2026-01-05',
      endsOn: '2026-02-20',
      issuedOn: '2026-02-22',
      issuer: { name: { ar: 'حلقة', en: 'Halaqa' }, url: 'https://halaqa.example' },
      signatories: [],
    };
    const jws = await signer.sign({ code: fields.code, cohortId: '6f1c2a4e-8f51-4d0b-a1b8-3c1f5e2d9a77', fields, identitySalt: 'salt', issuedAt: new Date('2026-02-22T12:00:00Z') }, 'omar@example.org');
    expect(decodeJwt(jws)).toMatchObject({
      iss: 'https://api.halaqa.example/api/issuer',
      jti: 'https://api.halaqa.example/api/verify/H4TB8W1QKZ3M0R5NYC2EVG7PQD0S/credential',
      credentialSubject: { identifier: [{ salt: 'salt' }], achievement: { id: achievementIdOf('6f1c2a4e-8f51-4d0b-a1b8-3c1f5e2d9a77'), name: 'Budgeting for NGOs' } },
    });
    expect(jws).not.toContain('omar');
  });

  it('publishes the current key and the previous secrets’ keys', () => {
    const { keys } = signer.jwks();
    expect(keys.map((k) => k.kid)).toEqual([signer.currentKey.kid, expect.any(String)]);
    expect(keys[1].kid).not.toBe(keys[0].kid);
  });
});
