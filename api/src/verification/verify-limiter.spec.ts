import { RateLimitedException } from '../common/domain.exception';
import { ProblemFilter } from '../common/problem.filter';

/** The 429 a visitor reads, for a wait of `seconds`, in `locale`. */
function refused(seconds: number, locale: 'ar' | 'en' | 'fr') {
  return new ProblemFilter().toProblem(new RateLimitedException(seconds, 'verify.rate_limited', 'errors.verify_rate_limited'), locale);
}

describe('too many verifications', () => {
  it.each([
    [1, 'يمكن المحاولة مجددًا بعد ثانية واحدة.'],
    [2, 'يمكن المحاولة مجددًا بعد ثانيتين.'],
    [7, 'يمكن المحاولة مجددًا بعد 7 ثوانٍ.'],
    [42, 'يمكن المحاولة مجددًا بعد 42 ثانية.'],
  ])('says a wait of %i s with the right Arabic plural form', (seconds, ending) => {
    const { body, headers } = refused(seconds, 'ar');
    expect(body).toMatchObject({ status: 429, code: 'verify.rate_limited', title: 'عمليات تحقّق كثيرة جدًا' });
    expect(body.detail.endsWith(ending)).toBe(true);
    expect(headers['Retry-After']).toBe(String(seconds));
  });

  it('says it in English and French too, rounding the wait up to whole seconds', () => {
    expect(refused(0.2, 'en').body.detail).toBe('Too many certificates were checked from this connection. Try again in 1 second.');
    expect(refused(29.1, 'fr').body.detail).toBe('Trop de certificats ont été vérifiés depuis cette connexion. Réessayez dans 30 secondes.');
  });
});
