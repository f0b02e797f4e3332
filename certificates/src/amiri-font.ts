import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create, type Font, type Glyph, type GlyphRun } from 'fontkit';

/**
 * Amiri (SIL Open Font License) as TTF: one face for Arabic, Latin and French accents. WOFF2 crashed pdfkit, so the
 * TTF from the npm package is read directly.
 */
function fontPath(style: '400Regular' | '700Bold'): string {
  return join(dirname(require.resolve('@expo-google-fonts/amiri/package.json')), style, `Amiri_${style}.ttf`);
}

/** Shaped words kept across documents; Amiri's Arabic shaping is most of a certificate's cost. */
const LAYOUT_CACHE_SIZE = 20_000;

/**
 * The font parsed once per process (re-parsing it per document cost ~95 ms), behind a proxy whose `layout` shares
 * shaped runs between documents. pdfkit takes any object with fontkit's interface and scales the positions it gets
 * in place (by 1000 / unitsPerEm); glyphs are only read.
 */
function withSharedLayoutCache(font: Font): Font {
  const cache = new Map<string, GlyphRun>();
  const layout = (text: string, features?: unknown): GlyphRun => {
    if (features) return font.layout(text, features as string[]);
    let run = cache.get(text);
    if (!run) {
      run = font.layout(text);
      // Bounded: past the limit the oldest entry goes (a Map iterates in insertion order).
      if (cache.size >= LAYOUT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(text, run);
    }
    // At 1000 units per em (Amiri) pdfkit's scaling multiplies by 1 and sets advanceWidth to the same value each
    // time, so the shared run can be handed out as it is; any other font gets its own copy of the positions.
    if (font.unitsPerEm === 1000) return run;
    const copy = Object.create(Object.getPrototypeOf(run) as object) as GlyphRun;
    Object.assign(copy, run);
    copy.positions = run.positions.map((position) => ({ ...position }));
    return copy;
  };
  const getGlyph = (id: number, codePoints?: number[]): Glyph => memoizeOutline(font.getGlyph(id, codePoints));
  return new Proxy(font, {
    get: (target, key, receiver): unknown => {
      if (key === 'layout') return layout;
      if (key === 'getGlyph') return getGlyph;
      return Reflect.get(target, key, receiver);
    },
  });
}

/**
 * fontkit keeps one glyph object per id, but decodes its outline again every time a subset copies it (each PDF
 * embeds its own subset): that was a fifth of a certificate's time. The outline of a glyph never changes, so the
 * first decode is kept on the shared glyph object. (`_decode` is fontkit 2's TrueType glyph decoder; when it is
 * absent nothing changes.)
 */
function memoizeOutline(glyph: Glyph): Glyph {
  const decodable = glyph as Glyph & { _decode?: () => unknown; outlineMemoized?: boolean };
  const decode = decodable._decode;
  if (typeof decode !== 'function' || decodable.outlineMemoized) return glyph;
  let outline: unknown;
  let decoded = false;
  decodable._decode = () => {
    if (!decoded) {
      outline = decode.call(glyph);
      decoded = true;
    }
    return outline;
  };
  decodable.outlineMemoized = true;
  return glyph;
}

let fonts: { regular: Font; bold: Font } | undefined;

/** Amiri regular and bold, parsed on first use and then shared by every certificate of the process. */
export function amiri(): { regular: Font; bold: Font } {
  fonts ??= {
    regular: withSharedLayoutCache(create(readFileSync(fontPath('400Regular'))) as Font),
    bold: withSharedLayoutCache(create(readFileSync(fontPath('700Bold'))) as Font),
  };
  return fonts;
}

