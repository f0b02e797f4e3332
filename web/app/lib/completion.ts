import { z } from 'zod';
import type { Locale } from './locale';

// The completion and certificates page for trainers and coaches (docs/certificates.md): the shapes the api answers
// with, the forms' schemas (validated by the action only; messages are catalog keys) and small pure helpers.

export type PrintedText = Partial<Record<'ar' | 'en' | 'fr', string>>;

export interface CompletionRule {
  minAttendancePercent: number;
  requiredExercises: 'all' | string[];
  finalReview: boolean;
}

export interface CertificateSettings {
  secondaryLocale: 'en' | 'fr';
  issuerName: PrintedText;
  signatories: { name: string; title: PrintedText }[];
}

export interface CertificateSummary {
  id: string;
  code: string;
  status: 'issued' | 'revoked';
  revision: number;
  issuedAt: string;
  revokedAt: string | null;
  pdfReady: boolean;
  verifyUrl: string;
}

export interface Batch {
  id: string;
  cohortId: string;
  total: number;
  rendered: number;
  failed: number;
  done: boolean;
  createdAt: string;
}

export interface Progress {
  enrollmentId: string;
  trainee: { id: string; displayName: string; nameLatin: string | null; nameArabic: string | null };
  status: string;
  circle: { id: string; name: string } | null;
  attendance: { held: number; attended: number; rate: number | null; met: boolean };
  assignments: { required: number; passed: number; met: boolean };
  finalReview: { required: boolean; passed: boolean | null; note: string | null; reviewedAt: string | null; met: boolean };
  eligible: boolean;
  certificate: CertificateSummary | null;
}

export interface Completion {
  rule: CompletionRule;
  requiredAssignments: { id: string; exerciseKey: string; title: string }[];
  settings: CertificateSettings;
  latestBatch: Batch | null;
  counts: { trainees: number; eligible: number; issued: number; revoked: number };
  items: Progress[];
}

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

/** A whole percentage, or null when nothing was held yet (a rate of 0.755 and of 75.5 both read 76). */
export function percent(rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return Math.round(rate <= 1 ? rate * 100 : rate);
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

const id = z.string().regex(/^[\w-]{1,64}$/);
const optionalText = (max: number) => z.string().trim().max(max, 'completion.validation.tooLong').optional();

export const ruleSchema = z.object({
  minAttendancePercent: z.coerce
    .number({ invalid_type_error: 'completion.validation.percent', required_error: 'completion.validation.percent' })
    .int('completion.validation.percent')
    .min(0, 'completion.validation.percent')
    .max(100, 'completion.validation.percent'),
  finalReview: z.literal('on').optional(),
});

export const settingsSchema = z.object({
  secondaryLocale: z.enum(secondaryLocales, { errorMap: () => ({ message: 'completion.validation.secondaryLocale' }) }),
  issuerAr: optionalText(200),
  issuerEn: optionalText(200),
  issuerFr: optionalText(200),
  ...Object.fromEntries(
    Array.from({ length: maxSignatories }, (_, i) => i + 1).flatMap((n) => [
      [`s${n}Name`, optionalText(120)],
      [`s${n}Ar`, optionalText(200)],
      [`s${n}En`, optionalText(200)],
      [`s${n}Fr`, optionalText(200)],
    ]),
  ),
});

export const finalReviewSchema = z.object({
  enrollmentId: id,
  passed: z.enum(['true', 'false'], { errorMap: () => ({ message: 'completion.validation.decision' }) }),
  note: optionalText(2000),
});

export const issueSchema = z.object({ enrollmentId: id });

export const revokeSchema = z.object({
  certificateId: id,
  reason: z
    .string({ required_error: 'completion.validation.reason' })
    .trim()
    .min(1, 'completion.validation.reason')
    .max(500, 'completion.validation.reasonTooLong'),
});

/** Per-locale text without its empty sides (the api falls back across them). */
export function printed(values: { ar?: string; en?: string; fr?: string }): PrintedText {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
}

/** The settings body from the form: signatories without a name are left out (the form shows three empty rows). */
export function settingsBody(form: z.infer<typeof settingsSchema>): CertificateSettings {
  const values: Record<string, string | undefined> = form;
  const signatories: CertificateSettings['signatories'] = [];
  for (let n = 1; n <= maxSignatories; n += 1) {
    const name = values[`s${n}Name`]?.trim();
    if (name) signatories.push({ name, title: printed({ ar: values[`s${n}Ar`], en: values[`s${n}En`], fr: values[`s${n}Fr`] }) });
  }
  return {
    secondaryLocale: form.secondaryLocale,
    issuerName: printed({ ar: form.issuerAr, en: form.issuerEn, fr: form.issuerFr }),
    signatories,
  };
}
