import { formatSize, fromLocalInput, textIn, toLocalInput } from './grading';

describe('grading helpers', () => {
  it('picks the reader’s language, then English', () => {
    expect(textIn({ ar: 'قصة الذات', en: 'Story of self' }, 'ar')).toBe('قصة الذات');
    expect(textIn({ ar: 'قصة الذات', en: 'Story of self' }, 'fr')).toBe('Story of self');
    expect(textIn('Already localized', 'ar')).toBe('Already localized');
  });

  it('round-trips a due date typed in the cohort’s zone, across a DST change', () => {
    expect(fromLocalInput('2026-03-30T23:59', 'Asia/Amman')).toBe('2026-03-30T20:59:00.000Z');
    expect(toLocalInput('2026-03-30T20:59:00.000Z', 'Asia/Amman')).toBe('2026-03-30T23:59');
    expect(fromLocalInput('2026-10-26T09:00', 'Africa/Tunis')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('says file sizes in the reader’s units', () => {
    expect(formatSize(2_500_000, 'en')).toBe('2.4 MB');
    expect(formatSize(300, 'en')).toBe('1 kB');
  });
});
