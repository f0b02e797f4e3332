import PDFDocument from 'pdfkit';
import { amiri } from './amiri-font';
import { hasArabic } from './bidi-runs';
import { CERTIFICATE_LABELS, formatDay, formatDayRange, printedIn } from './certificate-labels';
import type { CertificateFields, CertificateLocale, PrintedText } from './fields';
import { fitText, placeRuns, type MeasureAt1, type PlacedRun } from './line-layout';
import { qrRectangles } from './qr-code';
import { format as groupInFours } from './verification-code';

/** A4 landscape, in points. */
export const PAGE = { width: 841.89, height: 595.28 };
/** The gold frame's distance from the paper's edge; nothing is drawn outside it. */
export const FRAME_INSET = 22;
/** The main column's text stays this far from the paper's edge. */
const CONTENT_INSET = 64;
const CONTENT_WIDTH = PAGE.width - 2 * CONTENT_INSET;
const CENTRE = PAGE.width / 2;

const INK = '#1d2626';
const ACCENT = '#0f5e59';
const GOLD = '#a8812f';
const MUTED = '#4f5d5d';

type Face = 'regular' | 'bold';
type Tag = 'H1' | 'P';

interface LineStyle {
  face: Face;
  size: number;
  color: string;
  lang: CertificateLocale;
  tag?: Tag;
  /** Machine text (code, URL): drawn without OpenType features, see LITERAL. */
  literal?: boolean;
}

/**
 * The OpenType features fontkit would apply, off — except `locl`, which gives Latin text Amiri's Latin full stop and
 * slash (without it a URL gets the Arabic-style dot). A code or URL is different on every certificate, so it is never
 * in the shared layout cache, and Amiri's contextual rules made shaping these two strings 5 ms of a certificate's
 * 13; in Latin the other features only add ligatures (unwanted in a code) and kerning. With `locl` alone: 0.3 ms.
 */
const LITERAL = Object.fromEntries(['ccmp', 'rlig', 'rclt', 'calt', 'clig', 'liga', 'dlig', 'kern', 'mark', 'mkmk', 'curs'].map((tag) => [tag, false]));

const LATIN_LETTER = /\p{Script=Latin}/u;

/** How far Amiri's letters reach above and below the baseline, in em, for spacing lines (marks included). */
const ASCENT = 0.95;
const DESCENT = 0.5;

/** One line of the main column before layout: fitted to its width, spaced `gap` points below the previous one. */
interface Block {
  text: string;
  style: LineStyle;
  maxWidth: number;
  minSize: number;
  gap: number;
}

/** Where the main column may run: below the frame's top, above the bottom band (QR code, date, signatories). */
const COLUMN_TOP = FRAME_INSET + 18;
const COLUMN_BOTTOM = 440;

/**
 * Renders one certificate as a tagged, A4-landscape PDF: Arabic first, then the cohort's secondary locale (English
 * or French); the holder's name in both scripts (or the one that exists), course, cohort, city or "online", dates,
 * issuer, up to three signatories, the verification code in groups of four, the verify URL and a vector QR code of
 * it. Text is Amiri (embedded, subset), Arabic and mixed lines are ordered with the Unicode bidi algorithm, and each
 * line carries its logical text (ActualText) so copy-paste and screen readers get it in reading order. Long names
 * and titles shrink, then wrap to two lines; when the column would still run into the bottom band, everything in
 * it shrinks together. Nothing is drawn outside the frame.
 *
 * @example
 *   const pdf = await renderCertificatePdf(certificate.fields); // Buffer starting with %PDF-
 */
export function renderCertificatePdf(fields: CertificateFields): Promise<Buffer> {
  const { regular, bold } = amiri();
  const second = fields.secondaryLocale;
  const ar = CERTIFICATE_LABELS.ar;
  const other = CERTIFICATE_LABELS[second];
  const text = (value: PrintedText, locale: CertificateLocale) => printedIn(value, locale, locale === 'ar' ? second : 'ar');
  const nameArabic = fields.recipient.nameArabic?.trim() ?? '';
  const nameLatin = fields.recipient.nameLatin?.trim() ?? '';

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // No Helvetica: the document only ever uses Amiri (the default font would be loaded and parsed for nothing).
    font: null as unknown as string,
    tagged: true,
    lang: 'ar',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: `${ar.documentTitle.replace('{name}', nameArabic || nameLatin)} / ${other.documentTitle.replace('{name}', nameLatin || nameArabic)}`,
      Author: text(fields.issuer.name, 'ar'),
      Subject: `${text(fields.courseTitle, 'ar')} / ${text(fields.courseTitle, second)}`,
      Keywords: groupInFours(fields.code),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular as unknown as string);
  doc.registerFont('bold', bold as unknown as string);
  const measures: Record<Face, MeasureAt1> = {
    regular: (value) => doc.font('regular').fontSize(1).widthOfString(value),
    bold: (value) => doc.font('bold').fontSize(1).widthOfString(value),
  };
  // pdfkit's typings list feature tags only; fontkit also takes this tag → on/off map.
  const literalFeatures = LITERAL as unknown as PDFKit.Mixins.OpenTypeFeatures[];
  const measureOf = (style: LineStyle): MeasureAt1 =>
    style.literal ? (value) => doc.font(style.face).fontSize(1).widthOfString(value, { features: literalFeatures }) : measures[style.face];
  const root = doc.struct('Document', { lang: 'ar' });
  doc.addStructure(root);

  /**
   * Draws one line centred on `centre` with its baseline at `baseline`, tagged as a paragraph (or heading) in its
   * language. A line with Arabic has its glyphs in display order, so it carries its text in reading order as
   * ActualText. A line that mixes languages (Latin letters inside an Arabic line take the secondary locale) gets one
   * Span per run with its own language, added in reading order although the runs are drawn left to right, each with
   * its reading-order text (up to the next run, so the undrawn spaces are read too); the whole line's ActualText then
   * wraps them on the page, for tools that read the page rather than the tags. Other lines are one Span: a Span per
   * word cost 3 ms and 4 KiB per certificate.
   */
  const line = (value: string, baseline: number, style: LineStyle, centre = CENTRE): void => {
    if (!value) return;
    const { runs, width } = placeRuns(value, measureOf(style), style.size);
    const left = centre - width / 2;
    const reordered = hasArabic(value);
    const drawn = runs.filter((run) => run.text.trim());
    const langOf = (run: PlacedRun): CertificateLocale => (run.arabic ? 'ar' : reordered && LATIN_LETTER.test(run.text) ? second : style.lang);
    const draw = (run: PlacedRun) =>
      doc.text(run.text, left + run.x, baseline, { lineBreak: false, baseline: 'alphabetic', features: style.literal ? literalFeatures : undefined });
    const element = doc.struct(style.tag ?? 'P', { lang: style.lang });
    root.add(element);
    doc.font(style.face).fontSize(style.size).fillColor(style.color);
    const actual = reordered ? value : undefined;
    if (new Set(drawn.map(langOf)).size <= 1) {
      const lang = drawn.length ? langOf(drawn[0]) : style.lang;
      const content = doc.markStructureContent('Span', { lang, actual });
      drawn.forEach(draw);
      doc.endMarkedContent();
      element.add(doc.struct('Span', { lang, actual }, [content]));
    } else {
      doc.markContent('Span', { actual });
      const spans = drawn.map((run) => {
        const lang = langOf(run);
        const content = doc.markStructureContent('Span', { lang });
        draw(run);
        doc.endMarkedContent();
        return { run, lang, content };
      });
      doc.endMarkedContent();
      spans
        .sort((a, b) => a.run.logicalStart - b.run.logicalStart)
        .forEach(({ run, lang, content }, index, sorted) => {
          const text = value.slice(run.logicalStart, sorted[index + 1]?.run.logicalStart);
          element.add(doc.struct('Span', { lang, actual: text }, [content]));
        });
    }
    element.end();
  };

  /** A line shrunk to `maxWidth` (two lines when it must); returns the last baseline. */
  const fittedLine = (value: string, baseline: number, style: LineStyle, maxWidth: number, minSize: number, centre = CENTRE): number => {
    const fitted = fitText(value, measureOf(style), maxWidth, { maxSize: style.size, minSize });
    fitted.lines.forEach((part, index) => line(part, baseline + index * fitted.size * (ASCENT + DESCENT), { ...style, size: fitted.size }, centre));
    return baseline + (fitted.lines.length - 1) * fitted.size * (ASCENT + DESCENT);
  };

  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };

  artifact(() => {
    doc.lineWidth(2).strokeColor(GOLD).rect(FRAME_INSET, FRAME_INSET, PAGE.width - 2 * FRAME_INSET, PAGE.height - 2 * FRAME_INSET).stroke();
    const inner = FRAME_INSET + 6;
    doc.lineWidth(0.75).strokeColor(ACCENT).rect(inner, inner, PAGE.width - 2 * inner, PAGE.height - 2 * inner).stroke();
  });

  // The main column, top to bottom: Arabic line, then its secondary-locale twin.
  const place = (locale: CertificateLocale) => (fields.online ? CERTIFICATE_LABELS[locale].online : text(fields.city, locale));
  const details = (locale: CertificateLocale) =>
    [`${CERTIFICATE_LABELS[locale].cohort}: ${text(fields.cohortName, locale)}`, place(locale), formatDayRange(fields.startsOn, fields.endsOn, locale)]
      .filter(Boolean)
      .join(' · ');
  const wide = CONTENT_WIDTH - 40;
  const blocks = (
    [
      { text: text(fields.issuer.name, 'ar'), style: { face: 'bold', size: 15, color: ACCENT, lang: 'ar' }, maxWidth: wide, minSize: 10, gap: 0 },
      { text: text(fields.issuer.name, second), style: { face: 'regular', size: 11, color: ACCENT, lang: second }, maxWidth: wide, minSize: 8, gap: 0 },
      { text: ar.title, style: { face: 'bold', size: 36, color: INK, lang: 'ar', tag: 'H1' }, maxWidth: wide, minSize: 20, gap: 6 },
      { text: other.title, style: { face: 'regular', size: 18, color: INK, lang: second, tag: 'H1' }, maxWidth: wide, minSize: 12, gap: -2 },
      { text: ar.awardedTo, style: { face: 'regular', size: 13, color: MUTED, lang: 'ar' }, maxWidth: wide, minSize: 9, gap: 12 },
      { text: other.awardedTo, style: { face: 'regular', size: 11, color: MUTED, lang: second }, maxWidth: wide, minSize: 8, gap: -2 },
      // Harakat reach high above a name: more room under the label than a Latin name needs.
      { text: nameArabic, style: { face: 'bold', size: 32, color: ACCENT, lang: 'ar' }, maxWidth: wide, minSize: 20, gap: 12 },
      // Alone, the Latin name takes the Arabic one's size.
      { text: nameLatin, style: { face: 'bold', size: nameArabic ? 26 : 32, color: ACCENT, lang: second }, maxWidth: wide, minSize: 16, gap: nameArabic ? 0 : 8 },
      { text: ar.hasCompleted, style: { face: 'regular', size: 13, color: MUTED, lang: 'ar' }, maxWidth: wide, minSize: 9, gap: 10 },
      { text: other.hasCompleted, style: { face: 'regular', size: 11, color: MUTED, lang: second }, maxWidth: wide, minSize: 8, gap: -2 },
      { text: text(fields.courseTitle, 'ar'), style: { face: 'bold', size: 22, color: INK, lang: 'ar' }, maxWidth: wide, minSize: 14, gap: 4 },
      { text: text(fields.courseTitle, second), style: { face: 'regular', size: 17, color: INK, lang: second }, maxWidth: wide, minSize: 11, gap: 0 },
      { text: details('ar'), style: { face: 'regular', size: 13, color: INK, lang: 'ar' }, maxWidth: CONTENT_WIDTH, minSize: 9, gap: 10 },
      { text: details(second), style: { face: 'regular', size: 11.5, color: INK, lang: second }, maxWidth: CONTENT_WIDTH, minSize: 8, gap: -1 },
    ] satisfies Block[]
  ).filter((block) => block.text);
  layoutColumn(blocks, measures).forEach(({ value, baseline, style }) => line(value, baseline, style));

  // The bottom band. Left: the QR code, then the code and the URL beside it. Right: issue date and signatories.
  const qrSize = 84;
  const qrLeft = FRAME_INSET + 20;
  const qrTop = PAGE.height - FRAME_INSET - 20 - qrSize;
  drawQr(doc, root, fields.verifyUrl, qrLeft, qrTop, qrSize);
  const verify = { left: qrLeft + qrSize + 12, width: 232 };
  const verifyCentre = verify.left + verify.width / 2;
  let vy = qrTop + 14;
  line(`${ar.code} · ${other.code}`, vy, { face: 'regular', size: 10, color: MUTED, lang: 'ar' }, verifyCentre);
  vy += 17;
  vy = fittedLine(groupInFours(fields.code), vy, { face: 'bold', size: 13, color: INK, lang: second, literal: true }, verify.width, 8, verifyCentre);
  vy += 22;
  line(`${ar.verifyAt} · ${other.verifyAt}`, vy, { face: 'regular', size: 10, color: MUTED, lang: 'ar' }, verifyCentre);
  vy += 16;
  fittedLine(fields.verifyUrl, vy, { face: 'regular', size: 10, color: ACCENT, lang: second, literal: true }, verify.width, 6, verifyCentre);

  const signing = { left: verify.left + verify.width + 16, right: PAGE.width - FRAME_INSET - 24 };
  const signingCentre = (signing.left + signing.right) / 2;
  const issuedWidth = signing.right - signing.left;
  fittedLine(`${ar.issuedOn} ${formatDay(fields.issuedOn, 'ar')}`, COLUMN_BOTTOM + 24, { face: 'regular', size: 13, color: INK, lang: 'ar' }, issuedWidth, 8, signingCentre);
  fittedLine(`${other.issuedOn} ${formatDay(fields.issuedOn, second)}`, COLUMN_BOTTOM + 40, { face: 'regular', size: 11.5, color: INK, lang: second }, issuedWidth, 8, signingCentre);

  // Arabic reads from the right: the first signatory stands rightmost.
  const signatories = fields.signatories.slice(0, 3);
  const column = (signing.right - signing.left) / Math.max(signatories.length, 1);
  const rule = PAGE.height - FRAME_INSET - 72;
  signatories.forEach((signatory, index) => {
    const centre = signing.right - column * (index + 0.5);
    const width = Math.min(column - 24, 200);
    artifact(() => doc.lineWidth(0.6).strokeColor(GOLD).moveTo(centre - width / 2, rule).lineTo(centre + width / 2, rule).stroke());
    const nameLang = hasArabic(signatory.name) ? 'ar' : second;
    // A long name in a narrow column goes onto two lines rather than below 9 pt; the titles follow it and only
    // shrink (a wrapped title could reach the frame).
    const sy = fittedLine(signatory.name, rule + 15, { face: 'bold', size: 12.5, color: INK, lang: nameLang }, width, 9, centre);
    fittedLine(text(signatory.title, 'ar'), sy + 13, { face: 'regular', size: 10.5, color: MUTED, lang: 'ar' }, width, 1, centre);
    fittedLine(text(signatory.title, second), sy + 24, { face: 'regular', size: 9.5, color: MUTED, lang: second }, width, 1, centre);
  });

  root.end();
  doc.end();
  return done;
}

/**
 * Baselines for the main column's lines. Each block is fitted to its width first; when the column is then taller
 * than its room (two long names, each on two lines), sizes and gaps shrink by one factor so it still ends above the
 * bottom band.
 */
function layoutColumn(blocks: Block[], measures: Record<Face, MeasureAt1>): Array<{ value: string; baseline: number; style: LineStyle }> {
  const lines = blocks.flatMap((block) => {
    const fitted = fitText(block.text, measures[block.style.face], block.maxWidth, { maxSize: block.style.size, minSize: block.minSize });
    return fitted.lines.map((value, index) => ({ value, style: { ...block.style, size: fitted.size }, gap: index === 0 ? block.gap : 0 }));
  });
  const height = (scale: number) =>
    lines.reduce((sum, { style, gap }, index) => sum + (index === 0 ? 0 : lines[index - 1].style.size * scale * DESCENT + gap * scale) + style.size * scale * ASCENT, 0);
  const room = COLUMN_BOTTOM - COLUMN_TOP;
  const scale = Math.min(1, room / height(1));
  // A short column (one name, short titles) sits in the middle of its room rather than under the top edge.
  let baseline = COLUMN_TOP + Math.min((room - height(scale)) / 2, 24);
  return lines.map(({ value, style, gap }, index) => {
    baseline += (index === 0 ? 0 : lines[index - 1].style.size * scale * DESCENT + gap * scale) + style.size * scale * ASCENT;
    return { value, baseline, style: { ...style, size: style.size * scale } };
  });
}

/** The QR code of the verify URL as filled vector rectangles (no image), tagged as a figure with the URL as text. */
function drawQr(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, url: string, left: number, top: number, size: number): void {
  const { size: modules, rects } = qrRectangles(url);
  const unit = size / modules;
  const figure = doc.struct('Figure', { alt: `QR code: ${url}`, lang: 'en' });
  root.add(figure);
  const content = doc.markStructureContent('Figure');
  for (const [x, y, width] of rects) doc.rect(left + x * unit, top + y * unit, width * unit + 0.01, unit + 0.01);
  doc.fillColor(INK).fill();
  doc.endMarkedContent();
  figure.add(content);
  figure.end();
}
