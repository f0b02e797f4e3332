import { acceptsPeople, canWithdraw, formatDay, formatDayRange, mayJoin, sameClock, timeZoneLabel, weeksBetween } from './catalog';

describe('cohort dates', () => {
  it('shows a date-only value as that calendar day in every language, whatever the server’s zone', () => {
    expect(formatDay('2026-03-01', 'en')).toBe('March 1, 2026');
    expect(formatDay('2026-03-01', 'fr')).toBe('1 mars 2026');
    expect(formatDay('2026-03-01', 'ar')).toContain('مارس');
  });

  it('merges the shared month and year of a range', () => {
    // Intl puts thin spaces around the dash; compare words, not whitespace.
    expect(formatDayRange('2026-03-01', '2026-03-28', 'en').replace(/\s+/g, ' ')).toBe('March 1 – 28, 2026');
    expect(formatDayRange('2026-09-05', '2026-10-31', 'fr')).toMatch(/5 septembre\s*–\s*31 octobre 2026/);
  });

  it('counts whole weeks, at least one', () => {
    expect(weeksBetween('2026-03-01', '2026-03-28')).toBe(4);
    expect(weeksBetween('2026-03-01', '2026-03-01')).toBe(1);
    expect(weeksBetween('2026-09-05', '2026-10-31')).toBe(8);
  });

  it('names a zone as people say it, and knows when two zones keep the same clock', () => {
    expect(timeZoneLabel('Asia/Amman', 'en')).toBe('Jordan Time');
    expect(timeZoneLabel('Not/AZone', 'en')).toBe('Not/AZone');
    expect(sameClock('Asia/Amman', 'Asia/Amman')).toBe(true);
    expect(sameClock('Asia/Amman', 'Europe/London')).toBe(false);
  });
});

describe('what a person may do', () => {
  it('withdraws while applied, waiting or active; joins again only after withdrawing; joins only open or running cohorts', () => {
    expect(['applied', 'waitlisted', 'active', 'withdrawn', 'completed', 'rejected'].filter(canWithdraw)).toEqual(['applied', 'waitlisted', 'active']);
    expect([null, 'withdrawn', 'rejected', 'active'].map(mayJoin)).toEqual([true, true, false, false]);
    expect(['draft', 'open', 'running', 'completed'].filter(acceptsPeople)).toEqual(['open', 'running']);
  });
});
