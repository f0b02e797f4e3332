import { localizedText, pageCount, pageHref } from './organizations';

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
