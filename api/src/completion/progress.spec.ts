import type { CompletionRule } from '@halaqa/courses';
import { evaluate, type PersonRow } from './progress';

const person: PersonRow = {
  enrollment_id: 'e1',
  user_id: 'u1',
  email: 'salma@example.org',
  locale: 'ar',
  name_latin: 'Salma',
  name_arabic: 'سلمى',
  display_name: 'سلمى',
  status: 'active',
  circle_id: null,
  circle_name: null,
  passed_ids: ['a1', 'a2'],
  review_passed: null,
  review_note: null,
  reviewed_at: null,
  certificate_id: null,
  code: null,
  revision: null,
  issued_at: null,
  revoked_at: null,
  pdf_revision: null,
};
const rule: CompletionRule = { minAttendancePercent: 75, requiredExercises: 'all', finalReview: false };

describe('evaluate (completion rules)', () => {
  it('needs a held session and the share in percent, inclusive', () => {
    expect(evaluate(person, rule, 2, { held: 0, attended: 0, rate: null }).unmet).toEqual(['attendance']);
    expect(evaluate(person, rule, 2, { held: 4, attended: 3, rate: 0.75 }).eligible).toBe(true);
    expect(evaluate(person, rule, 2, { held: 3, attended: 2, rate: 2 / 3 }).unmet).toEqual(['attendance']);
  });

  it('a 0% rule is met before anything was held', () => {
    expect(evaluate(person, { ...rule, minAttendancePercent: 0 }, 2, { held: 0, attended: 0, rate: null }).attendance.met).toBe(true);
  });

  it('names every unmet rule in order, the final review only when the rule asks for it', () => {
    const r = evaluate({ ...person, passed_ids: ['a1'], review_passed: false }, { ...rule, finalReview: true }, 2, { held: 1, attended: 0, rate: 0 });
    expect(r.unmet).toEqual(['attendance', 'assignments', 'final_review']);
    expect(r.finalReview).toMatchObject({ required: true, passed: false, met: false });
    expect(evaluate({ ...person, review_passed: false }, rule, 2, { held: 1, attended: 1, rate: 1 }).finalReview.met).toBe(true);
  });

  it('no required exercise means the assignments rule is met', () => {
    expect(evaluate({ ...person, passed_ids: [] }, rule, 0, { held: 1, attended: 1, rate: 1 }).assignments).toMatchObject({ required: 0, passed: 0, met: true });
  });
});
