import { z } from 'zod';
import { maxSignatories, secondaryLocales, type CertificateSettings, type PrintedText } from './completion';

// The completion page's forms, validated by its action only (no zod in the page's JavaScript); messages are catalog
// keys (`completion.validation.*`) the action translates.

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
