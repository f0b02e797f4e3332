import { canonicalTimeZone, isSafeText, normalizeEmail } from './text-rules';

describe('isSafeText', () => {
  it.each([['ليلى حداد'], ['Réseau des femmes'], ['mixed \u200Fعربي\u2067abc\u2069'], ["O'Brien <b>"], ['']])('accepts %j', (text) => {
    expect(isSafeText(text)).toBe(true);
  });

  it.each([['a\u0000b'], ['a\u202Eb'], ['a\u202Ab'], ['a\nb'], ['a\u0007'], ['a\u007f']])('refuses %j on one line', (text) => {
    expect(isSafeText(text)).toBe(false);
  });

  it('allows line breaks and tabs in multi-line text, but never NUL or overrides', () => {
    expect(isSafeText('one\r\ntwo\tthree', true)).toBe(true);
    expect(isSafeText('one\u0000', true)).toBe(false);
    expect(isSafeText('one\u202E', true)).toBe(false);
  });
});

describe('canonicalTimeZone', () => {
  it.each([
    ['Asia/Amman', 'Asia/Amman'],
    ['asia/hebron', 'Asia/Hebron'],
    ['Africa/Tunis', 'Africa/Tunis'],
    ['UTC', 'UTC'],
  ])('knows %s as %s', (input, canonical) => {
    expect(canonicalTimeZone(input)).toBe(canonical);
  });

  it.each([['Mars/Olympus'], [''], ['Asia/Amman\u0000'], ['x'.repeat(65)], [3]])('refuses %j', (input) => {
    expect(canonicalTimeZone(input)).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Layla.Haddad@Example.ORG ')).toBe('layla.haddad@example.org');
  });
});
