import { LOCALES } from '../common/localized-text';
import { renderEmail } from '../mail/email-renderer';

describe('review emails', () => {
  const data = { name: 'سلمى', assignmentTitle: 'قصة الذات', courseTitle: 'السرد العام', cohortName: 'دفعة عمّان', url: '/ar/exercises/1' };

  it.each(LOCALES.flatMap((locale) => (['feedback_released', 'returned_for_revision'] as const).map((template) => [template, locale] as const)))(
    '%s renders in %s with the assignment named and every placeholder filled',
    (template, locale) => {
      const email = renderEmail({ template, to: 'salma@example.org', locale, data }, { publicWebUrl: 'https://halaqa.example' });
      expect(email.subject).toContain('قصة الذات');
      expect(email.text).toContain('السرد العام');
      expect(email.text).toContain('https://halaqa.example/ar/exercises/1');
      expect(`${email.subject}${email.text}${email.html}`).not.toMatch(/\{\{|\}\}/);
    },
  );

  it('says passed in the subject of feedback_released and asks for a revision in returned_for_revision (Arabic)', () => {
    const passed = renderEmail({ template: 'feedback_released', to: 's@example.org', locale: 'ar', data }, { publicWebUrl: 'https://halaqa.example' });
    const revise = renderEmail({ template: 'returned_for_revision', to: 's@example.org', locale: 'ar', data }, { publicWebUrl: 'https://halaqa.example' });
    expect(passed.subject).toBe('ملاحظات على «قصة الذات»: ناجح');
    expect(revise.text).toContain('يطلب منك تعديله');
    expect(passed.html).toContain('dir="rtl"');
  });
});
