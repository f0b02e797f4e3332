import type { Locale } from './locale';

export const organizationKinds = ['cso', 'ngo', 'funder', 'network', 'other'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];
export const memberRoles = ['manager', 'staff'] as const;

/** Per-locale text in the reader's language, falling back ar → en → fr (docs/foundation-contract.md, Locales). */
export function localizedText(text: { ar?: string; en?: string; fr?: string } | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.ar || text.en || text.fr || '';
}

/** Page numbers for a directory page; at least one page so "page 1 of 1" reads well even when empty. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** The URL of another page of a list, keeping the current filters (and dropping one-off parameters). */
export function pageHref(pathname: string, search: string, page: number, param = 'page'): string {
  const params = new URLSearchParams(search);
  for (const oneOff of ['intent', 'remove']) params.delete(oneOff);
  if (page <= 1) params.delete(param);
  else params.set(param, String(page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * Countries offered by the directory's country filter: the Arab League's members, where the organizations work, and
 * the countries their funders most often come from. ISO 3166-1 alpha-2; names come from Intl in the page's language.
 */
export const directoryCountries = [
  'DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE',
  'BE', 'CA', 'DK', 'FR', 'DE', 'IT', 'NL', 'NO', 'ES', 'SE', 'CH', 'TR', 'GB', 'US',
] as const;

/** `[code, name]` pairs sorted by name in the reader's language; a code not in the list (typed in a URL) is kept. */
export function countryOptions(locale: string, selected: string | undefined, nameOf: (code: string) => string): Array<[string, string]> {
  const codes = new Set<string>(directoryCountries);
  if (selected) codes.add(selected);
  const collator = new Intl.Collator(locale);
  return [...codes].map((code): [string, string] => [code, nameOf(code)]).sort((a, b) => collator.compare(a[1], b[1]));
}
