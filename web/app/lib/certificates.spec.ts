import { formatPrintedDate, groupCode, isCodeLike, normalizeCode, printedLines, retryAfterSeconds } from './certificates';

describe('verification codes', () => {
  it('reduce what people type to the symbols, in upper case', () => {
    expect(normalizeCode(' abcd-efgh 12.34 ')).toBe('ABCDEFGH1234');
  });

  it('are grouped in fours as printed', () => {
    expect(groupCode('abcdefgh12')).toBe('ABCD-EFGH-12');
    expect(groupCode('ABCD-EFGH-1234')).toBe('ABCD-EFGH-1234');
  });

  it('only look like codes when made of letters, digits and dashes', () => {
    expect(isCodeLike('ABCD-efgh')).toBe(true);
    expect(isCodeLike('---')).toBe(false);
    expect(isCodeLike('../etc')).toBe(false);
    expect(isCodeLike('A'.repeat(81))).toBe(false);
  });
});

describe('printed text on the verify page', () => {
  const course = { ar: 'التحقق من الأخبار', en: 'Fact-checking' };

  it('shows the side in the page language when the certificate was printed in it', () => {
    expect(printedLines(course, 'ar', 'en')).toEqual([{ lang: 'ar', text: 'التحقق من الأخبار' }]);
    expect(printedLines(course, 'en', 'en')).toEqual([{ lang: 'en', text: 'Fact-checking' }]);
  });

  it('shows both printed sides, Arabic first, on a page in a third language', () => {
    expect(printedLines(course, 'fr', 'en')).toEqual([
      { lang: 'ar', text: 'التحقق من الأخبار' },
      { lang: 'en', text: 'Fact-checking' },
    ]);
  });

  it('falls back to the printed side when the page language side is missing, once when both say the same', () => {
    expect(printedLines({ ar: 'عمّان' }, 'en', 'en')).toEqual([{ lang: 'ar', text: 'عمّان' }]);
    expect(printedLines({ ar: 'Halaqa', fr: 'Halaqa' }, 'en', 'fr')).toEqual([{ lang: 'ar', text: 'Halaqa' }]);
  });
});

describe('printed dates and waiting times', () => {
  it('read a printed day as that calendar day', () => {
    expect(formatPrintedDate('2027-03-01', 'en')).toBe('March 1, 2027');
    expect(formatPrintedDate('not a date', 'en')).toBe('not a date');
  });

  it('read Retry-After in seconds or as a date', () => {
    expect(retryAfterSeconds('42')).toBe(42);
    expect(retryAfterSeconds(null)).toBe(60);
    expect(retryAfterSeconds(new Date(1_000_000 + 30_000).toUTCString(), 1_000_000)).toBe(30);
  });
});
