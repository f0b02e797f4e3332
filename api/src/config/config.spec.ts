import { ConfigError, loadConfig } from './config';

describe('CALENDAR_FEED_SECRET', () => {
  it('is required in production, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CALENDAR_FEED_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', CALENDAR_FEED_SECRET: 'p'.repeat(32) }).CALENDAR_FEED_SECRET).toBe('p'.repeat(32));
  });

  it('has a fixed development value elsewhere, so feed URLs survive restarts without setup', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).CALENDAR_FEED_SECRET).toBe(loadConfig({}).CALENDAR_FEED_SECRET);
    expect(loadConfig({}).CALENDAR_FEED_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a short secret without printing it', () => {
    const attempt = () => loadConfig({ CALENDAR_FEED_SECRET: 'hunter2' });
    expect(attempt).toThrow(/CALENDAR_FEED_SECRET=\(hidden\): must be at least 32 characters/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
