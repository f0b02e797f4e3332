import { ValidationFailedException } from '../common/domain.exception';

/**
 * A person needs a name in at least one script (DESIGN.md, Domain). Throws a 422 naming both fields when both are
 * empty after trimming.
 */
export function assertHasAName(nameLatin: string, nameArabic: string): void {
  if (nameLatin.trim() || nameArabic.trim()) return;
  throw new ValidationFailedException([
    { field: 'nameLatin', code: 'nameRequired', messageKey: 'nameRequired' },
    { field: 'nameArabic', code: 'nameRequired', messageKey: 'nameRequired' },
  ]);
}
