import PDFDocument from 'pdfkit';
import { amiri } from './amiri-font';
import { hasArabic } from './bidi-runs';
import { CERTIFICATE_LABELS, formatDay, formatDayRange, printedIn } from './certificate-labels';
import type { CertificateFields, CertificateLocale } from './fields';
import { fitText, placeRuns, type MeasureAt1 } from './line-layout';
import { qrRectangles } from './qr-code';
import { format as groupInFours } from './verification-code';

/** A4 landscape, in points. */
export const PAGE = { width: 841.89, height: 595.28 };
/** The gold frame's distance from the paper's edge; nothing is drawn outside it. */
export const FRAME_INSET = 22;
/** Text stays this far from the paper's edge on every side. */
const CONTENT_INSET = 56;
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
}

/** Amiri's line box (ascent 1.124 em + descent 0.634 em) is tall; lines are spaced tighter than it. */
const LINE_HEIGHT = 1.35;

/**
 * Renders one certificate as a tagged, A4-landscape PDF: Arabic first, then the cohort's secondary locale (English
 * or French); the holder's name in both scripts (or the one that exists), course, cohort, city or "online", dates,
 * issuer, up to three signatories, the verification code in groups of four, the verify URL and a vector QR code of
 * it. Text is Amiri (embedded, subset), Arabic and mixed lines are ordered with the Unicode bidi algorithm, and each
 * line carries its logical text (ActualText) so copy-paste and screen readers get it in reading order. Long names
 * and titles shrink, then wrap to two lines; nothing leaves the frame.
 *
 * @example
 *   const pdf = await renderCertificatePdf(certificate.fields); // Buffer starting with %PDF-
 */
export function renderCertificatePdf(fields: CertificateFields): Promise<Buffer> {
  const { regular, bold } = amiri();
  const second = fields.secondaryLocale;
  const holder = fields.recipient.nameArabic?.trim() || fields.recipient.nameLatin?.trim() || '';
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
      Title: `${CERTIFICATE_LABELS.ar.documentTitle.replace('{name}', holder)} / ${CERTIFICATE_LABELS[second].documentTitle.replace('{name}', fields.recipient.nameLatin?.trim() || holder)}`,
      Author: printedIn(fields.issuer.name, 'ar', second),
      Subject: printedIn(fields.courseTitle, 'ar', second),
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
    regular: (text) => doc.font('regular').fontSize(1).widthOfString(text),
    bold: (text) => doc.font('bold').fontSize(1).widthOfString(text),
  };
  const root = doc.struct('Document', { lang: 'ar' });
  doc.addStructure(root);

  /** Draws one line centred on `centre`, tagged with its language and logical text; returns its height. */
  const line = (text: string, y: number, style: LineStyle, centre = CENTRE): number => {
    if (!text) return 0;
    const measure = (t: string) => measures[style.face](t);
    const { runs, width } = placeRuns(text, measure, style.size);
    const left = centre - width / 2;
    const actual = hasArabic(text) ? text : undefined;
    const element = doc.struct(style.tag ?? 'P', { lang: style.lang });
    root.add(element);
    const span = doc.struct('Span', { lang: style.lang, actual });
    element.add(span);
    const content = doc.markStructureContent('Span', { lang: style.lang });
    doc.font(style.face).fontSize(style.size).fillColor(style.color);
    for (const run of runs) {
      if (run.text.trim()) doc.text(run.text, left + run.x, y, { lineBreak: false });
    }
    doc.endMarkedContent();
    span.add(content);
    element.end();
    return style.size * LINE_HEIGHT;
  };

  /** A line that shrinks to `maxWidth`, then wraps to two; returns the height used. */
  const fittedLine = (text: string, y: number, style: LineStyle, maxWidth: number, minSize: number, centre = CENTRE): number => {
    const fitted = fitText(text, measures[style.face], maxWidth, { maxSize: style.size, minSize });
    let height = 0;
    for (const part of fitted.lines) height += line(part, y + height, { ...style, size: fitted.size }, centre);
    return height;
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

  const ar = CERTIFICATE_LABELS.ar;
  const other = CERTIFICATE_LABELS[second];
  const text = (value: Parameters<typeof printedIn>[0], locale: CertificateLocale) => printedIn(value, locale, locale === 'ar' ? second : 'ar');

  let y = 44;
  y += line(text(fields.issuer.name, 'ar'), y, { face: 'bold', size: 15, color: ACCENT, lang: 'ar' });
  y += line(text(fields.issuer.name, second), y - 4, { face: 'regular', size: 11, color: ACCENT, lang: second });
  y += 2;
  y += line(ar.title, y, { face: 'bold', size: 34, color: INK, lang: 'ar', tag: 'H1' });
  y += line(other.title, y - 8, { face: 'regular', size: 17, color: INK, lang: second, tag: 'H1' }) - 4;

  y += line(ar.awardedTo, y, { face: 'regular', size: 12, color: MUTED, lang: 'ar' }) - 6;
  y += line(other.awardedTo, y, { face: 'regular', size: 11, color: MUTED, lang: second });

  const { nameArabic, nameLatin } = fields.recipient;
  if (nameArabic?.trim()) y += fittedLine(nameArabic.trim(), y, { face: 'bold', size: 30, color: ACCENT, lang: 'ar' }, CONTENT_WIDTH - 60, 20);
  if (nameLatin?.trim()) y += fittedLine(nameLatin.trim(), y - 2, { face: 'bold', size: 24, color: ACCENT, lang: second }, CONTENT_WIDTH - 60, 16);
  y += 4;

  y += line(ar.hasCompleted, y, { face: 'regular', size: 12, color: MUTED, lang: 'ar' }) - 6;
  y += line(other.hasCompleted, y, { face: 'regular', size: 11, color: MUTED, lang: second });
  y += fittedLine(text(fields.courseTitle, 'ar'), y, { face: 'bold', size: 21, color: INK, lang: 'ar' }, CONTENT_WIDTH - 40, 14);
  y += fittedLine(text(fields.courseTitle, second), y - 2, { face: 'regular', size: 16, color: INK, lang: second }, CONTENT_WIDTH - 40, 11);
  y += 2;

  const place = (locale: CertificateLocale) => (fields.online ? CERTIFICATE_LABELS[locale].online : text(fields.city, locale));
  const details = (locale: CertificateLocale) =>
    [`${CERTIFICATE_LABELS[locale].cohort}: ${text(fields.cohortName, locale)}`, place(locale), formatDayRange(fields.startsOn, fields.endsOn, locale)].filter(Boolean).join(' · ');
  y += fittedLine(details('ar'), y, { face: 'regular', size: 12, color: INK, lang: 'ar' }, CONTENT_WIDTH, 9);
  y += fittedLine(details(second), y - 2, { face: 'regular', size: 11, color: INK, lang: second }, CONTENT_WIDTH, 8);

  // The bottom band: QR code, code and URL on the left; issue date and signatories to its right.
  const bandTop = Math.max(y + 6, 448);
  const qrSize = 76;
  const qrLeft = CONTENT_INSET - 14;
  const qrTop = PAGE.height - FRAME_INSET - 14 - qrSize;
  drawQr(doc, root, fields.verifyUrl, qrLeft, qrTop, qrSize);
  const verifyCentre = qrLeft + qrSize + 10 + 105;
  let vy = qrTop - 4;
  vy += line(`${ar.code} · ${other.code}`, vy, { face: 'regular', size: 9, color: MUTED, lang: 'ar' }, verifyCentre);
  vy += line(groupInFours(fields.code), vy - 3, { face: 'bold', size: 11, color: INK, lang: second }, verifyCentre);
  vy += line(`${ar.verifyAt} · ${other.verifyAt}`, vy, { face: 'regular', size: 9, color: MUTED, lang: 'ar' }, verifyCentre);
  fittedLine(fields.verifyUrl, vy - 3, { face: 'regular', size: 10, color: ACCENT, lang: second }, 220, 6);

  const signRegion = { left: qrLeft + qrSize + 240, right: PAGE.width - CONTENT_INSET };
  line(`${ar.issuedOn} ${formatDay(fields.issuedOn, 'ar')} · ${other.issuedOn} ${formatDay(fields.issuedOn, second)}`, bandTop, { face: 'regular', size: 11, color: INK, lang: 'ar' }, (signRegion.left + signRegion.right) / 2);

  // Arabic reads from the right: the first signatory stands rightmost.
  const signatories = fields.signatories.slice(0, 3);
  const column = (signRegion.right - signRegion.left) / Math.max(signatories.length, 1);
  signatories.forEach((signatory, index) => {
    const centre = signRegion.right - column * (index + 0.5);
    const top = PAGE.height - FRAME_INSET - 72;
    artifact(() => doc.lineWidth(0.5).strokeColor(GOLD).moveTo(centre - column / 2 + 14, top).lineTo(centre + column / 2 - 14, top).stroke());
    let sy = top + 2;
    sy += fittedLine(signatory.name, sy, { face: 'bold', size: 12, color: INK, lang: hasArabic(signatory.name) ? 'ar' : second }, column - 20, 8, centre);
    sy += fittedLine(text(signatory.title, 'ar'), sy - 4, { face: 'regular', size: 10, color: MUTED, lang: 'ar' }, column - 20, 7, centre) - 3;
    fittedLine(text(signatory.title, second), sy - 2, { face: 'regular', size: 9, color: MUTED, lang: second }, column - 20, 7, centre);
  });

  root.end();
  doc.end();
  return done;
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
