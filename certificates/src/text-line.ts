import { hasArabic } from './bidi-runs';
import { placeRuns } from './line-layout';

export interface TextLineOptions {
  /** Left edge of the box the line is placed in, in points. */
  x: number;
  /** Baseline of the line, in points from the top. */
  y: number;
  /** Width of the box; the line shrinks (down to `minSize`) rather than run out of it. */
  width: number;
  /**
   * Where the line sits in its box. `start` and `end` follow the line's own direction: `start` is the right edge
   * for a line with Arabic letters, the left edge otherwise.
   */
  align?: 'left' | 'right' | 'center' | 'start' | 'end';
  /** A font registered on the document (`doc.registerFont`). */
  font: string;
  /** Font size in points. */
  size: number;
  /** Smallest size the line may shrink to when it is too wide (default: `size`); below it the line is cut with "…". */
  minSize?: number;
  color?: string;
  /**
   * In a tagged PDF: the line becomes a structure element of this type (`P`, `H1`, `TD`, …, default `P`) added to
   * `parent`, in language `lang`. Without it the line is only marked content.
   */
  tag?: { parent: PDFKit.PDFStructureElement; type?: string; lang?: string };
}

/**
 * Draws one line of text with pdfkit in correct visual order: the Unicode bidi algorithm orders the words of an
 * Arabic or mixed line (pdfkit alone shapes Arabic but has no bidi), each run is drawn at its measured offset, and a
 * line with Arabic carries its logical text as ActualText so text extraction and copy-paste get it in reading order.
 * A line too wide for its box shrinks down to `minSize`, then loses words at its end (logical order) for an ellipsis.
 * With `tag`, the line is tagged as its own structure element (for tagged PDFs, read by screen readers).
 * Returns the drawn text, width and size.
 *
 * @example
 *   doc.registerFont('regular', amiri().regular as unknown as string);
 *   drawTextLine(doc, 'منتدى النجف (Najaf) 2026', { x: 40, y: 120, width: 515, align: 'start', font: 'regular', size: 12 });
 */
export function drawTextLine(doc: PDFKit.PDFDocument, value: string, options: TextLineOptions): { text: string; width: number; size: number } {
  if (!value) return { text: '', width: 0, size: options.size };
  const measure = (part: string) => doc.font(options.font).fontSize(1).widthOfString(part);
  const natural = measure(value);
  const size = Math.max(options.minSize ?? options.size, Math.min(options.size, natural > 0 ? options.width / natural : options.size));
  const text = natural * size <= options.width ? value : shorten(value, (part) => measure(part) * size <= options.width);
  const { runs, width } = placeRuns(text, measure, size);
  const rtl = hasArabic(text);
  const align = options.align === 'start' ? (rtl ? 'right' : 'left') : options.align === 'end' ? (rtl ? 'left' : 'right') : (options.align ?? 'left');
  const left = align === 'right' ? options.x + options.width - width : align === 'center' ? options.x + (options.width - width) / 2 : options.x;
  doc.font(options.font).fontSize(size);
  if (options.color) doc.fillColor(options.color);
  const actual = rtl ? text : undefined;
  const draw = () => {
    for (const run of runs) {
      if (run.text.trim()) doc.text(run.text, left + run.x, options.y, { lineBreak: false, baseline: 'alphabetic' });
    }
  };
  if (options.tag) {
    const { parent, type = 'P', lang } = options.tag;
    const element = doc.struct(type, { lang });
    parent.add(element);
    const content = doc.markStructureContent('Span', { lang, actual });
    draw();
    doc.endMarkedContent();
    element.add(doc.struct('Span', { lang, actual }, [content]));
    element.end();
  } else {
    if (rtl) doc.markContent('Span', { actual });
    draw();
    if (rtl) doc.endMarkedContent();
  }
  return { text, width, size };
}

/** The longest start of `value` (whole characters, trailing spaces dropped) that fits with an ellipsis after it. */
function shorten(value: string, fits: (part: string) => boolean): string {
  const chars = [...value];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(`${chars.slice(0, mid).join('').trimEnd()}…`)) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
}
