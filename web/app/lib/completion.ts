import type { components } from '~/api/schema';
import type { Locale } from './locale';

// The completion and certificates page for trainers and coaches (docs/certificates.md): the shapes the api answers
// with and small pure helpers the page renders with (the forms' schemas are in completion-schemas.ts, server only).

type Schemas = components['schemas'];
export type PrintedText = Partial<Record<'ar' | 'en' | 'fr', string>>;
export type Batch = Schemas['BatchResponse'];
export type Progress = Schemas['Progress'];
export type CertificateSettings = Schemas['CertificateSettingsDto'];

export const maxSignatories = 3;
export const secondaryLocales = ['en', 'fr'] as const;
/** The table's filter: everyone, the eligible, those not yet eligible, those holding a certificate. */
export const completionFilters = ['all', 'eligible', 'not_yet', 'issued'] as const;
export type CompletionFilter = (typeof completionFilters)[number];

/** The filter and search of the page's GET form, from its URL; anything unknown reads as "everyone". */
export function completionQuery(search: URLSearchParams): { show: CompletionFilter; q: string } {
  const show = search.get('show') ?? '';
  return {
    show: (completionFilters as readonly string[]).includes(show) ? (show as CompletionFilter) : 'all',
    q: (search.get('q') ?? '').trim().slice(0, 100),
  };
}

/**
 * Which rows a filter keeps. The api filters eligibility itself (`eligible=true|false`); "issued" means a
 * certificate that still stands, so it is read from the rows.
 */
export function keepRow(show: CompletionFilter, row: Pick<Progress, 'eligible' | 'certificate'>): boolean {
  switch (show) {
    case 'all':
      return true;
    case 'eligible':
      return row.eligible;
    case 'not_yet':
      return !row.eligible;
    case 'issued':
      return row.certificate?.status === 'issued';
  }
}

/** A batch's share done, 0–1, for the <progress> element; an empty batch is done. */
export function batchShare(batch: Pick<Batch, 'total' | 'rendered' | 'failed'>): number {
  if (batch.total <= 0) return 1;
  return Math.min(1, (batch.rendered + batch.failed) / batch.total);
}

/** Numbers grouped as the reader's language groups them (like the catalogs' `{{count, number}}`). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** What the api's `requiredExercises` becomes from the form's checkboxes: every exercise ticked is "all". */
export function requiredExercisesFrom(ticked: string[], all: string[]): 'all' | string[] {
  const chosen = all.filter((key) => ticked.includes(key));
  return all.length > 0 && chosen.length === all.length ? 'all' : chosen;
}
