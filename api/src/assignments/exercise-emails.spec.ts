import { parseEmailPayload, renderEmail } from '../mail/email-renderer';

const options = { publicWebUrl: 'https://halaqa.example' };

describe('exercise emails', () => {
  it('tell a coach, in French, who submitted what, with a link to the submission', () => {
    const email = renderEmail(
      { template: 'submission_received', to: 'k@example.org', locale: 'fr', data: { name: '', traineeName: 'Salma', assignmentTitle: 'Ma story', courseTitle: 'Le récit public', url: '/fr/grading/abc' } },
      options,
    );
    expect(email.subject).toBe('Salma a rendu «\u00a0Ma story\u00a0»');
    expect(email.text).toContain('Salma a rendu son travail pour «\u00a0Ma story\u00a0» (Le récit public).');
    expect(email.text).toContain('https://halaqa.example/fr/grading/abc');
  });

  it('tell a trainee, in Arabic and right to left, when the exercise is due in their own time zone', () => {
    const email = renderEmail(
      {
        template: 'assignment_due_soon',
        to: 's@example.org',
        locale: 'ar',
        data: { name: 'سلمى', assignmentTitle: 'قصتي', courseTitle: 'السرد العام', dueAt: '2027-03-08T20:59:00.000Z', timeZone: 'Asia/Amman', url: '/ar/assignments/x' },
      },
      options,
    );
    expect(email.subject).toBe('موعد تسليم «قصتي» يقترب');
    expect(email.html).toContain('dir="rtl"');
    // 23:59 in Amman (UTC+3), as an Arabic reader says it.
    expect(email.text).toContain('آخر موعد: 8 مارس 2027 في 11:59 م');
  });

  it('carry which due date they announce, for the check at send time', () => {
    const dueSoon = { assignmentId: '6f1c2a43-0a53-4a8e-9d43-1a2b3c4d5e6f', enrollmentId: '7f1c2a43-0a53-4a8e-9d43-1a2b3c4d5e6f', dueAt: '2027-03-08T20:59:00.000Z' };
    expect(parseEmailPayload({ template: 'assignment_due_soon', to: 's@example.org', locale: 'en', data: {}, dueSoon }).dueSoon).toEqual(dueSoon);
    expect(() => parseEmailPayload({ template: 'assignment_due_soon', to: 's@example.org', locale: 'en', data: {}, dueSoon: { ...dueSoon, enrollmentId: 'x' } })).toThrow(/dueSoon/);
  });
});
