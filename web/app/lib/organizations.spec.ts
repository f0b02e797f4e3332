import { countryOptions, localizedText, pageCount, pageHref } from './organizations';

describe('localizedText', () => {
  it('uses the reader’s language, then Arabic, English, French', () => {
    expect(localizedText({ ar: 'عمّان', en: 'Amman' }, 'en')).toBe('Amman');
    expect(localizedText({ ar: 'عمّان', en: 'Amman' }, 'fr')).toBe('عمّان');
    expect(localizedText({ fr: 'Tunis' }, 'ar')).toBe('Tunis');
    expect(localizedText(null, 'ar')).toBe('');
  });
});

describe('pagination', () => {
  it('counts pages and keeps filters when moving between them', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
    expect(pageHref('/ar/organizations', '?q=amman&page=2', 3)).toBe('/ar/organizations?q=amman&page=3');
    expect(pageHref('/ar/organizations', '?q=amman&page=2', 1)).toBe('/ar/organizations?q=amman');
  });
});

describe('countryOptions', () => {
  const names = (locale: string) => (code: string) => new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;

  it('names every country in the reader’s language, sorted as that language sorts', () => {
    const ar = countryOptions('ar', undefined, names('ar'));
    expect(ar.find(([code]) => code === 'TN')?.[1]).toBe('تونس');
    const sorted = [...ar].sort((a, b) => new Intl.Collator('ar').compare(a[1], b[1]));
    expect(ar).toEqual(sorted);
    expect(countryOptions('fr', undefined, names('fr')).find(([code]) => code === 'DZ')?.[1]).toBe('Algérie');
  });

  it('keeps a country given in the URL that is not in the list, so the filter still shows what was asked', () => {
    expect(countryOptions('en', 'BR', names('en')).map(([code]) => code)).toContain('BR');
    expect(countryOptions('en', undefined, names('en')).map(([code]) => code)).not.toContain('BR');
  });
});
