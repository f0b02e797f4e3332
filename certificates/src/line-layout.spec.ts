import { visualRuns } from './bidi-runs';
import { fitText, placeRuns } from './line-layout';

/** Every code point is 0.5 em wide: enough to test sizes without a font. */
const measure = (text: string) => [...text].length * 0.5;

/** The runs as drawn from left to right, Arabic ones marked with «». */
const drawn = (line: string) => visualRuns(line).map((run) => (run.arabic ? `«${run.text}»` : run.text));

describe('bidi runs: the order in which a line is drawn from left to right', () => {
  it('puts the words of a pure Arabic line right to left, each word in logical order for the shaper', () => {
    expect(drawn('عبد الله بن محمد')).toEqual(['«محمد»', ' ', '«بن»', ' ', '«الله»', ' ', '«عبد»']);
  });

  it('keeps harakat, shadda and the superscript alef with their letters', () => {
    expect(drawn('عَبْدُ اللّٰهِ')).toEqual(['«اللّٰهِ»', ' ', '«عَبْدُ»']);
  });

  it('places Latin, digits and brackets of a mixed line where a reader of Arabic expects them', () => {
    // Read from the right: سارة, then (Sara), then الحسيني, then 2026 at the far left.
    expect(drawn('سارة (Sara) الحسيني 2026')).toEqual(['2026 ', '«الحسيني»', ' (Sara) ', '«سارة»']);
  });

  it('mirrors a bracket that closes an Arabic parenthesis', () => {
    // «(الأردن)» inside an Arabic line: the opening bracket stands on the right, drawn as ")" on the left side.
    expect(drawn('عمّان (الأردن)')).toEqual(['(', '«الأردن»', ') ', '«عمّان»']);
  });

  it('leaves a Latin line as one run, accents and ligatures included', () => {
    expect(drawn('Hélène Lefèvre-Œuvray')).toEqual(['Hélène Lefèvre-Œuvray']);
  });

  it('keeps an Arabic date in reading order with its Latin digits', () => {
    expect(drawn('1 مارس – 30 أبريل 2026')).toEqual(['2026 ', '«أبريل»', ' 30 – ', '«مارس»', ' 1']);
  });

  it('keeps a character outside the BMP (two UTF-16 units) whole inside an Arabic line', () => {
    expect(drawn('سارة (🌿) علي')).toEqual(['«علي»', ' (🌿) ', '«سارة»']);
  });

  it('drops direction marks, which the font would draw as empty boxes', () => {
    expect(drawn('\u200fحلقة\u200f')).toEqual(['«حلقة»']);
  });

  it('knows where each run starts in the typed line, so the runs can be tagged in reading order', () => {
    const line = 'سارة (Sara) الحسيني 2026';
    const runs = visualRuns(line).sort((a, b) => a.logicalStart - b.logicalStart);
    expect(runs.map((run) => line.slice(run.logicalStart).trimStart().startsWith(run.text.trim()))).toEqual([true, true, true, true]);
    expect(runs.map((run) => run.text.trim())).toEqual(['سارة', '(Sara)', 'الحسيني', '2026']);
  });

  it('places the runs at increasing offsets that add up to the line width', () => {
    const { runs, width } = placeRuns('سارة (Sara) 2026', measure, 10);
    expect(runs.map(({ text, x }) => [text, x])).toEqual([
      ['2026 (Sara) ', 0],
      ['سارة', 60],
    ]);
    expect(width).toBe(80);
  });
});

describe('fitting a line to its width', () => {
  it('keeps the largest size when the text fits', () => {
    expect(fitText('Sara Al-Husseini', measure, 600, { maxSize: 30, minSize: 18 })).toEqual({ size: 30, lines: ['Sara Al-Husseini'] });
  });

  it('shrinks a long name until it fits, never above the width', () => {
    const name = 'عبد الرحمن بن محمد بن عبد الله الهاشمي';
    const fitted = fitText(name, measure, 500, { maxSize: 30, minSize: 18 });
    expect(fitted.lines).toEqual([name]);
    expect(fitted.size).toBeLessThan(30);
    expect(fitted.size).toBeGreaterThanOrEqual(18);
    expect(measure(name) * fitted.size).toBeLessThanOrEqual(500);
  });

  it('wraps a name too long for the minimum size onto two balanced lines that both fit', () => {
    const name = 'Maximilienne-Éléonore de La Rochefoucauld-Montmorency d’Aubigné-Villeneuve des Champs';
    const fitted = fitText(name, measure, 600, { maxSize: 26, minSize: 18 });
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines.join(' ')).toBe(name);
    for (const line of fitted.lines) expect(measure(line) * fitted.size).toBeLessThanOrEqual(600);
    expect(Math.abs(measure(fitted.lines[0]) - measure(fitted.lines[1]))).toBeLessThan(measure('Rochefoucauld-Montmorency'));
  });

  it('shrinks a single unbreakable word below the minimum rather than let it overflow', () => {
    const fitted = fitText('x'.repeat(400), measure, 600, { maxSize: 26, minSize: 18 });
    expect(fitted.lines).toHaveLength(1);
    expect(measure(fitted.lines[0]) * fitted.size).toBeLessThanOrEqual(600);
  });
});
