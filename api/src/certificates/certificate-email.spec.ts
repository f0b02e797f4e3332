import type { CertificateFields } from '@halaqa/certificates';
import { certificateIssuedEmail } from './certificate-email';
import { certificatePdfKey } from './certificate.processor';

const fields = {
  code: 'JQ33A1D25N58H5206XTM3AYWC5F4',
  secondaryLocale: 'en',
  courseTitle: { ar: 'اللاعنف الاستراتيجي', en: 'Strategic Nonviolence' },
  cohortName: { ar: 'دفعة بغداد الأولى', en: 'Baghdad, first cohort' },
} as CertificateFields;
const certificate = { id: '0b7e2a34-5c6d-4e8f-9a1b-2c3d4e5f6a7b', code: fields.code, revision: 1, fields };
const names = { courseTitle: { ar: 'اللاعنف الاستراتيجي', en: 'Strategic Nonviolence', fr: 'Non-violence stratégique' }, cohortName: { ar: 'دفعة بغداد الأولى', fr: 'Bagdad, première cohorte' } };

describe('certificateIssuedEmail', () => {
  it('speaks the holder’s language, names them in their script, links the verify page and dashboard, and attaches the PDF', () => {
    const email = certificateIssuedEmail(certificate, { email: 'y@example.org', locale: 'fr', nameLatin: 'Yasmine Trabelsi', nameArabic: 'ياسمين الطرابلسي' }, names, 'ab/cd/x', 'https://halaqa.example/');
    expect(email).toMatchObject({
      template: 'certificate_issued',
      to: 'y@example.org',
      locale: 'fr',
      data: { name: 'Yasmine Trabelsi', courseTitle: 'Non-violence stratégique', cohortName: 'Bagdad, première cohorte', verifyUrl: `https://halaqa.example/fr/verify/${fields.code}`, url: 'https://halaqa.example/fr/dashboard' },
      certificate: { certificateId: certificate.id, revision: 1 },
      attachments: [{ fileKey: 'ab/cd/x', filename: 'certificate-JQ33-A1D2-5N58-H520-6XTM-3AYW-C5F4.pdf', contentType: 'application/pdf' }],
    });
    expect(email.data.corrected).toBeUndefined();

    const arabic = certificateIssuedEmail({ ...certificate, revision: 2 }, { email: 'y@example.org', locale: 'ar', nameLatin: 'Yasmine Trabelsi', nameArabic: '' }, names, 'ab/cd/x', 'https://halaqa.example');
    expect(arabic.data).toMatchObject({ name: 'Yasmine Trabelsi', courseTitle: 'اللاعنف الاستراتيجي', corrected: 'true' });
  });
});

describe('certificatePdfKey', () => {
  it('is a FileStore key of its own for each certificate revision, the same on every attempt', () => {
    const key = certificatePdfKey(certificate.id, 1);
    expect(key).toMatch(/^[a-z0-9]{2}\/[a-z0-9]{2}\/[a-z0-9-]{36}$/);
    expect(certificatePdfKey(certificate.id, 1)).toBe(key);
    expect(certificatePdfKey(certificate.id, 2)).not.toBe(key);
  });
});
