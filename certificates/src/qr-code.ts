import { create } from 'qrcode';

/** Dark modules of a QR code as rectangles in module units, one per horizontal stretch (fewer path operators). */
export function qrRectangles(text: string): { size: number; rects: Array<[x: number, y: number, width: number]> } {
  // One byte-mode segment: a URL gains nothing from qrcode's search for the cheapest mix of modes, which costs
  // half of its time. The mask is still chosen by the standard's penalty rules (it keeps the code easy to scan).
  const { modules } = create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const rects: Array<[number, number, number]> = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        rects.push([start, row, col - start]);
        start = -1;
      }
    }
  }
  return { size: modules.size, rects };
}
