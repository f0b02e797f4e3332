import { directionOf, negotiateLocale, safeRedirectPath, switchLocalePath } from './locale';

describe('negotiateLocale', () => {
  it('defaults to Arabic when the header is missing or names no supported language', () => {
    expect(negotiateLocale(null)).toBe('ar');
    expect(negotiateLocale('')).toBe('ar');
    expect(negotiateLocale('de-DE, tr;q=0.5')).toBe('ar');
  });

  it('honours quality values and regional tags', () => {
    expect(negotiateLocale('fr-TN;q=0.8, en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr-FR,fr;q=0.9,en-US;q=0.8')).toBe('fr');
    expect(negotiateLocale('de, ar-JO;q=0.7')).toBe('ar');
  });

  it('ignores languages refused with q=0', () => {
    expect(negotiateLocale('en;q=0, fr')).toBe('fr');
  });
});

describe('switchLocalePath', () => {
  it('swaps the locale prefix and keeps the rest of the path and the query', () => {
    expect(switchLocalePath('/ar/organizations?q=amman&page=2', 'en')).toBe('/en/organizations?q=amman&page=2');
    expect(switchLocalePath('/fr', 'ar')).toBe('/ar');
    expect(switchLocalePath('/en/reset-password/abc', 'fr')).toBe('/fr/reset-password/abc');
  });

  it('prefixes paths that carry no locale', () => {
    expect(switchLocalePath('/', 'fr')).toBe('/fr');
    expect(switchLocalePath('/dashboard', 'en')).toBe('/en/dashboard');
  });
});

describe('safeRedirectPath', () => {
  it('accepts locale-prefixed paths on this site only', () => {
    expect(safeRedirectPath('/ar/profile?tab=1', 'ar')).toBe('/ar/profile?tab=1');
    expect(safeRedirectPath('//evil.example/ar', 'en')).toBe('/en/dashboard');
    expect(safeRedirectPath('https://evil.example', 'fr')).toBe('/fr/dashboard');
    expect(safeRedirectPath('/admin', 'ar')).toBe('/ar/dashboard');
    expect(safeRedirectPath(null, 'ar')).toBe('/ar/dashboard');
  });
});

describe('directionOf', () => {
  it('is right-to-left for Arabic only', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('fr')).toBe('ltr');
  });
});
