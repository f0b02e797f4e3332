import { visualRuns, type VisualRun } from './bidi-runs';

/** Width of a text at font size 1 (widths scale linearly with the size). */
export type MeasureAt1 = (text: string) => number;

export interface FittedText {
  /** Font size in points. */
  size: number;
  /** One line, or two when even the minimum size would not fit on one. Logical order. */
  lines: string[];
}

/**
 * The size at which `text` fits `maxWidth`: `maxSize` when it fits, smaller down to `minSize`; below that, two
 * lines split at the space that balances them, at the largest size (up to `maxSize`) where both fit. A single
 * unbreakable word keeps shrinking below `minSize` rather than run off the page.
 *
 * @example
 *   fitText('عبد الله بن محمد', measure, 600, { maxSize: 30, minSize: 18 }) // { size: 30, lines: ['عبد الله بن محمد'] }
 */
export function fitText(text: string, measure: MeasureAt1, maxWidth: number, { maxSize, minSize }: { maxSize: number; minSize: number }): FittedText {
  const width = measure(text);
  const size = width > 0 ? Math.min(maxSize, maxWidth / width) : maxSize;
  if (size >= minSize) return { size: round(size), lines: [text] };
  const split = balancedSplit(text, measure);
  if (!split) return { size: round(size), lines: [text] };
  const widest = Math.max(measure(split[0]), measure(split[1]));
  return { size: round(Math.min(maxSize, maxWidth / widest)), lines: split };
}

/** Two halves at the space whose wider half is narrowest; null when there is no space. */
function balancedSplit(text: string, measure: MeasureAt1): [string, string] | null {
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
    const halves: [string, string] = [text.slice(0, i).trim(), text.slice(i + 1).trim()];
    if (!halves[0] || !halves[1]) continue;
    const widest = Math.max(measure(halves[0]), measure(halves[1]));
    if (widest < bestWidth) {
      bestWidth = widest;
      best = halves;
    }
  }
  return best;
}

/** Down to a tenth of a point, never up (a rounded-up size could overflow by a hair). */
function round(size: number): number {
  return Math.floor(size * 10) / 10;
}

export interface PlacedRun extends VisualRun {
  /** Offset from the line's left edge, in points. */
  x: number;
  width: number;
}

/** A line's runs with their left offsets (at font size 1 × `size`), and the line's total width. */
export function placeRuns(line: string, measure: MeasureAt1, size: number): { runs: PlacedRun[]; width: number } {
  let x = 0;
  const runs = visualRuns(line).map((run) => {
    const width = measure(run.text) * size;
    const placed = { ...run, x, width };
    x += width;
    return placed;
  });
  return { runs, width: x };
}
