import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/**
 * A piece of one line, in the order it is drawn from left to right. `text` is what the font is given: Arabic runs
 * are back in logical order because fontkit reverses right-to-left script while shaping; every other run is in
 * display order already (Latin, digits, brackets mirrored by the bidi algorithm). `logicalStart` is where the run
 * starts in the line as typed, to tag the runs in reading order.
 */
export interface VisualRun {
  text: string;
  arabic: boolean;
  logicalStart: number;
}

/**
 * Arabic letters, their marks (harakat, shadda, superscript alef), tatweel, Arabic punctuation and the presentation
 * forms, plus the joiners — but not the Arabic-Indic digits, which are written left to right like Latin ones.
 */
const ARABIC = /[\u0600-\u065F\u066A-\u06EF\u06FA-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]/;
/** Direction marks steer the bidi algorithm and must not reach the font (they would draw as empty boxes). */
const BIDI_MARK = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

/** True when the text has an Arabic letter (the line then reads right to left). */
export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/**
 * Splits one line into runs to draw from left to right. The Unicode bidi algorithm (bidi-js) resolves the display
 * order and mirrors brackets; Arabic runs are then reversed back to logical order for fontkit's shaper. The base
 * direction is right to left when the line has any Arabic letter, unless given.
 *
 * @example
 *   visualRuns('سارة (Sara) 2026')
 *   // [{text: '2026', arabic: false}, {text: ' ', …}, {text: '(Sara)', …}, {text: ' ', …}, {text: 'سارة', arabic: true}]
 */
export function visualRuns(line: string, direction: 'rtl' | 'ltr' = hasArabic(line) ? 'rtl' : 'ltr'): VisualRun[] {
  if (direction === 'ltr' && !hasArabic(line)) {
    const text = line.replace(new RegExp(BIDI_MARK.source, 'g'), '');
    return text ? [{ text, arabic: false, logicalStart: 0 }] : [];
  }
  const levels = bidi.getEmbeddingLevels(line, direction);
  const runs: VisualRun[] = [];
  let display = '';
  let indices: number[] = [];
  let arabic = false;
  const flush = () => {
    if (!indices.length) return;
    runs.push({ text: arabic ? [...display].reverse().join('') : display, arabic, logicalStart: Math.min(...indices) });
    display = '';
    indices = [];
  };
  for (const index of bidi.getReorderedIndices(line, levels)) {
    const char = line[index];
    if (BIDI_MARK.test(char)) continue;
    const isArabic = ARABIC.test(char);
    if (isArabic !== arabic) flush();
    arabic = isArabic;
    // Characters at a right-to-left level show their mirror image: "(" closing an Arabic parenthesis is drawn ")".
    display += (levels.levels[index] & 1 ? bidi.getMirroredCharacter(char) : null) ?? char;
    indices.push(index);
  }
  flush();
  return runs;
}
