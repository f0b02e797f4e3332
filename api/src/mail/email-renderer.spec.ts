import { LOCALES } from '../common/localized-text';
import { EMAIL_TEMPLATES } from './email-message';
import { EMAIL_CATALOGS, InvalidEmailPayloadError, parseEmailPayload, renderEmail } from './email-renderer';

const options = { publicWebUrl: 'https://halaqa.example' };
const TEMPLATES = EMAIL_TEMPLATES;

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe('email catalogs', () => {
  it('have the same keys in ar, en and fr, none empty', () => {
    const english = keysOf(EMAIL_CATALOGS.en).sort();
    for (const locale of LOCALES) {
      expect(keysOf(EMAIL_CATALOGS[locale]).sort()).toEqual(english);
      for (const key of english) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], EMAIL_CATALOGS[locale]);
        expect(typeof text === 'string' && text.trim().length > 0).toBe(true);
      }
    }
  });
});

describe('renderEmail', () => {
  it('writes Arabic right to left, in Arabic', () => {
    const email = renderEmail({ template: 'welcome', to: 'salma@example.org', locale: 'ar', data: { name: 'سلمى', url: 'https://halaqa.example/ar' } }, options);

    expect(email.subject).toBe('أهلاً بك في حلقة يا سلمى');
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.html).toContain('<body dir="rtl"');
    expect(email.html).toContain('text-align:right');
    expect(email.html).toContain('مرحباً <bdi>سلمى</bdi>،');
    expect(email.text).toContain('مرحباً سلمى،');
    expect(email.text).toContain('الدخول إلى حلقة:\nhttps://halaqa.example/ar');
  });

  it.each([
    ['en', 'Welcome to Halaqa, Sam'],
    ['fr', 'Bienvenue sur Halaqa, Sam'],
  ] as const)('writes %s left to right', (locale, subject) => {
    const email = renderEmail({ template: 'welcome', to: 'sam@example.org', locale, data: { name: 'Sam', url: `https://halaqa.example/${locale}` } }, options);

    expect(email.subject).toBe(subject);
    expect(email.html).toContain(`<html lang="${locale}" dir="ltr">`);
    expect(email.html).toContain('text-align:left');
    expect(email.html).not.toContain('dir="rtl"');
  });

  it('escapes every value in the HTML and keeps it as typed in the text', () => {
    const email = renderEmail(
      {
        template: 'invitation',
        to: 'x@example.org',
        locale: 'en',
        data: { name: '<script>alert(1)</script>', inviterName: 'Tom & "Jerry"', organizationName: "O'Reilly <Org>", url: 'https://halaqa.example/en/invitations/a"b<c' },
      },
      options,
    );

    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('<bdi>Tom &amp; &quot;Jerry&quot;</bdi>');
    expect(email.html).toContain('<bdi>O&#39;Reilly &lt;Org&gt;</bdi>');
    expect(email.html).toContain('href="https://halaqa.example/en/invitations/a%22b%3Cc"');
    expect(email.subject).toBe('Tom & "Jerry" invites you to join O\'Reilly <Org> on Halaqa');
    expect(email.text).toContain('Hello <script>alert(1)</script>,');
  });

  it('names who invited and the organization, with the expiry in the reader’s language and time zone', () => {
    const data = { name: '', url: 'https://halaqa.example/fr/invitations/t', inviterName: 'Amal Haddad', organizationName: 'Réseau Ahel', expiresAt: '2026-03-01T10:00:00Z', timeZone: 'Africa/Tunis' };
    const email = renderEmail({ template: 'invitation', to: 'x@example.org', locale: 'fr', data }, options);

    expect(email.subject).toBe('Amal Haddad vous invite à rejoindre Réseau Ahel sur Halaqa');
    expect(email.text).toContain('Bonjour,');
    expect(email.text).toContain('l’équipe de Réseau Ahel');
    expect(email.text).toContain('valable jusqu’au 1 mars 2026 à 11:00 UTC+1');
  });

  it('invites without an organization or a known inviter', () => {
    const email = renderEmail({ template: 'invitation', to: 'x@example.org', locale: 'ar', data: { url: 'https://halaqa.example/ar/invitations/t' } }, options);

    expect(email.subject).toBe('دعوة من أحد أعضاء فريق حلقة للانضمام إلى حلقة');
    expect(email.text).toContain('هذه الدعوة صالحة لمدّة ٧ أيام.');
  });

  it('makes a path absolute against PUBLIC_WEB_URL and refuses other schemes', () => {
    const email = renderEmail({ template: 'password_reset', to: 'x@example.org', locale: 'en', data: { url: '/en/reset-password/abc' } }, options);
    expect(email.text).toContain('https://halaqa.example/en/reset-password/abc');

    expect(() => renderEmail({ template: 'password_reset', to: 'x@example.org', locale: 'en', data: { url: 'javascript:alert(1)' } }, options)).toThrow(InvalidEmailPayloadError);
  });

  it.each(TEMPLATES.flatMap((template) => LOCALES.map((locale) => [template, locale] as const)))('renders %s in %s with its link and no placeholder left', (template, locale) => {
    const url = `https://halaqa.example/${locale}/x`;
    const data = { name: 'N', url, inviterName: 'I', organizationName: 'O', expiresAt: '2026-01-01T00:00:00Z', courseTitle: 'C', cohortName: 'K', startsOn: '2026-03-01', endsOn: '2026-04-30', timeZone: 'Asia/Amman',
      circleName: 'H', startsAt: '2026-12-03T15:00:00Z', sessionTimeZone: 'Africa/Tunis', place: 'P', onlineUrl: 'https://meet.example.org/x', agenda: 'A' };
    const email = renderEmail({ template, to: 'x@example.org', locale, data }, options);

    for (const part of [email.subject, email.html, email.text]) expect(part).not.toMatch(/\{\{|\}\}/);
    expect(email.html).toContain(`href="${url}"`);
    expect(email.text).toContain(url);
  });
});

describe('enrollment emails', () => {
  const cohort = { courseTitle: 'السرد العام', cohortName: 'دفعة عمّان', startsOn: '2026-03-01', endsOn: '2026-04-30', timeZone: 'Asia/Amman' };

  it('tell an Arabic reader, right to left, which course and cohort and when it runs, in the cohort’s time zone', () => {
    const email = renderEmail({ template: 'enrollment_promoted', to: 'x@example.org', locale: 'ar', data: { name: 'سلمى', url: '/ar/cohorts/c1', ...cohort } }, options);

    expect(email.subject).toBe('شغر مقعد لك في السرد العام (دفعة عمّان)');
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.text).toContain('انتقلت من قائمة الانتظار إلى الدفعة');
    expect(email.text).toMatch(/مواعيد الدفعة: 1 مارس\s–\s30 أبريل 2026 \(توقيت الأردن\)\./u);
    expect(email.text).toContain('فتح صفحة الدفعة:\nhttps://halaqa.example/ar/cohorts/c1');
  });

  it('keep the calendar days of the cohort whatever the zone, and say so in English and French', () => {
    const data = { name: 'Sam', url: '/en/cohorts/c1', courseTitle: 'Public Narrative', cohortName: 'Tunis spring', startsOn: '2026-03-01', endsOn: '2026-03-01', timeZone: 'Pacific/Kiritimati' };
    expect(renderEmail({ template: 'enrollment_enrolled', to: 'x@example.org', locale: 'en', data }, options).text).toContain('Cohort dates: March 1, 2026');
    const fr = renderEmail({ template: 'enrollment_waitlisted', to: 'x@example.org', locale: 'fr', data: { ...data, url: '/fr/cohorts/c1', startsOn: '2026-03-01', endsOn: '2026-04-30', timeZone: 'Africa/Tunis' } }, options);
    expect(fr.subject).toBe('Vous êtes sur la liste d’attente de Public Narrative (Tunis spring)');
    // Intl puts thin spaces around the dash of a range.
    expect(fr.text).toMatch(/1 mars\s–\s30 avril 2026/u);
  });

  it('name the organization only for a nomination into its seats', () => {
    const nominated = renderEmail({ template: 'enrollment_enrolled', to: 'x@example.org', locale: 'en', data: { url: '/en/cohorts/c1', ...cohort, organizationName: 'Ahel' } }, options);
    const open = renderEmail({ template: 'enrollment_enrolled', to: 'x@example.org', locale: 'en', data: { url: '/en/cohorts/c1', ...cohort } }, options);

    expect(nominated.text).toContain('Ahel has given you one of its seats');
    expect(open.text).toContain('Welcome! You are enrolled in the cohort');
  });
});

describe('session reminders', () => {
  const data = { name: 'Salma', url: '/en/my-circle', circleName: 'Jabal circle', courseTitle: 'Public Narrative', startsAt: '2026-12-03T15:00:00Z', durationMinutes: '90', place: 'Jabal al-Weibdeh <library>', onlineUrl: '', agenda: 'Story of self\nStory of us' };

  it('say when in the reader’s zone, and in the circle’s zone too when the clocks differ', () => {
    const amman = renderEmail({ template: 'session_reminder', to: 'x@example.org', locale: 'en', data: { ...data, timeZone: 'Asia/Amman', sessionTimeZone: 'Asia/Amman' } }, options);
    expect(amman.subject).toBe('Tomorrow: Jabal circle at 18:00');
    expect(amman.text).toContain('When: Thursday, December 3, 2026 at 18:00');
    expect(amman.text).not.toContain('In the circle’s time zone');
    expect(amman.text).toContain('Where: Jabal al-Weibdeh <library>.');
    expect(amman.html).toContain('Jabal al-Weibdeh &lt;library&gt;');
    expect(amman.text).toContain('Agenda: Story of self\nStory of us');

    const paris = renderEmail({ template: 'session_reminder', to: 'x@example.org', locale: 'fr', data: { ...data, url: '/fr/my-circle', timeZone: 'Europe/Paris', sessionTimeZone: 'Asia/Amman' } }, options);
    expect(paris.subject).toBe('Demain : Jabal circle à 16:00');
    expect(paris.text).toMatch(/Quand : jeudi 3 décembre 2026 à 16:00/u);
    expect(paris.text).toMatch(/À l’heure du cercle \(.+\) : jeudi 3 décembre 2026 à 18:00/u);
  });

  it('carry which reminder they are, for the check at send time', () => {
    const reminder = { sessionId: '0b7e2a34-5c6d-4e8f-9a1b-2c3d4e5f6a7b', userId: '1b7e2a34-5c6d-4e8f-9a1b-2c3d4e5f6a7b', sequence: 2 };
    expect(parseEmailPayload({ template: 'session_reminder', to: 'x@example.org', locale: 'ar', data, reminder }).reminder).toEqual(reminder);
    expect(() => parseEmailPayload({ template: 'session_reminder', to: 'x@example.org', locale: 'ar', data, reminder: { ...reminder, sequence: -1 } })).toThrow(/reminder/);
  });
});

describe('parseEmailPayload', () => {
  it('refuses an unknown template or locale, naming the field', () => {
    expect(() => parseEmailPayload({ template: 'newsletter', to: 'x@example.org', locale: 'ar', data: {} })).toThrow(/template/);
    expect(() => parseEmailPayload({ template: 'welcome', to: 'x@example.org', locale: 'de', data: {} })).toThrow(/locale/);
  });
});

describe('certificate emails', () => {
  const data = { name: 'Salma', courseTitle: 'Community organizing', cohortName: 'Amman, spring 2026', verifyUrl: '/en/verify/ABCD', url: '/en/dashboard' };

  it('congratulate, link the verify page and the dashboard; a re-issue says it is the corrected certificate', () => {
    const first = renderEmail({ template: 'certificate_issued', to: 'x@example.org', locale: 'en', data }, options);
    expect(first.subject).toBe('Your certificate for “Community organizing”');
    expect(first.text).toContain('Congratulations! You have completed “Community organizing” (Amman, spring 2026)');
    expect(first.text).toContain('Anyone can check that it is genuine at: https://halaqa.example/en/verify/ABCD');
    expect(first.text).toContain('Open my certificates:\nhttps://halaqa.example/en/dashboard');

    const corrected = renderEmail({ template: 'certificate_issued', to: 'x@example.org', locale: 'ar', data: { ...data, name: 'سلمى', corrected: 'true' } }, options);
    expect(corrected.subject).toBe('شهادتك المصحَّحة في «Community organizing»');
    expect(corrected.text).toContain('صحّحنا شهادتك');
    expect(corrected.html).toContain('<html lang="ar" dir="rtl">');
  });

  it('say when a certificate was revoked and why, as the reader writes dates', () => {
    const revoked = renderEmail(
      { template: 'certificate_revoked', to: 'x@example.org', locale: 'fr', data: { ...data, revokedAt: '2026-11-20T23:30:00Z', timeZone: 'Asia/Amman', reason: 'Présence falsifiée' } },
      options,
    );
    expect(revoked.subject).toBe('Votre certificat pour «\u00a0Community organizing\u00a0» a été révoqué');
    expect(revoked.text).toContain('a été révoqué le 21 novembre 2026.');
    expect(revoked.text).toContain('Motif\u00a0: Présence falsifiée');
  });

  it('carry the certificate revision and the PDF to attach; a file key must be a FileStore key', () => {
    const attachments = [{ fileKey: 'ab/cd/abcdabcd-1234-4234-8234-abcdabcdabcd', filename: 'certificate-ABCD.pdf', contentType: 'application/pdf' }];
    const certificate = { certificateId: '0b7e2a34-5c6d-4e8f-9a1b-2c3d4e5f6a7b', revision: 2 };
    const parsed = parseEmailPayload({ template: 'certificate_issued', to: 'x@example.org', locale: 'en', data, certificate, attachments });
    expect(parsed.attachments).toEqual(attachments);
    expect(parsed.certificate).toEqual(certificate);
    expect(() => parseEmailPayload({ template: 'certificate_issued', to: 'x@example.org', locale: 'en', data, attachments: [{ ...attachments[0], fileKey: '../../etc/passwd' }] })).toThrow(/attachments/);
  });
});
