import { ValidationFailedException } from '../common/domain.exception';
import { checkAnswers } from './enrollments.service';

const cohort = {
  applicationQuestions: [
    { key: 'motivation', label: { en: 'Why?' }, required: true },
    { key: 'experience', label: { en: 'Experience' }, required: false },
  ],
};

function fieldErrors(given: Record<string, unknown>): Array<{ field: string; code: string }> {
  try {
    checkAnswers(cohort, given);
  } catch (error) {
    if (error instanceof ValidationFailedException) return error.fieldErrors.map(({ field, code }) => ({ field, code }));
    throw error;
  }
  return [];
}

describe('checkAnswers', () => {
  it('keeps trimmed answers to the questions asked and drops blank optional ones', () => {
    expect(checkAnswers(cohort, { motivation: '  To organize my street.\nAnd learn.  ', experience: '   ' })).toEqual({ motivation: 'To organize my street.\nAnd learn.' });
  });

  it('requires the required questions, a blank answer counting as none', () => {
    expect(fieldErrors({})).toEqual([{ field: 'answers.motivation', code: 'required' }]);
    expect(fieldErrors({ motivation: ' \n ' })).toEqual([{ field: 'answers.motivation', code: 'required' }]);
  });

  it('names every bad answer by its key: unknown, not text, too long, unsafe', () => {
    expect(fieldErrors({ salary: '1', motivation: 42, experience: 'x'.repeat(2001) })).toEqual([
      { field: 'answers.salary', code: 'unknown_field' },
      { field: 'answers.motivation', code: 'isString' },
      { field: 'answers.experience', code: 'maxLength' },
    ]);
    expect(fieldErrors({ motivation: 'ok\u0000' })).toEqual([{ field: 'answers.motivation', code: 'isSafeText' }]);
    expect(fieldErrors({ motivation: 'admin\u202Etxt' })).toEqual([{ field: 'answers.motivation', code: 'isSafeText' }]);
  });

  it('accepts exactly 2000 characters, Arabic included', () => {
    expect(checkAnswers(cohort, { motivation: 'ع'.repeat(2000) }).motivation).toHaveLength(2000);
  });
});
