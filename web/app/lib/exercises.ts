import { pickText } from './circles';
import type { Locale } from './locale';

// View helpers for the trainee's exercise pages (docs/exercises-and-feedback.md); pure, so unit-tested.

export const submissionStatuses = ['not_started', 'draft', 'submitted', 'returned', 'passed'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** Drafts are Markdown of at most 50,000 characters (the api refuses more). */
export const draftLimit = 50_000;
/** One file at most 10 MB, as the api accepts. */
export const fileLimitBytes = 10 * 1024 * 1024;
/** What the api's sniffing accepts, for the file input's `accept` and the hint next to it. */
export const acceptedTypes = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.mp3,.m4a,.ogg,.wav,.webm';
export const acceptedTypeNames = 'PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX, ODT, MP3, M4A, OGG, WAV, WebM';

export function statusOf(value: unknown): SubmissionStatus {
  return submissionStatuses.includes(value as SubmissionStatus) ? (value as SubmissionStatus) : 'not_started';
}

/** A due date as the reader sees it: their zone when known, otherwise the cohort's (the page says which). */
export function formatDue(iso: string, locale: Locale, timeZone: string | null | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone ?? undefined }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
  }
}

/** A clock time ("saved at 21:04") in the reader's zone. */
export function formatClock(iso: string, locale: Locale, timeZone: string | null | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZone: timeZone ?? undefined }).format(date);
  } catch {
    return date.toISOString().slice(11, 19);
  }
}

/** File sizes in the reader's digits: "512 KB", "2.4 MB". */
export function formatSize(bytes: number, locale: Locale): string {
  const unit = bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte';
  const value = unit === 'megabyte' ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024));
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

export function text(value: unknown, locale: Locale): string {
  return pickText(value, locale) ?? '';
}

/** Whether a trainee may still submit: a draft or a returned submission, not one waiting for or having passed review. */
export function maySubmit(status: SubmissionStatus): boolean {
  return status === 'not_started' || status === 'draft' || status === 'returned';
}

/** The localStorage key holding the unsaved copy of one assignment's draft. */
export function draftStorageKey(assignmentId: string): string {
  return `halaqa:draft:${assignmentId}`;
}
