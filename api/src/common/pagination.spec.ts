import { escapeLike } from './pagination';

describe('escapeLike', () => {
  it('makes %, _ and backslash literal in ILIKE', () => {
    expect(escapeLike('100%_sure\\')).toBe('100\\%\\_sure\\\\');
    expect(escapeLike('شبكة')).toBe('شبكة');
  });
});
