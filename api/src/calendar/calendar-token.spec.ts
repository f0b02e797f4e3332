import { calendarFeedToken, readCalendarFeedToken, redactCalendarToken } from './calendar-token';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const USER = '0b7e2a34-5c6d-4e8f-9a1b-2c3d4e5f6a7b';

describe('calendar feed tokens', () => {
  it('read back the user and generation they were made from, and are the same every time', () => {
    const token = calendarFeedToken(SECRET, USER, 3);
    expect(token).toMatch(/^[A-Za-z0-9_-]{48}$/);
    expect(calendarFeedToken(SECRET, USER, 3)).toBe(token);
    expect(readCalendarFeedToken(SECRET, token)).toEqual({ userId: USER, generation: 3 });
  });

  it('a new generation is a different URL', () => {
    expect(calendarFeedToken(SECRET, USER, 2)).not.toBe(calendarFeedToken(SECRET, USER, 1));
  });

  it('refuses tokens made with another secret, altered in any byte, or malformed', () => {
    const token = calendarFeedToken(SECRET, USER, 1);
    expect(readCalendarFeedToken('another-secret-of-at-least-thirty-two-chars', token)).toBeNull();
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes);
      altered[i] ^= 1;
      expect(readCalendarFeedToken(SECRET, altered.toString('base64url'))).toBeNull();
    }
    for (const bad of ['', 'x', token.slice(1), `${token}A`, token.replace(/./, '.'), '../../etc/passwd']) expect(readCalendarFeedToken(SECRET, bad)).toBeNull();
  });
});

describe('redactCalendarToken', () => {
  it('masks the token of a feed path and leaves other paths alone', () => {
    const token = calendarFeedToken(SECRET, USER, 1);
    expect(redactCalendarToken(`/api/calendar/${token}.ics?x=1`)).toBe('/api/calendar/[token].ics?x=1');
    expect(redactCalendarToken('/api/sessions/abc.ics')).toBe('/api/sessions/abc.ics');
  });
});
