import { circleLink, formatRate, listOf, localParts, toSessionView } from './circles';

// 18:00 in Amman on 3 December 2026 (UTC+3 all year since 2022) is 15:00 UTC, 16:00 in Tunis and Paris.
const amman = { id: 's1', startsAt: '2026-12-03T15:00:00.000Z', durationMinutes: 90, timeZone: 'Asia/Amman', status: 'scheduled' };
const now = new Date('2026-12-01T00:00:00Z');

describe('toSessionView', () => {
  it('shows the time in the viewer’s zone and names the session’s own clock when it differs', () => {
    const view = toSessionView(amman, 'en', 'Africa/Tunis', now);
    expect(view.day).toBe('Thursday, December 3, 2026');
    expect(view.time.replace(/\s/g, ' ')).toMatch(/^4:00 – 5:30 PM$/);
    expect(view.sessionClock).toMatch(/^6:00 PM .*Jordan/);
    expect(view.past).toBe(false);
  });

  it('says nothing more when the viewer keeps the same clock (Hebron and Amman in summer), and names it in winter', () => {
    const summer = toSessionView({ ...amman, startsAt: '2026-07-02T15:00:00.000Z' }, 'en', 'Asia/Hebron', now);
    expect(summer.time.replace(/\s/g, ' ')).toMatch(/^6:00 – 7:30 PM$/);
    expect(summer.sessionClock).toBeNull();
    // Amman stays on UTC+3 all year; Hebron goes back to UTC+2 in winter.
    const winter = toSessionView(amman, 'en', 'Asia/Hebron', now);
    expect(winter.time.replace(/\s/g, ' ')).toMatch(/^5:00 – 6:30 PM$/);
    expect(winter.sessionClock).toMatch(/^6:00 PM /);
  });

  it('uses the session’s zone when the viewer’s is unknown, in Arabic on Arabic pages', () => {
    const view = toSessionView(amman, 'ar', null, now);
    expect(view.sessionClock).toBeNull();
    expect(view.day).toContain('ديسمبر');
    expect(view.time).toMatch(/[6٦]:[0٠]{2}.*م$/);
  });

  it('keeps 18:00 across the European clock change for a Paris viewer of an Amman series', () => {
    // 29 October 2026: Paris is back on UTC+1, so 18:00 Amman (15:00 UTC) is 16:00 in Paris.
    const view = toSessionView({ ...amman, startsAt: '2026-10-29T15:00:00.000Z' }, 'fr', 'Europe/Paris', new Date('2026-12-01T00:00:00Z'));
    expect(view.time).toMatch(/^16:00/);
    expect(view.sessionClock).toMatch(/^18:00 /);
    expect(view.past).toBe(true);
  });

  it('picks the place and agenda in the reader’s language, and marks cancellations', () => {
    const view = toSessionView(
      { ...amman, status: 'cancelled', cancelReason: 'Snow', place: { ar: 'مقر الجمعية', en: 'The association’s office' }, agenda: { ar: 'خريطة الحي' } },
      'en',
      'Asia/Amman',
      now,
    );
    expect(view).toMatchObject({ cancelled: true, cancelReason: 'Snow', place: 'The association’s office', agenda: 'خريطة الحي' });
  });
});

describe('rates and lists', () => {
  it('formats a rate as a whole percentage, and nothing before any session', () => {
    expect(formatRate(0.8, 'en')).toBe('80%');
    expect(formatRate(2 / 3, 'fr')?.replace(/\s/g, ' ')).toBe('67 %');
    expect(formatRate(1, 'ar')).toMatch(/^(100|١٠٠)\W*[%٪]/);
    expect(formatRate(null, 'en')).toBeNull();
  });

  it('joins names the way each language does', () => {
    expect(listOf(['Amal', 'Karim', 'Sara'], 'en')).toBe('Amal, Karim, and Sara');
    expect(listOf(['أمل', 'كريم'], 'ar')).toBe('أمل وكريم');
  });
});

describe('localParts', () => {
  it('gives the session’s own wall-clock date and time for the edit form', () => {
    expect(localParts('2026-12-03T15:00:00.000Z', 'Asia/Amman')).toEqual({ date: '2026-12-03', time: '18:00' });
    expect(localParts('2026-12-03T23:30:00.000Z', 'Asia/Baghdad')).toEqual({ date: '2026-12-04', time: '02:30' });
  });
});

describe('circleLink', () => {
  it('offers "Circles" to a coach who leads no cohort, "My circle" to a member, nothing otherwise', () => {
    expect(circleLink({ isAdmin: false, staffRoles: [{ role: 'coach' }], circleRoles: [{ role: 'coach' }] })).toBe('coach');
    expect(circleLink({ isAdmin: false, staffRoles: [{ role: 'lead_trainer' }], circleRoles: [{ role: 'coach' }] })).toBeNull();
    expect(circleLink({ isAdmin: false, staffRoles: [], circleRoles: [{ role: 'member' }] })).toBe('member');
    expect(circleLink({ isAdmin: false, staffRoles: [] })).toBeNull();
  });
});
