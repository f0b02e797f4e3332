import { ValidationFailedException } from '../common/domain.exception';
import { assertHasAName } from './profile-rules';
import { displayName } from './user.response';

describe('assertHasAName', () => {
  it('accepts a name in either script', () => {
    expect(() => assertHasAName('Layla', '')).not.toThrow();
    expect(() => assertHasAName('', 'ليلى')).not.toThrow();
  });

  it('refuses two empty names, naming both fields', () => {
    try {
      assertHasAName(' ', '');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedException);
      expect((error as ValidationFailedException).fieldErrors.map((e) => [e.field, e.code])).toEqual([
        ['nameLatin', 'nameRequired'],
        ['nameArabic', 'nameRequired'],
      ]);
    }
  });
});

describe('displayName', () => {
  it('greets in the script of the reader’s locale when the person has that name', () => {
    expect(displayName({ nameLatin: 'Layla', nameArabic: 'ليلى', locale: 'ar' })).toBe('ليلى');
    expect(displayName({ nameLatin: 'Layla', nameArabic: 'ليلى', locale: 'fr' })).toBe('Layla');
    expect(displayName({ nameLatin: '', nameArabic: 'ليلى', locale: 'en' })).toBe('ليلى');
  });
});
