import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { amiri } from './amiri-font';
import { drawTextLine } from './text-line';

/** pdftotext reverses right-to-left stretches inside RLE…PDF; undo that to read the logical text (see certificate-pdf.spec.ts). */
function logicalText(popplerText: string): string {
  return popplerText.replace(/\u202B([^\u202C]*)\u202C/g, (_, rtl: string) => [...rtl].reverse().join('')).replace(/[\u202A-\u202E]/g, '');
}

async function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<string> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, font: null as unknown as string });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  doc.registerFont('regular', amiri().regular as unknown as string);
  draw(doc);
  doc.end();
  const dir = mkdtempSync(join(tmpdir(), 'text-line-'));
  try {
    writeFileSync(join(dir, 'line.pdf'), await done);
    return logicalText(execFileSync('pdftotext', ['-raw', join(dir, 'line.pdf'), '-'], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('drawTextLine', () => {
  it('draws an Arabic line with Latin and digits in it so that the text reads in order', async () => {
    const line = 'منتدى النجف للشباب (Najaf) 2026';
    const text = await render((doc) => drawTextLine(doc, line, { x: 40, y: 100, width: 500, align: 'start', font: 'regular', size: 14 }));
    expect(text).toContain(line);
  });

  it('puts an Arabic line at the right edge for start alignment and a Latin one at the left', async () => {
    let arabic = { width: 0 };
    let latin = { width: 0 };
    const positions: number[] = [];
    await render((doc) => {
      const original = doc.text.bind(doc);
      doc.text = ((value: string, x?: number, ...rest: unknown[]) => {
        positions.push(x ?? 0);
        return (original as (...args: unknown[]) => PDFKit.PDFDocument)(value, x, ...rest);
      }) as typeof doc.text;
      arabic = drawTextLine(doc, 'الحضور', { x: 40, y: 100, width: 500, align: 'start', font: 'regular', size: 14 });
      latin = drawTextLine(doc, 'Attendance', { x: 40, y: 130, width: 500, align: 'start', font: 'regular', size: 14 });
    });
    expect(positions[0]).toBeCloseTo(540 - arabic.width, 3);
    expect(positions[1]).toBe(40);
    expect(latin.width).toBeGreaterThan(0);
  });

  it('shrinks a long line to its minimum size, then cuts it with an ellipsis rather than run out of its box', async () => {
    const long = 'Participatory facilitation for community organizers, Najaf and Karbala, spring cohort';
    let drawn = { text: '', width: 0, size: 0 };
    const text = await render((doc) => {
      drawn = drawTextLine(doc, long, { x: 40, y: 100, width: 120, font: 'regular', size: 12, minSize: 9 });
    });
    expect(drawn.size).toBe(9);
    expect(drawn.width).toBeLessThanOrEqual(120);
    expect(drawn.text.endsWith('…')).toBe(true);
    expect(long.startsWith(drawn.text.slice(0, -1))).toBe(true);
    expect(text).toContain(drawn.text.slice(0, -1));
  });
});
