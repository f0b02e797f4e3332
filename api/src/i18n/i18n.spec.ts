import { resolveText } from '../common/localized-text';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { negotiateLocale, translate } from './i18n';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'ar'],
    ['', 'ar'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-GB', 'en'],
    ['de-DE,en;q=0.5', 'en'],
    ['de-DE', 'ar'],
    ['ar-JO', 'ar'],
    ['*', 'ar'],
  ])('picks the locale for %j: %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('resolveText', () => {
  it('uses the reader’s locale, then Arabic, English, French', () => {
    expect(resolveText({ ar: 'عمّان', en: 'Amman' }, 'en')).toEqual({ text: 'Amman', locale: 'en' });
    expect(resolveText({ ar: 'عمّان', en: 'Amman' }, 'fr')).toEqual({ text: 'عمّان', locale: 'ar' });
    expect(resolveText({ fr: 'Tunis', en: ' ' }, 'en')).toEqual({ text: 'Tunis', locale: 'fr' });
    expect(resolveText({}, 'ar')).toEqual({ text: '', locale: null });
  });
});

describe('catalogs', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it('have the same keys in ar, en and fr', () => {
    expect(keys(ar).sort()).toEqual(keys(en).sort());
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('fill in limits', () => {
    expect(translate('ar', 'validation.minLength', { min: 10 })).toBe('يجب ألا يقل عن 10 حرفًا.');
    expect(translate('fr', 'errors.rate_limited.detail', { seconds: 90 })).toBe('Trop de tentatives. Réessayez dans 90 secondes.');
  });
});
