import { isProblem, problemToFormErrors } from './problem';

const validationProblem = {
  type: 'https://halaqa.org/problems/validation.failed',
  title: 'البيانات غير صالحة',
  status: 422,
  detail: 'راجع الحقول المعلَّمة.',
  code: 'validation.failed',
  errors: [
    { field: 'email', code: 'email.taken', message: 'هذا البريد مسجَّل من قبل.' },
    { field: 'password', code: 'too_short', message: 'كلمة المرور قصيرة.' },
    { field: 'internalThing', code: 'x', message: 'Something else.' },
  ],
};

describe('problemToFormErrors', () => {
  it('puts each api error next to the form field it names, and the detail at the top of the form', () => {
    const result = problemToFormErrors(validationProblem, ['email', 'password', 'nameLatin']);
    expect(result.fieldErrors).toEqual({ email: ['هذا البريد مسجَّل من قبل.'], password: ['كلمة المرور قصيرة.'] });
    expect(result.formErrors).toEqual(['راجع الحقول المعلَّمة.', 'Something else.']);
  });

  it('maps api field names onto the form names through aliases', () => {
    const result = problemToFormErrors(
      { status: 422, code: 'validation.failed', errors: [{ field: 'newPassword', code: 'too_short', message: 'Too short.' }] },
      ['currentPassword', 'password'],
      { newPassword: 'password' },
    );
    expect(result.fieldErrors).toEqual({ password: ['Too short.'] });
  });

  it('falls back to the title when there is no detail (a 429 from login, for example)', () => {
    const result = problemToFormErrors({ status: 429, code: 'auth.rate_limited', title: 'Too many attempts. Try again in 60 seconds.' }, ['email']);
    expect(result).toEqual({ fieldErrors: {}, formErrors: ['Too many attempts. Try again in 60 seconds.'] });
  });
});

describe('isProblem', () => {
  it('recognises problem documents and rejects other bodies', () => {
    expect(isProblem(validationProblem)).toBe(true);
    expect(isProblem({ token: 'x' })).toBe(false);
    expect(isProblem(null)).toBe(false);
    expect(isProblem('Bad Gateway')).toBe(false);
  });
});
