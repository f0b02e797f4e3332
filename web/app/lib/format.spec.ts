import { displayName, formatCountry } from './format';

describe('displayName', () => {
  it('prefers the Arabic-script name on Arabic pages and the Latin-script name elsewhere', () => {
    const person = { nameLatin: 'Rania Haddad', nameArabic: 'رانيا حداد' };
    expect(displayName(person, 'ar')).toBe('رانيا حداد');
    expect(displayName(person, 'en')).toBe('Rania Haddad');
    expect(displayName(person, 'fr')).toBe('Rania Haddad');
  });

  it('falls back to the other script, then to the email', () => {
    expect(displayName({ nameLatin: 'Sami', nameArabic: null }, 'ar')).toBe('Sami');
    expect(displayName({ nameLatin: '', nameArabic: 'سامي' }, 'en')).toBe('سامي');
    expect(displayName({ nameLatin: null, nameArabic: '  ', email: 'x@example.org' }, 'fr')).toBe('x@example.org');
  });
});

describe('formatCountry', () => {
  it('names a country in the reader’s language', () => {
    expect(formatCountry('JO', 'en')).toBe('Jordan');
    expect(formatCountry('tn', 'fr')).toBe('Tunisie');
  });

  it('calls Palestine by the name its organizations use, in every language, and keeps other names whole', () => {
    expect(formatCountry('PS', 'ar')).toBe('فلسطين');
    expect(formatCountry('PS', 'en')).toBe('Palestine');
    expect(formatCountry('ps', 'fr')).toBe('Palestine');
    expect(formatCountry('US', 'en')).toBe('United States');
  });
});
