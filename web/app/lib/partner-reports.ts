import type { Locale } from './locale';

/**
 * The partner organization's staff dashboard (docs/partner-reporting.md): its filters, and the geometry of its two
 * server-rendered SVG charts. Geometry is worked out in reading order ("inline start" = where a reader of the page's
 * language starts) and mirrored for Arabic at the end, so one set of numbers serves both directions and the unit
 * specs can check it without a browser.
 */

export const enrollmentStatuses = ['applied', 'waitlisted', 'active', 'withdrawn', 'completed', 'rejected'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];

export const funnelSteps = ['enrolled', 'active', 'completed', 'certified'] as const;
export type FunnelStep = (typeof funnelSteps)[number];
export type Funnel = Record<FunnelStep, number>;

export interface StaffFilters {
  cohortId: string;
  courseSlug: string;
  city: string;
  status: EnrollmentStatus | '';
}

const idPattern = /^[\w-]{1,64}$/;

/** The page's GET form read back from the URL: anything malformed is dropped (the filter is simply not applied). */
export function staffFilters(search: URLSearchParams): StaffFilters {
  const cohortId = search.get('cohortId') ?? '';
  const courseSlug = search.get('courseSlug') ?? '';
  const status = search.get('status') ?? '';
  return {
    cohortId: idPattern.test(cohortId) ? cohortId : '',
    courseSlug: /^[a-z0-9][a-z0-9-]{0,99}$/.test(courseSlug) ? courseSlug : '',
    city: (search.get('city') ?? '').trim().slice(0, 100),
    status: (enrollmentStatuses as readonly string[]).includes(status) ? (status as EnrollmentStatus) : '',
  };
}

/** The filters that are set, as a query string (for the CSV and PDF links, which take the same filters). */
export function filterQuery(filters: StaffFilters): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  return query.size ? `?${query.toString()}` : '';
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A share as a whole percentage through Intl ("75%", "75 %" in French), or null when there is nothing to share. */
export function formatPercent(rate: number | null, locale: Locale): string | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.max(0, Math.min(1, rate)));
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A text position; with the svg's own `direction` set to the page's, `text-anchor="start"` anchors it at `x`. */
export interface TextAt {
  x: number;
  y: number;
}

/** Mirrors a box across the chart for right-to-left pages. */
export function mirrorRect(rect: Rect, width: number, rtl: boolean): Rect {
  return rtl ? { ...rect, x: round(width - rect.x - rect.width) } : rect;
}

export function mirrorX(x: number, width: number, rtl: boolean): number {
  return rtl ? round(width - x) : x;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

// A narrow drawing (480 units) so its 18-unit labels stay readable when a phone shrinks it to ~340 px.
export const funnelLayout = { width: 480, rowHeight: 44, barHeight: 28, labelWidth: 160, valueGap: 8, valueWidth: 64, padding: 8 } as const;

export interface FunnelRow {
  step: FunnelStep;
  value: number;
  /** Share of the first step (enrolled), 0..1. */
  share: number;
  bar: Rect;
  label: TextAt;
  valueAt: TextAt;
}

/**
 * The funnel as horizontal bars, each as long as its share of "enrolled": labels at the inline start (the right in
 * Arabic), bars growing towards the inline end, the number just after each bar. An empty funnel draws no bars.
 */
export function funnelGeometry(funnel: Funnel, rtl: boolean): { width: number; height: number; rows: FunnelRow[] } {
  const { width, rowHeight, barHeight, labelWidth, valueGap, valueWidth, padding } = funnelLayout;
  const barStart = padding + labelWidth;
  const barSpace = width - barStart - valueGap - valueWidth - padding;
  const top = Math.max(...funnelSteps.map((step) => funnel[step]), 0);
  const rows = funnelSteps.map((step, index) => {
    const value = Math.max(0, funnel[step]);
    const share = top > 0 ? value / top : 0;
    const barWidth = round(barSpace * share);
    const y = padding + index * rowHeight;
    const bar = mirrorRect({ x: barStart, y: y + (rowHeight - barHeight) / 2, width: barWidth, height: barHeight }, width, rtl);
    const middle = round(y + rowHeight / 2);
    return {
      step,
      value,
      share,
      bar,
      label: { x: mirrorX(padding, width, rtl), y: middle },
      valueAt: { x: mirrorX(round(barStart + barWidth + valueGap), width, rtl), y: middle },
    };
  });
  return { width, height: padding * 2 + rowHeight * funnelSteps.length, rows };
}

export interface AttendancePoint {
  /** First day of the period (YYYY-MM-DD). */
  date: string;
  held: number;
  attended: number;
  /** attended / held, 0..1; null when no session was held in the period. */
  rate: number | null;
}

export const attendanceLayout = { width: 480, height: 220, axisWidth: 48, top: 14, bottom: 36, padding: 8, gap: 0.25 } as const;

export interface AttendanceColumn {
  date: string;
  rate: number | null;
  bar: Rect | null;
  /** Where the period's date is written under the axis, or null when skipped so labels never overlap. */
  tick: TextAt | null;
  /** The middle of the column on the time axis (for the line through the rates). */
  centre: number;
  top: number | null;
}

/**
 * Attendance over time as columns (one per period, height = attendance rate) with a line through their tops. Time
 * runs from the inline start: left to right in English and French, right to left in Arabic, as its readers expect.
 * The rate axis (0, 50, 100%) sits at the inline start. At most about six dates are written under the axis.
 */
export function attendanceGeometry(points: AttendancePoint[], rtl: boolean) {
  const { width, height, axisWidth, top, bottom, padding, gap } = attendanceLayout;
  const plotStart = padding + axisWidth;
  const plotWidth = width - plotStart - padding;
  const plotHeight = height - top - bottom;
  const baseline = top + plotHeight;
  const step = points.length > 0 ? plotWidth / points.length : plotWidth;
  const every = Math.max(1, Math.ceil(points.length / 6));
  // Every `every`-th date, and always the latest one: when it falls between two, it takes the place of the labelled
  // date just before it, so no two dates are ever closer than `every` columns (adjacent dates overlap).
  const last = points.length - 1;
  const displaced = last % every === 0 ? -1 : last - (last % every);
  const columns: AttendanceColumn[] = points.map((point, index) => {
    const x = plotStart + index * step;
    const centre = mirrorX(round(x + step / 2), width, rtl);
    const labelled = index === last || (index % every === 0 && index !== displaced);
    const rate = point.rate === null ? null : Math.max(0, Math.min(1, point.rate));
    const barHeight = rate === null ? 0 : round(plotHeight * rate);
    return {
      date: point.date,
      rate,
      bar: rate === null ? null : mirrorRect({ x: round(x + (step * gap) / 2), y: round(baseline - barHeight), width: round(step * (1 - gap)), height: barHeight }, width, rtl),
      tick: labelled ? { x: centre, y: baseline + 22 } : null,
      centre,
      top: rate === null ? null : round(baseline - barHeight),
    };
  });
  const grid = [0, 0.5, 1].map((rate) => ({
    rate,
    y: round(baseline - plotHeight * rate),
    x1: mirrorX(plotStart, width, rtl),
    x2: mirrorX(width - padding, width, rtl),
    label: { x: mirrorX(padding, width, rtl), y: round(baseline - plotHeight * rate + 4) },
  }));
  const line = columns
    .filter((column): column is AttendanceColumn & { top: number } => column.top !== null)
    .map((column) => `${column.centre},${column.top}`)
    .join(' ');
  return { width, height, columns, grid, line, baseline };
}

/** A date in the reader's language, short (for the time axis) or long (for the data table). */
export function formatDay(day: string, locale: Locale, style: 'short' | 'long'): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const options: Intl.DateTimeFormatOptions =
    style === 'short' ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
