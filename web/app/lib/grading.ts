import type { Locale } from './locale';

/** Text the api sends either already in the reader's language or per locale. */
export function textIn(text: string | { ar?: string; en?: string; fr?: string } | null | undefined, locale: Locale): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[locale] || text.en || text.ar || text.fr || '';
}

export const submissionStatuses = ['not_started', 'draft', 'submitted', 'returned', 'passed'] as const;
export const latePolicies = ['accept', 'mark_late', 'close'] as const;
export const submissionKinds = ['text', 'file', 'both'] as const;

/** Bytes as the reader says them (1.2 MB, ١٫٢ م.ب is left to Intl's unit formatting). */
export function formatSize(bytes: number, locale: Locale): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, Math.round(bytes / 1024)), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** A `datetime-local` value (wall clock in `timeZone`) for an instant, to prefill due-date fields. */
export function toLocalInput(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant a `datetime-local` wall-clock value means in `timeZone` (two passes settle DST edges). */
export function fromLocalInput(value: string, timeZone: string): string {
  const asUtc = Date.parse(`${value}:00Z`);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${toLocalInput(new Date(guess).toISOString(), timeZone)}:00Z`);
    guess += asUtc - shown;
  }
  return new Date(guess).toISOString();
}
