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
