import type { Locale } from './locale';

/** Cohort statuses and the moves between them (docs/cohorts-and-enrollment.md, Cohort status). */
export const cohortStatuses = ['draft', 'open', 'running', 'completed'] as const;
export type CohortStatus = (typeof cohortStatuses)[number];
export const enrollmentModes = ['open', 'application', 'invite'] as const;
export type EnrollmentMode = (typeof enrollmentModes)[number];
export const enrollmentStatuses = ['applied', 'waitlisted', 'active', 'withdrawn', 'completed', 'rejected'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];
export const staffRoles = ['lead_trainer', 'coach'] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * Where a cohort may go from here. `open → draft` is only allowed while nobody is enrolled or applied; the api
 * has the last word, the page offers it and shows the refusal.
 */
export function nextStatuses(status: string): CohortStatus[] {
  switch (status) {
    case 'draft':
      return ['open'];
    case 'open':
      return ['running', 'draft'];
    case 'running':
      return ['completed'];
    default:
      return [];
  }
}

/** The cohort form's own inputs (the question rows come on top); shared by the pages and their actions. */
export const cohortFormFields = [
  'courseSlug',
  'leadTrainerEmail',
  'nameAr',
  'nameEn',
  'nameFr',
  'startsOn',
  'endsOn',
  'timeZone',
  'place',
  'cityAr',
  'cityEn',
  'cityFr',
  'capacity',
  'enrollmentMode',
] as const;

/** Rows of the application-questions editor: a fixed number, so it works without JavaScript; blank rows are ignored. */
export const questionRows = 5;
export const maxQuestionRows = 10;

/**
 * A calendar day (`2025-03-01`, the cohort's own date) in the reader's language. Days are not instants: they are
 * formatted in UTC so no time zone moves them to the day before.
 */
export function formatDay(day: string, locale: Locale): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** "1 – 20 March 2025", the way the reader's language writes a range of days. */
export function formatDays(startsOn: string, endsOn: string, locale: Locale): string {
  const start = new Date(`${startsOn}T00:00:00Z`);
  const end = new Date(`${endsOn}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsOn} – ${endsOn}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(start, end);
}

/** An instant (expiry, application time) in the reader's time zone, with the time. */
export function formatInstant(iso: string, locale: Locale, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** The page number in `?page=`, within the api's bounds. */
export function pageParam(value: string | null): number {
  return Math.min(10_000, Math.max(1, Number.parseInt(value ?? '1', 10) || 1));
}

/**
 * The last second of a calendar day in a time zone, as an ISO instant: an invite code "valid until 3 March" in
 * an Amman cohort stops at midnight in Amman, wherever the trainer typed it from.
 */
export function endOfDayIn(day: string, timeZone: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, 23, 59, 59);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(guess));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asZoned = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return new Date(guess - (asZoned - guess)).toISOString();
}

/** A kebab-case key for a new application question, unique among `taken`. */
export function newQuestionKey(taken: Set<string>): string {
  for (let n = 1; ; n += 1) {
    const key = `question-${n}`;
    if (!taken.has(key)) return key;
  }
}
