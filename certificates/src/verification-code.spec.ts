import { format, generateVerificationCode, isValidVerificationCode, normalizeVerificationCode } from './verification-code';

describe('verification codes', () => {
  it('are 28 Crockford base32 symbols in groups of four, and each is new', () => {
    const codes = new Set(Array.from({ length: 500 }, generateVerificationCode));
    expect(codes.size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(isValidVerificationCode(code)).toBe(true);
    }
  });

  it('still verify when typed in lower case, without dashes, or with O for 0 and I/L for 1', () => {
    const code = generateVerificationCode();
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(isValidVerificationCode(sloppy)).toBe(true);
    expect(format(sloppy)).toBe(code);
  });

  it('reject every single mistyped symbol and every swap of two different symbols, for many codes', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let n = 0; n < 20; n++) {
      const symbols = normalizeVerificationCode(generateVerificationCode());
      for (let i = 0; i < symbols.length; i++) {
        for (const other of alphabet) {
          if (other === symbols[i]) continue;
          expect(isValidVerificationCode(symbols.slice(0, i) + other + symbols.slice(i + 1))).toBe(false);
        }
        for (let j = i + 1; j < symbols.length; j++) {
          if (symbols[i] === symbols[j]) continue;
          const swapped = symbols.slice(0, i) + symbols[j] + symbols.slice(i + 1, j) + symbols[i] + symbols.slice(j + 1);
          expect(isValidVerificationCode(swapped)).toBe(false);
        }
      }
    }
  });

  it('catch a swap of 0 and Z, the pair a single check symbol modulo 31 let through', () => {
    const code = normalizeVerificationCode(generateVerificationCode());
    const random = '0Z' + code.slice(2, 26);
    // Build the valid code for these symbols by trying every check pair, then swap the first two.
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const valid = [...alphabet].flatMap((a) => [...alphabet].map((b) => random + a + b)).find((c) => isValidVerificationCode(c));
    expect(valid).toBeDefined();
    expect(isValidVerificationCode('Z0' + valid!.slice(2))).toBe(false);
  });

  it('reject wrong lengths and foreign symbols', () => {
    expect(isValidVerificationCode('')).toBe(false);
    expect(isValidVerificationCode('ABCD')).toBe(false);
    expect(isValidVerificationCode(generateVerificationCode() + 'A')).toBe(false);
    expect(isValidVerificationCode('ؤؤؤؤ-ؤؤؤؤ-ؤؤؤؤ-ؤؤؤؤ-ؤؤؤؤ-ؤؤؤؤ-ؤؤؤؤ')).toBe(false);
    expect(isValidVerificationCode(generateVerificationCode().slice(0, -1))).toBe(false);
  });
});
