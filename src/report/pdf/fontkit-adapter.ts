// Registers upstream fontkit 2 with pdf-lib. pdf-lib's own fork (@pdf-lib/fontkit 1.1.1) writes broken
// subsets (short-loca offsets, dropped composite components) when a document uses few glyphs; upstream
// subsets correctly but only offers `subset.encode()`, while pdf-lib calls `subset.encodeStream()`.
// Glyphs are chosen by the character map alone (no OpenType shaping): see `withCharacterMapGlyphs`.
import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';
import { pagedFontFileOf, type PagedFontFile } from './paged-font-file.ts';

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];
type PdfLibFont = ReturnType<PdfLibFontkit['create']>;

/**
 * Parsed fonts by their byte array. Parsing is cheap, but glyph outlines, metrics and layout tables are
 * decoded lazily and cached on the font object, so reusing it makes every render after the first fast.
 */
const parsedFonts = new WeakMap<Uint8Array, fontkit.Font>();

export const upstreamFontkit: PdfLibFontkit = {
  create(bytes: Uint8Array): PdfLibFont {
    let font = parsedFonts.get(bytes);
    if (!font) {
      const created = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if ('fonts' in created) throw new Error('Font collections (.ttc) are not supported for reports; use a single .ttf');
      const paged = pagedFontFileOf(bytes);
      font = withCharacterMapGlyphs(withStreamingSubsets(paged ? withOutlinesFromFile(created, paged) : created));
      parsedFonts.set(bytes, font);
    }
    return font as unknown as PdfLibFont;
  },
};

/**
 * pdf-lib picks the glyphs of every string it draws or measures with `font.layout`, fontkit's full
 * OpenType shaping. Japanese text needs none of it (no joining or reordering; kana come precomposed),
 * and what it did apply here was wrong for a report: Latin ligatures (ffi) drawn where every width is
 * measured per character (glyph-widths.ts), so a line's drawn width was not the width it was wrapped
 * to. One glyph per character from the character map draws exactly what was measured, and skips
 * decoding the font's large GSUB/GPOS tables: a warm render takes about a third less time and the
 * parsed fonts hold ~2 MB less. pdf-lib reads only `glyphs` from the result.
 */
function withCharacterMapGlyphs(font: fontkit.Font): fontkit.Font {
  font.layout = ((text: string) => ({ glyphs: font.glyphsForString(text) })) as unknown as fontkit.Font['layout'];
  return font;
}

/** What fontkit's streams (restructure's DecodeStream) hold; the outline stream below is one. */
interface DecodeStream {
  buffer: Uint8Array;
  view: DataView;
  length: number;
  pos: number;
}
interface FontInternals {
  stream: DecodeStream;
  loca: { offsets: ArrayLike<number> };
  _getTableStream(tag: string): DecodeStream | null;
}

/**
 * fontkit reads an outline in three places (decoding a glyph, its bounding box, copying it into a
 * subset), each the same way: it takes the `glyf` table's stream, adds the glyph's offset from `loca`
 * to the position once, then reads on. So the stream handed out here learns which outline is wanted from
 * that first move, and from then on reads that outline's own bytes from position 0: positions are only
 * ever compared relative to the first one. The outline comes from `paged`, read from disk once.
 */
function withOutlinesFromFile(font: fontkit.Font, paged: PagedFontFile): fontkit.Font {
  const internals = font as unknown as FontInternals;
  const getTableStream = internals._getTableStream.bind(internals);
  const DecodeStream = internals.stream.constructor as new (buffer: Uint8Array) => DecodeStream;
  internals._getTableStream = (tag) => {
    if (tag !== 'glyf') return getTableStream(tag);
    const stream = new DecodeStream(new Uint8Array(0));
    Object.defineProperty(stream, 'pos', {
      configurable: true,
      get: () => 0,
      set: (start: number) => {
        const outline = paged.outlineAt(start, internals.loca.offsets);
        Object.assign(stream, { buffer: outline, view: new DataView(outline.buffer, outline.byteOffset, outline.byteLength), length: outline.length });
        Object.defineProperty(stream, 'pos', { value: 0, writable: true, configurable: true, enumerable: true });
      },
    });
    return stream;
  };
  return font;
}

function withStreamingSubsets(font: fontkit.Font): fontkit.Font {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    return Object.assign(subset, {
      // pdf-lib listens for 'data' / 'end' / 'error'; one chunk holding the whole subset is enough.
      encodeStream: () => Readable.from([subset.encode()], { objectMode: true }),
    });
  };
  return font;
}
