import { amiri, drawTextLine, formatDay } from '@halaqa/certificates';
import PDFDocument from 'pdfkit';
import type { Locale } from '../common/localized-text';
import { translate } from '../i18n/i18n';

/** A4 portrait, in points. */
export const SUMMARY_PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT_WIDTH = SUMMARY_PAGE.width - 2 * MARGIN;
/** Baselines stay above this; the footer sits below it. */
const BOTTOM = SUMMARY_PAGE.height - MARGIN - 30;
/** The seat and per-cohort tables stop here and say how many more there are (the CSV has every person). */
export const MAX_COHORT_ROWS = 200;

const INK = '#1d2626';
const ACCENT = '#0f5e59';
const MUTED = '#4f5d5d';
const RULE = '#c9d3d2';

export interface SummaryCounts {
  enrolled: number;
  active: number;
  completed: number;
  certified: number;
}

export interface SummaryPdfInput {
  locale: Locale;
  organizationName: string;
  /** YYYY-MM-DD. */
  preparedOn: string;
  /** Filters applied, already in the reader's language. */
  filters: Array<{ label: string; value: string }>;
  funnel: SummaryCounts;
  hiddenCount: number;
  seats: Array<{ cohort: string; seats: number; used: number; free: number }>;
  /** Per cohort, soonest first; `attendance` is attended / held (null before any session was held). */
  cohorts: Array<SummaryCounts & { cohort: string; attendance: number | null }>;
}

interface Column {
  key: string;
  /** Share of the content width. */
  share: number;
  numeric?: boolean;
}

/**
 * The printable staff summary of a partner organization: A4 portrait, in the reader's language (Arabic right to
 * left: text flush right, table columns from the right), Amiri from the certificates library and its bidi line
 * drawing. Aggregates only: the completion funnel, seats per cohort and a per-cohort table (capped at
 * `MAX_COHORT_ROWS`), never a person. Small enough to render in the API process (a few milliseconds per page).
 */
export function renderSummaryPdf(input: SummaryPdfInput): Promise<Buffer> {
  const { locale } = input;
  const rtl = locale === 'ar';
  const t = (key: string, options?: Record<string, unknown>) => translate(locale, `partner_summary.${key}`, options);
  const numberFormat = new Intl.NumberFormat(rtl ? 'ar-u-nu-latn' : locale);
  const percentFormat = new Intl.NumberFormat(rtl ? 'ar-u-nu-latn' : locale, { style: 'percent', maximumFractionDigits: 0 });
  const n = (value: number) => numberFormat.format(value);
  const { regular, bold } = amiri();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    font: null as unknown as string,
    bufferPages: true,
    tagged: true,
    lang: locale,
    displayTitle: true,
    info: { Title: `${t('title')} — ${input.organizationName}`, Author: input.organizationName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular as unknown as string);
  doc.registerFont('bold', bold as unknown as string);
  const root = doc.struct('Document', { lang: locale });
  doc.addStructure(root);
  /**
   * Rules, bars and page furniture: not read out. Never nest one in another: pdfkit ends an open artifact when the
   * next begins, so the outer one's end would be an EMC without its BDC.
   */
  const artifact = (draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') => {
    doc.markContent('Artifact', { type });
    draw();
    doc.endMarkedContent();
  };

  /** A box's left edge in reading order: from the left in English and French, mirrored in Arabic. */
  const boxX = (offset: number, width: number) => (rtl ? MARGIN + CONTENT_WIDTH - offset - width : MARGIN + offset);
  const start = rtl ? 'right' : 'left';
  let y = MARGIN;

  type LineOptions = { size: number; bold?: boolean; color?: string; offset?: number; width?: number; align?: 'left' | 'right' | 'center'; tag?: string | null; parent?: PDFKit.PDFStructureElement };
  /** One line in the reading direction, tagged as a paragraph (or `tag`) of the document unless `tag` is null. */
  const line = (value: string, options: LineOptions) => {
    const width = options.width ?? CONTENT_WIDTH - (options.offset ?? 0);
    drawTextLine(doc, value, {
      x: boxX(options.offset ?? 0, width),
      y,
      width,
      align: options.align ?? start,
      font: options.bold ? 'bold' : 'regular',
      size: options.size,
      minSize: Math.min(options.size, 7),
      color: options.color ?? INK,
      tag: options.tag === null ? undefined : { parent: options.parent ?? root, type: options.tag ?? 'P', lang: locale },
    });
  };
  const advance = (points: number) => {
    y += points;
    if (y > BOTTOM) {
      doc.addPage();
      y = MARGIN + 14;
    }
  };
  const heading = (value: string) => {
    if (y + 70 > BOTTOM) advance(BOTTOM);
    advance(30);
    line(value, { size: 14, bold: true, color: ACCENT, tag: 'H2' });
    advance(6);
    artifact(() => doc.lineWidth(0.75).strokeColor(ACCENT).moveTo(MARGIN, y).lineTo(MARGIN + CONTENT_WIDTH, y).stroke());
  };

  /** A table with its header row repeated on every page it runs onto. */
  const table = (columns: Column[], header: Record<string, string>, rows: Array<Record<string, string>>) => {
    const element = doc.struct('Table', { lang: locale });
    root.add(element);
    const drawRow = (cells: Record<string, string>, isHeader: boolean, repeated = false) => {
      // A header repeated on a new page is page furniture: tagged once, at the top of the table.
      const row = repeated ? null : doc.struct('TR');
      if (row) element.add(row);
      if (repeated) doc.markContent('Artifact', { type: 'Pagination' });
      let offset = 0;
      for (const column of columns) {
        const width = column.share * CONTENT_WIDTH;
        drawTextLine(doc, cells[column.key] ?? '', {
          x: boxX(offset + 3, width - 6),
          y,
          width: width - 6,
          align: column.numeric ? 'center' : start,
          font: isHeader ? 'bold' : 'regular',
          size: isHeader ? 9.5 : 10,
          minSize: 7,
          color: isHeader ? MUTED : INK,
          tag: row ? { parent: row, type: isHeader ? 'TH' : 'TD', lang: locale } : undefined,
        });
        offset += width;
      }
      if (repeated) doc.endMarkedContent();
      row?.end();
      artifact(() => doc.lineWidth(0.4).strokeColor(RULE).moveTo(MARGIN, y + 6).lineTo(MARGIN + CONTENT_WIDTH, y + 6).stroke());
    };
    advance(20);
    drawRow(header, true);
    for (const row of rows) {
      const before = doc.bufferedPageRange().count;
      advance(18);
      if (doc.bufferedPageRange().count !== before) {
        drawRow(header, true, true);
        advance(18);
      }
      drawRow(row, false);
    }
    element.end();
  };

  // Title block.
  advance(22);
  line(t('title'), { size: 13, color: MUTED });
  advance(28);
  line(input.organizationName, { size: 22, bold: true, color: ACCENT, tag: 'H1' });
  advance(20);
  line(t('prepared_on', { date: formatDay(input.preparedOn, locale) }), { size: 11, color: MUTED });
  advance(18);
  const filters = input.filters.length ? input.filters.map((f) => `${f.label}: ${f.value}`).join(' · ') : t('no_filters');
  line(`${t('filters')}: ${filters}`, { size: 11 });

  // The completion funnel: a bar per step, as long as its share of the enrolled.
  heading(t('funnel'));
  const labelWidth = 130;
  const numberWidth = 60;
  const barRoom = CONTENT_WIDTH - labelWidth - numberWidth - 12;
  const funnel = doc.struct('Table', { lang: locale });
  root.add(funnel);
  for (const step of ['enrolled', 'active', 'completed', 'certified'] as const) {
    advance(22);
    const value = input.funnel[step];
    const row = doc.struct('TR');
    funnel.add(row);
    line(t(`funnel_step.${step}`), { size: 11, width: labelWidth, tag: 'TH', parent: row });
    const barWidth = input.funnel.enrolled > 0 ? Math.max(value > 0 ? 1 : 0, (barRoom * value) / input.funnel.enrolled) : 0;
    if (barWidth > 0) artifact(() => doc.rect(boxX(labelWidth, barWidth), y - 11, barWidth, 13).fillColor(ACCENT).fill());
    line(n(value), { size: 11, bold: true, offset: labelWidth + barWidth + 8, width: numberWidth, tag: 'TD', parent: row });
    row.end();
  }
  funnel.end();
  if (input.hiddenCount > 0) {
    advance(22);
    line(t('hidden', { count: input.hiddenCount }), { size: 10, color: MUTED });
  }

  heading(t('seats'));
  if (input.seats.length === 0) {
    advance(20);
    line(t('no_seats'), { size: 10.5, color: MUTED });
  } else {
    table(
      [{ key: 'cohort', share: 0.55 }, { key: 'seats', share: 0.15, numeric: true }, { key: 'used', share: 0.15, numeric: true }, { key: 'free', share: 0.15, numeric: true }],
      { cohort: t('seat_column.cohort'), seats: t('seat_column.seats'), used: t('seat_column.used'), free: t('seat_column.free') },
      input.seats.slice(0, MAX_COHORT_ROWS).map((s) => ({ cohort: s.cohort, seats: n(s.seats), used: n(s.used), free: n(s.free) })),
    );
    if (input.seats.length > MAX_COHORT_ROWS) {
      advance(20);
      line(t('more', { count: input.seats.length - MAX_COHORT_ROWS }), { size: 10, color: MUTED });
    }
  }

  heading(t('per_cohort'));
  if (input.cohorts.length === 0) {
    advance(20);
    line(t('no_staff'), { size: 10.5, color: MUTED });
  } else {
    const keys = ['enrolled', 'active', 'completed', 'certified', 'attendance'] as const;
    table(
      [{ key: 'cohort', share: 0.33 }, ...keys.map((key) => ({ key, share: key === 'attendance' ? 0.15 : 0.13, numeric: true }))],
      Object.fromEntries(['cohort', ...keys].map((key) => [key, t(`cohort_column.${key}`)])),
      input.cohorts.slice(0, MAX_COHORT_ROWS).map((c) => ({
        cohort: c.cohort,
        enrolled: n(c.enrolled),
        active: n(c.active),
        completed: n(c.completed),
        certified: n(c.certified),
        attendance: c.attendance === null ? t('no_sessions') : percentFormat.format(c.attendance),
      })),
    );
    if (input.cohorts.length > MAX_COHORT_ROWS) {
      advance(20);
      line(t('more', { count: input.cohorts.length - MAX_COHORT_ROWS }), { size: 10, color: MUTED });
    }
  }

  // Footer on every page: what is counted, and the page number.
  const pages = doc.bufferedPageRange().count;
  for (let index = 0; index < pages; index++) {
    doc.switchToPage(index);
    y = SUMMARY_PAGE.height - MARGIN - 12;
    artifact(() => doc.lineWidth(0.4).strokeColor(RULE).moveTo(MARGIN, y - 14).lineTo(MARGIN + CONTENT_WIDTH, y - 14).stroke());
    // What is counted is said once to a screen reader (first page); the rest is page furniture.
    const furniture = index > 0;
    const footer = () => {
      // One sentence a line: together they are wider than the page.
      for (const sentence of t('footer').split(/(?<=[.!؟])\s+/)) {
        line(sentence, { size: 8, color: MUTED, width: CONTENT_WIDTH - 70, tag: furniture ? null : 'P' });
        y += 11;
      }
    };
    if (furniture) artifact(footer, 'Pagination');
    else footer();
    y = SUMMARY_PAGE.height - MARGIN - 12;
    artifact(() => line(t('page', { page: n(index + 1), pages: n(pages) }), { size: 8, color: MUTED, width: 70, offset: CONTENT_WIDTH - 70, align: rtl ? 'left' : 'right', tag: null }), 'Pagination');
  }
  root.end();
  doc.end();
  return done;
}
