import { format, generateVerificationCode, isValidVerificationCode, normalizeVerificationCode } from './verification-code';

describe('verification codes', () => {
  it('are 27 Crockford base32 symbols in groups of four, and each is new', () => {
    const codes = new Set(Array.from({ length: 500 }, generateVerificationCode));
    expect(codes.size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{3}$/);
      expect(isValidVerificationCode(code)).toBe(true);
    }
  });

  it('still verify when typed in lower case, without dashes, or with O for 0 and I/L for 1', () => {
    const code = generateVerificationCode();
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(isValidVerificationCode(sloppy)).toBe(true);
    expect(format(sloppy)).toBe(code);
  });

  it('reject a single mistyped symbol and a swap of two neighbours', () => {
    const symbols = normalizeVerificationCode(generateVerificationCode());
    for (let i = 0; i < symbols.length - 1; i++) {
      const replaced = symbols.slice(0, i) + (symbols[i] === 'A' ? 'B' : 'A') + symbols.slice(i + 1);
      expect(isValidVerificationCode(replaced)).toBe(false);
      if (symbols[i] !== symbols[i + 1]) {
        const swapped = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2);
        expect(isValidVerificationCode(swapped)).toBe(false);
      }
    }
  });

  it('reject wrong lengths and foreign symbols', () => {
    expect(isValidVerificationCode('')).toBe(false);
    expect(isValidVerificationCode('ABCD')).toBe(false);
    expect(isValidVerificationCode(generateVerificationCode() + 'A')).toBe(false);
    expect(isValidVerificationCode('ؤؤؤؤ-ؤؤؤؤ-ؤؤؤؤ-ؤؤؤؤ-ؤؤؤؤ-ؤؤؤؤ-ؤؤؤ')).toBe(false);
  });
});
