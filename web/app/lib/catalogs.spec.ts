import i18next from 'i18next';
import ar from '../locales/ar.json';
import en from '../locales/en.json';
import fr from '../locales/fr.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('catalogs', () => {
  it('have exactly the same keys in ar, en and fr', () => {
    const arabic = keys(ar).sort();
    expect(keys(en).sort()).toEqual(arabic);
    expect(keys(fr).sort()).toEqual(arabic);
  });

  it('have no empty strings', () => {
    for (const catalog of [ar, en, fr]) {
      const flat = keys(catalog).map((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog));
      expect(flat.filter((text) => typeof text !== 'string' || text.trim() === '')).toEqual([]);
    }
  });

  it('use the six Arabic plural forms', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'ar', resources: { ar: { translation: ar } }, interpolation: { escapeValue: false } });
    expect(i18n.t('organizations.count', { count: 0 })).toBe('لم نجد أي منظمة.');
    expect(i18n.t('organizations.count', { count: 1 })).toBe('منظمة واحدة.');
    expect(i18n.t('organizations.count', { count: 2 })).toBe('منظمتان.');
    expect(i18n.t('organizations.count', { count: 3 })).toMatch(/منظمات\.$/);
    expect(i18n.t('organizations.count', { count: 11 })).toMatch(/منظمة\.$/);
    expect(i18n.t('organizations.count', { count: 100 })).toMatch(/منظمة\.$/);
  });
});
