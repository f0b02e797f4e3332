import { batchShare, completionQuery, formatNumber, keepRow, requiredExercisesFrom } from './completion';
import { revokeSchema, ruleSchema, settingsBody, settingsSchema } from './completion-schemas';

describe('completion helpers', () => {
  it('reads the page’s filter and search, anything unknown as everyone', () => {
    expect(completionQuery(new URLSearchParams('show=issued&q=%20Rania%20'))).toEqual({ show: 'issued', q: 'Rania' });
    expect(completionQuery(new URLSearchParams('show=everything'))).toEqual({ show: 'all', q: '' });
  });

  it('keeps the rows a filter asks for: a revoked certificate is not "issued"', () => {
    const issued = { eligible: true, certificate: { status: 'issued' as const } };
    const revoked = { eligible: true, certificate: { status: 'revoked' as const } };
    const waiting = { eligible: false, certificate: null };
    expect([issued, revoked, waiting].filter((row) => keepRow('issued', row as never))).toEqual([issued]);
    expect([issued, revoked, waiting].filter((row) => keepRow('not_yet', row as never))).toEqual([waiting]);
    expect([issued, revoked, waiting].filter((row) => keepRow('all', row as never))).toHaveLength(3);
  });

  it('counts a batch done by what was rendered or failed', () => {
    expect(batchShare({ total: 1000, rendered: 312, failed: 0 })).toBeCloseTo(0.312);
    expect(batchShare({ total: 4, rendered: 3, failed: 1 })).toBe(1);
    expect(batchShare({ total: 0, rendered: 0, failed: 0 })).toBe(1);
  });

  it('writes numbers as the reader does', () => {
    expect(formatNumber(1000, 'en')).toBe('1,000');
    expect(formatNumber(1000, 'fr')).toBe('1\u202f000');
  });

  it('turns every exercise ticked into "all", and drops keys the cohort does not have', () => {
    expect(requiredExercisesFrom(['story', 'map'], ['story', 'map'])).toBe('all');
    expect(requiredExercisesFrom(['story', 'ghost'], ['story', 'map'])).toEqual(['story']);
    expect(requiredExercisesFrom([], ['story'])).toEqual([]);
  });

  it('validates the rule, the revocation reason and the settings with catalog keys as messages', () => {
    expect(ruleSchema.safeParse({ minAttendancePercent: '75', finalReview: 'on' }).success).toBe(true);
    const bad = ruleSchema.safeParse({ minAttendancePercent: '120' });
    expect(bad.success ? [] : bad.error.issues.map((issue) => issue.message)).toEqual(['completion.validation.percent']);
    const blank = revokeSchema.safeParse({ certificateId: 'c1', reason: '   ' });
    expect(blank.success ? [] : blank.error.issues.map((issue) => issue.message)).toEqual(['completion.validation.reason']);

    const parsed = settingsSchema.parse({ secondaryLocale: 'fr', issuerAr: 'حلقة', issuerFr: ' ', s1Name: 'Lina Haddad', s1Ar: 'المدرّبة الرئيسية', s1Fr: 'Formatrice principale', s2Name: '' });
    expect(settingsBody(parsed)).toEqual({
      secondaryLocale: 'fr',
      issuerName: { ar: 'حلقة' },
      signatories: [{ name: 'Lina Haddad', title: { ar: 'المدرّبة الرئيسية', fr: 'Formatrice principale' } }],
    });
  });
});
