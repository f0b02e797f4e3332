import { z } from 'zod';
import { LOCALES, type Locale } from '../common/localized-text';
import { FILE_KEY } from '../files/file-store';
import { EMAIL_TEMPLATES, type EmailPayload, type EmailTemplate } from './email-message';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';

/** The email texts, one catalog per locale with the same keys (a unit test holds them to it). */
export type EmailCatalog = typeof en;
export const EMAIL_CATALOGS: Record<Locale, EmailCatalog> = { ar, en, fr };

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** A payload that can never be rendered: retrying would not help. */
export class InvalidEmailPayloadError extends Error {}

const emailPayloadSchema = z.object({
  template: z.enum(EMAIL_TEMPLATES),
  to: z.string().email(),
  locale: z.enum(LOCALES),
  data: z.record(z.string()),
  reminder: z.object({ sessionId: z.string().uuid(), userId: z.string().uuid(), sequence: z.number().int().min(0) }).optional(),
  dueSoon: z.object({ assignmentId: z.string().uuid(), enrollmentId: z.string().uuid(), dueAt: z.string() }).optional(),
  certificate: z.object({ certificateId: z.string().uuid(), revision: z.number().int().min(1) }).optional(),
  attachments: z
    .array(z.object({ fileKey: z.string().regex(FILE_KEY), filename: z.string().regex(/^[\w.-]{1,100}$/), contentType: z.string().min(1).max(100) }))
    .max(5)
    .optional(),
});

export function parseEmailPayload(payload: unknown): EmailPayload {
  const parsed = emailPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidEmailPayloadError(`Invalid email payload: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Renders an email in the recipient's language: subject, HTML (lang and dir set, right-aligned for Arabic,
 * inline styles only, every value escaped and bidi-isolated) and plain text.
 *
 * @example
 *   renderEmail({ template: 'welcome', to: 'salma@example.org', locale: 'ar', data: { name: 'سلمى', url: 'https://halaqa.example/ar' } },
 *               { publicWebUrl: 'https://halaqa.example' }).subject // 'أهلاً بك في حلقة يا سلمى'
 */
export function renderEmail(payload: EmailPayload, options: { publicWebUrl: string }): RenderedEmail {
  const t = EMAIL_CATALOGS[payload.locale];
  const data = payload.data;
  const name = clean(data.name);
  const url = absoluteUrl(data.url, payload.locale, options.publicWebUrl);
  const expiresAt = data.expiresAt ? formatInstant(data.expiresAt, payload.locale, data.timeZone) : null;
  const content = compose(payload.template, t, {
    name,
    url,
    expiresAt,
    inviterName: clean(data.inviterName) || t.invitation.someone,
    organizationName: clean(data.organizationName),
    courseTitle: clean(data.courseTitle),
    cohortName: clean(data.cohortName),
    dates: data.startsOn ? formatDateRange(data.startsOn, data.endsOn || data.startsOn, payload.locale) : '',
    zone: data.timeZone ? zoneName(data.timeZone, payload.locale) : '',
    session: payload.template === 'session_reminder' ? sessionValues(data, payload.locale) : null,
    assignmentTitle: clean(data.assignmentTitle),
    traineeName: clean(data.traineeName),
    dueAt: data.dueAt ? formatInstant(data.dueAt, payload.locale, data.timeZone) : '',
    verifyUrl: data.verifyUrl ? absoluteUrl(data.verifyUrl, payload.locale, options.publicWebUrl) : '',
    corrected: data.corrected === 'true',
    revokedOn: data.revokedAt ? formatDay(data.revokedAt, payload.locale, data.timeZone) : '',
    reason: clean(data.reason),
  });
  const greeting = name ? fill(t.common.greeting, { name }) : fill(t.common.greetingNoName, {});
  const subject = textOf(fill(content.subject, content.values));
  return {
    subject,
    html: renderHtml(payload.locale, t, subject, greeting, content, url),
    text: renderText(t, greeting, content, url),
  };
}

interface Content {
  subject: string;
  /** Paragraphs before the button. */
  intro: string[];
  action: string;
  /** Paragraphs after the button (validity, "ignore this if…"). */
  notes: string[];
  values: Record<string, string>;
}

interface ComposeValues {
  name: string;
  url: string;
  expiresAt: string | null;
  inviterName: string;
  organizationName: string;
  courseTitle: string;
  cohortName: string;
  /** The cohort's first and last day, as the reader writes a date range. */
  dates: string;
  /** The cohort's time zone, named in the reader's language. */
  zone: string;
  session: SessionValues | null;
  /** Exercise emails: the assignment's title, the trainee who submitted, the due date as the reader says it. */
  assignmentTitle: string;
  traineeName: string;
  dueAt: string;
  /** Certificate emails: the public verify page, whether this is a corrected re-issue, the day it was revoked and why. */
  verifyUrl: string;
  corrected: boolean;
  revokedOn: string;
  reason: string;
}

/** A session as a reminder says it: in the reader's zone, and in the session's own zone when that differs. */
interface SessionValues {
  circleName: string;
  when: string;
  time: string;
  sessionWhen: string | null;
  sessionZone: string;
  place: string;
  onlineUrl: string;
  agenda: string;
}

function sessionValues(data: Record<string, string>, locale: Locale): SessionValues {
  const startsAt = new Date(data.startsAt ?? '');
  if (Number.isNaN(startsAt.getTime())) throw new InvalidEmailPayloadError(`Invalid email payload: data.startsAt is not an ISO date`);
  const readerZone = validZone(data.timeZone) ?? validZone(data.sessionTimeZone) ?? 'UTC';
  const sessionZone = validZone(data.sessionTimeZone) ?? readerZone;
  const full: Intl.DateTimeFormatOptions = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  const when = new Intl.DateTimeFormat(locale, { ...full, timeZone: readerZone }).format(startsAt);
  const sessionWhen = new Intl.DateTimeFormat(locale, { ...full, timeZone: sessionZone }).format(startsAt);
  return {
    circleName: clean(data.circleName),
    when,
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: readerZone }).format(startsAt),
    // Said twice only when the clocks differ (a coach in Paris for a circle in Amman).
    sessionWhen: sessionWhen !== when ? sessionWhen : null,
    sessionZone: zoneName(sessionZone, locale),
    place: clean(data.place),
    onlineUrl: clean(data.onlineUrl),
    agenda: (data.agenda ?? '').trim(),
  };
}

function validZone(zone: string | undefined): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

function compose(template: EmailTemplate, t: EmailCatalog, v: ComposeValues): Content {
  const values = {
    name: v.name,
    inviterName: v.inviterName,
    organizationName: v.organizationName,
    expiresAt: v.expiresAt ?? '',
    courseTitle: v.courseTitle,
    cohortName: v.cohortName,
    dates: v.dates,
    zone: v.zone,
    circleName: v.session?.circleName ?? '',
    when: v.session?.when ?? '',
    time: v.session?.time ?? '',
    sessionWhen: v.session?.sessionWhen ?? '',
    sessionZone: v.session?.sessionZone ?? '',
    place: v.session?.place ?? '',
    onlineUrl: v.session?.onlineUrl ?? '',
    agenda: v.session?.agenda ?? '',
    assignmentTitle: v.assignmentTitle,
    traineeName: v.traineeName,
    dueAt: v.dueAt,
    verifyUrl: v.verifyUrl,
    revokedOn: v.revokedOn,
    reason: v.reason,
  };
  // Every enrollment email says when the cohort runs, right after what happened.
  const schedule = v.dates ? [v.zone ? t.enrollment.schedule : t.enrollment.scheduleNoZone] : [];
  switch (template) {
    case 'welcome':
      return { subject: v.name ? t.welcome.subject : t.welcome.subjectNoName, intro: [t.welcome.intro, t.welcome.next], action: t.welcome.action, notes: [], values };
    case 'password_reset':
      return {
        subject: t.password_reset.subject,
        intro: [t.password_reset.intro],
        action: t.password_reset.action,
        notes: [v.expiresAt ? t.password_reset.expiry : t.password_reset.expiryNoDate, t.password_reset.ignore],
        values,
      };
    case 'invitation': {
      const withOrganization = v.organizationName !== '';
      return {
        subject: withOrganization ? t.invitation.subject : t.invitation.subjectNoOrganization,
        intro: [withOrganization ? t.invitation.intro : t.invitation.introNoOrganization],
        action: t.invitation.action,
        notes: [v.expiresAt ? t.invitation.expiry : t.invitation.expiryNoDate, t.invitation.ignore],
        values,
      };
    }
    case 'enrollment_applied':
    case 'enrollment_accepted':
    case 'enrollment_rejected':
    case 'enrollment_waitlisted':
    case 'enrollment_promoted':
      return { subject: t[template].subject, intro: [t[template].intro, ...schedule], action: t[template].action, notes: [t[template].next], values };
    case 'enrollment_enrolled':
      return {
        subject: t.enrollment_enrolled.subject,
        intro: [v.organizationName ? t.enrollment_enrolled.introNominated : t.enrollment_enrolled.intro, ...schedule],
        action: t.enrollment_enrolled.action,
        notes: [t.enrollment_enrolled.next],
        values,
      };
    case 'session_reminder': {
      const r = t.session_reminder;
      const session = v.session!;
      const intro = [v.courseTitle ? r.intro : r.introNoCourse, v.zone ? r.when : r.whenNoZone];
      if (session.sessionWhen) intro.push(r.sessionWhen);
      if (session.place) intro.push(r.place);
      if (session.onlineUrl) intro.push(r.online);
      if (session.agenda) intro.push(r.agenda);
      return { subject: r.subject, intro, action: r.action, notes: [r.next], values };
    }
    case 'submission_received': {
      const r = t.submission_received;
      return { subject: r.subject, intro: [v.courseTitle ? r.intro : r.introNoCourse], action: r.action, notes: [r.next], values };
    }
    case 'assignment_due_soon': {
      const r = t.assignment_due_soon;
      return { subject: r.subject, intro: [v.courseTitle ? r.intro : r.introNoCourse, r.when], action: r.action, notes: [r.next], values };
    }
    case 'feedback_released':
    case 'returned_for_revision': {
      const r = t[template];
      return { subject: r.subject, intro: [v.courseTitle ? r.intro : r.introNoCourse], action: r.action, notes: [r.next], values };
    }
    case 'certificate_issued': {
      const r = t.certificate_issued;
      return {
        subject: v.corrected ? r.subjectCorrected : r.subject,
        intro: [v.corrected ? r.introCorrected : r.intro, ...(v.verifyUrl ? [r.verify] : [])],
        action: r.action,
        notes: [r.next],
        values,
      };
    }
    case 'certificate_revoked': {
      const r = t.certificate_revoked;
      return { subject: r.subject, intro: [r.intro, ...(v.reason ? [r.reason] : [])], action: r.action, notes: [r.next], values };
    }
  }
}

/** A catalog text cut at its `{{placeholders}}`: literal text and values alternate, so each can be escaped on its own. */
type Segments = Array<{ literal: string } | { value: string }>;

function fill(template: string, values: Record<string, string>): Segments {
  return template.split(/\{\{(\w+)\}\}/).map((part, index) => (index % 2 === 0 ? { literal: part } : { value: values[part] ?? '' }));
}

function textOf(segments: Segments): string {
  return segments.map((s) => ('literal' in s ? s.literal : s.value)).join('');
}

/** Values are escaped and wrapped in <bdi>, so a Latin name inside Arabic text (or the reverse) keeps its order. */
function htmlOf(segments: Segments): string {
  return segments.map((s) => ('literal' in s ? escapeHtml(s.literal) : `<bdi>${escapeHtml(s.value)}</bdi>`)).join('');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Names end up in a subject header too: no line breaks, no surrounding space. */
function clean(value: string | undefined): string {
  return (value ?? '').replace(/[\r\n\t]+/g, ' ').trim();
}

/** Links in emails are absolute; a path is taken relative to PUBLIC_WEB_URL; only http(s) is accepted. */
function absoluteUrl(value: string | undefined, locale: Locale, publicWebUrl: string): string {
  let url: URL;
  try {
    url = new URL(value?.trim() || `/${locale}`, publicWebUrl);
  } catch {
    throw new InvalidEmailPayloadError(`Invalid email payload: data.url is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidEmailPayloadError(`Invalid email payload: data.url must be http(s)`);
  return url.toString();
}

/** An ISO instant as the reader says it, in their time zone when the payload gives one (data.timeZone), else UTC. */
function formatInstant(iso: string, locale: Locale, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new InvalidEmailPayloadError(`Invalid email payload: data.expiresAt is not an ISO date`);
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone || 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  }
}

/** An ISO instant's calendar day as the reader writes it, in the given time zone (else UTC). */
function formatDay(iso: string, locale: Locale, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new InvalidEmailPayloadError(`Invalid email payload: data.revokedAt is not an ISO date`);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: validZone(timeZone) ?? 'UTC' }).format(date);
}

/**
 * A cohort's first and last day (calendar dates, `YYYY-MM-DD`, already in the cohort's time zone) as the reader
 * writes a range. They are formatted at UTC midnight so the calendar day never shifts.
 */
function formatDateRange(startsOn: string, endsOn: string, locale: Locale): string {
  const start = new Date(`${startsOn}T00:00:00Z`);
  const end = new Date(`${endsOn}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new InvalidEmailPayloadError(`Invalid email payload: data.startsOn/endsOn are not dates`);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return startsOn === endsOn ? format.format(start) : format.formatRange(start, end);
}

/** `Asia/Amman` → "توقيت الأردن" / "Jordan Time" / "heure : Jordanie"; the IANA name when Intl does not know it. */
function zoneName(timeZone: string, locale: Locale): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

const FONT = "Tahoma, 'Segoe UI', Arial, sans-serif";

function renderHtml(locale: Locale, t: EmailCatalog, subject: string, greeting: Segments, content: Content, url: string): string {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const align = dir === 'rtl' ? 'right' : 'left';
  const p = (html: string, style = '') => `<p style="margin:0 0 16px;${style}">${html}</p>`;
  const href = escapeHtml(url);
  return `<!DOCTYPE html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body dir="${dir}" style="margin:0;padding:0;background-color:#f3f1ec;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="background-color:#f3f1ec;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border-radius:8px;">
<tr><td style="padding:24px 28px 0;font-family:${FONT};font-size:22px;font-weight:bold;color:#1d5c63;text-align:${align};">${escapeHtml(t.common.brand)}</td></tr>
<tr><td style="padding:16px 28px 8px;font-family:${FONT};font-size:16px;line-height:1.7;color:#1f2328;text-align:${align};">
${p(htmlOf(greeting))}
${content.intro.map((text) => p(htmlOf(fill(text, content.values)))).join('\n')}
<p style="margin:24px 0;text-align:center;"><a href="${href}" style="display:inline-block;padding:12px 24px;background-color:#1d5c63;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;">${escapeHtml(content.action)}</a></p>
${p(`${escapeHtml(t.common.linkFallback)}<br><a href="${href}" dir="ltr" style="color:#1d5c63;word-break:break-all;">${href}</a>`, 'font-size:14px;color:#57606a;')}
${content.notes.map((text) => p(htmlOf(fill(text, content.values)))).join('\n')}
${p(`${escapeHtml(t.common.regards)}<br>${escapeHtml(t.common.team)}`)}
</td></tr>
</table>
<p style="max-width:560px;margin:16px auto 0;font-family:${FONT};font-size:12px;line-height:1.6;color:#6e7781;text-align:center;">${escapeHtml(t.common.footer)}</p>
</td></tr>
</table>
</body>
</html>
`;
}

function renderText(t: EmailCatalog, greeting: Segments, content: Content, url: string): string {
  const paragraphs = [
    textOf(greeting),
    ...content.intro.map((text) => textOf(fill(text, content.values))),
    `${content.action}:\n${url}`,
    ...content.notes.map((text) => textOf(fill(text, content.values))),
    `${t.common.regards}\n${t.common.team}`,
    '--',
    t.common.footer,
  ];
  return `${paragraphs.join('\n\n')}\n`;
}
