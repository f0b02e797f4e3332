import { DEFAULT_CERTIFICATE_SETTINGS } from '@halaqa/certificates';
import { buildCertificateFields, printedText, type CohortPrintData } from './certificate-fields';
import { linkedInUrl } from './certificates.service';

const cohort: CohortPrintData = {
  name: { ar: 'دفعة عمّان', en: 'Amman spring', fr: 'Printemps à Amman' },
  courseTitle: { ar: 'السرد العام', en: 'Public Narrative' },
  city: { ar: 'عمّان', en: 'Amman' },
  online: false,
  startsOn: '2026-03-01',
  endsOn: '2026-04-30',
  timeZone: 'Asia/Amman',
  settings: DEFAULT_CERTIFICATE_SETTINGS,
  leadTrainers: ['رنا', 'Karim', 'Huda', 'Fourth'],
};
const context = { publicWebUrl: 'https://halaqa.example/', defaultIssuerName: { ar: 'حلقة', en: 'Halaqa', fr: 'Halaqa' } };
const CODE = 'H4TB8W1QKZ3M0R5NYC2EVG7PQD0S';

describe('printedText', () => {
  it('keeps Arabic and the secondary locale only, and never prints empty when only the third language exists', () => {
    expect(printedText({ ar: 'أ', en: 'A', fr: 'Á' }, 'fr')).toEqual({ ar: 'أ', fr: 'Á' });
    expect(printedText({ en: 'Only English' }, 'fr')).toEqual({ ar: 'Only English' });
    expect(printedText({ ar: '  ' }, 'en')).toEqual({});
  });
});

describe('buildCertificateFields', () => {
  it('dates the certificate in the cohort’s time zone and links the verify page without a locale', () => {
    // 22:30 UTC on 30 April is already 1 May in Amman (UTC+3).
    const fields = buildCertificateFields(cohort, { nameLatin: 'Salma Haddad', nameArabic: '' }, CODE, new Date('2026-04-30T22:30:00Z'), context);
    expect(fields.issuedOn).toBe('2026-05-01');
    expect(fields.verifyUrl).toBe(`https://halaqa.example/verify/${CODE}`);
    expect(fields.recipient).toEqual({ nameLatin: 'Salma Haddad', nameArabic: null });
    expect(fields.courseTitle).toEqual({ ar: 'السرد العام', en: 'Public Narrative' });
    expect(fields.issuer).toEqual({ name: { ar: 'حلقة', en: 'Halaqa' }, url: 'https://halaqa.example' });
  });

  it('signs with up to three lead trainers by default, and prints no city online', () => {
    const fields = buildCertificateFields({ ...cohort, online: true }, { nameLatin: 'S', nameArabic: 'س' }, CODE, new Date(), context);
    expect(fields.signatories.map((s) => s.name)).toEqual(['رنا', 'Karim', 'Huda']);
    expect(fields.signatories[0].title).toEqual({ ar: 'المدرّب الرئيسي', en: 'Lead trainer' });
    expect(fields.city).toEqual({});
  });

  it('builds LinkedIn’s add-to-profile link from what is printed', () => {
    const fields = buildCertificateFields(cohort, { nameLatin: 'S', nameArabic: '' }, CODE, new Date('2026-04-10T10:00:00Z'), context);
    const url = new URL(linkedInUrl(fields, 'Public Narrative', 'H4TB-8W1Q', 'en'));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Public Narrative',
      organizationName: 'Halaqa',
      issueYear: '2026',
      issueMonth: '4',
      certUrl: fields.verifyUrl,
      certId: 'H4TB-8W1Q',
    });
  });
});
