import { formatDue, formatSize, maySubmit, statusOf } from './exercises';

describe('exercise view helpers', () => {
  it('reads unknown statuses as not started', () => {
    expect(statusOf('passed')).toBe('passed');
    expect(statusOf('weird')).toBe('not_started');
    expect(statusOf(undefined)).toBe('not_started');
  });

  it('lets a trainee submit drafts and returned work, not work under review or passed', () => {
    expect(maySubmit('draft')).toBe(true);
    expect(maySubmit('returned')).toBe(true);
    expect(maySubmit('submitted')).toBe(false);
    expect(maySubmit('passed')).toBe(false);
  });

  it('shows a due date in the given zone', () => {
    expect(formatDue('2026-03-01T21:59:00Z', 'en', 'Africa/Tunis')).toMatch(/Mar 1, 2026.*10:59/);
    expect(formatDue('2026-03-01T21:59:00Z', 'en', 'UTC')).toMatch(/9:59/);
  });

  it('formats sizes in kilobytes and megabytes', () => {
    expect(formatSize(2048, 'en')).toBe('2 kB');
    expect(formatSize(10 * 1024 * 1024, 'en')).toBe('10 MB');
  });
});
