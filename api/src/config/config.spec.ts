import { ConfigError, loadConfig } from './config';

describe('CALENDAR_FEED_SECRET', () => {
  it('is required in production, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CALENDAR_FEED_SECRET/);
    const production = { NODE_ENV: 'production', CALENDAR_FEED_SECRET: 'p'.repeat(32), CREDENTIAL_SIGNING_SECRET: 'c'.repeat(32) };
    expect(loadConfig(production).CALENDAR_FEED_SECRET).toBe('p'.repeat(32));
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

describe('CREDENTIAL_SIGNING_SECRET', () => {
  it('is required in production, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', CALENDAR_FEED_SECRET: 'p'.repeat(32) })).toThrow(/CREDENTIAL_SIGNING_SECRET/);
  });

  it('has a fixed development value elsewhere, so credentials verify across restarts without setup', () => {
    expect(loadConfig({}).CREDENTIAL_SIGNING_SECRET).toBe(loadConfig({ NODE_ENV: 'test' }).CREDENTIAL_SIGNING_SECRET);
    expect(loadConfig({}).CREDENTIAL_SIGNING_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('reads previous secrets as a list and refuses a short one without printing it', () => {
    expect(loadConfig({ CREDENTIAL_PREVIOUS_SECRETS: ` ${'a'.repeat(32)}, ${'b'.repeat(40)} ` }).CREDENTIAL_PREVIOUS_SECRETS).toEqual(['a'.repeat(32), 'b'.repeat(40)]);
    expect(loadConfig({}).CREDENTIAL_PREVIOUS_SECRETS).toEqual([]);
    const attempt = () => loadConfig({ CREDENTIAL_PREVIOUS_SECRETS: `${'a'.repeat(32)},hunter2` });
    expect(attempt).toThrow(/CREDENTIAL_PREVIOUS_SECRETS=\(hidden\): each must be at least 32 characters/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});

describe('OUTBOX_RETENTION_DAYS', () => {
  it('keeps done outbox rows 30 days unless told otherwise, and refuses less than a day', () => {
    expect(loadConfig({}).OUTBOX_RETENTION_DAYS).toBe(30);
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '90' }).OUTBOX_RETENTION_DAYS).toBe(90);
    expect(() => loadConfig({ OUTBOX_RETENTION_DAYS: '0' })).toThrow(/Invalid setting OUTBOX_RETENTION_DAYS="0"/);
    expect(() => loadConfig({ OUTBOX_RETENTION_DAYS: 'a month' })).toThrow(/OUTBOX_RETENTION_DAYS/);
  });
});

describe('WORKER_HEARTBEAT_MS', () => {
  it('is 10 s unless told otherwise, and refuses an interval too short to be a heartbeat', () => {
    expect(loadConfig({}).WORKER_HEARTBEAT_MS).toBe(10_000);
    expect(loadConfig({ WORKER_HEARTBEAT_MS: '250' }).WORKER_HEARTBEAT_MS).toBe(250);
    expect(() => loadConfig({ WORKER_HEARTBEAT_MS: '5' })).toThrow(/Invalid setting WORKER_HEARTBEAT_MS="5"/);
  });
});
