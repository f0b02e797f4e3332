import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, isSessionLive } from './session.service';

describe('isSessionLive', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const ahead = (ms: number) => new Date(now.getTime() + ms);

  it('keeps a session used within 7 days and before its absolute expiry', () => {
    expect(isSessionLive({ lastSeenAt: ago(SESSION_IDLE_MS - 1000), expiresAt: ahead(1000) }, now)).toBe(true);
  });

  it('ends a session idle for 7 days', () => {
    expect(isSessionLive({ lastSeenAt: ago(SESSION_IDLE_MS), expiresAt: ahead(SESSION_ABSOLUTE_MS) }, now)).toBe(false);
  });

  it('ends a session at its absolute expiry, however recently used', () => {
    expect(isSessionLive({ lastSeenAt: now, expiresAt: now }, now)).toBe(false);
  });
});
