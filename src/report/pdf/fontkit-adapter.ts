// Registers upstream fontkit 2 with pdf-lib. pdf-lib's own fork (@pdf-lib/fontkit 1.1.1) writes broken
// subsets (short-loca offsets, dropped composite components) when a document uses few glyphs; upstream
// subsets correctly but only offers `subset.encode()`, while pdf-lib calls `subset.encodeStream()`.
import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

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
      font = withStreamingSubsets(created);
      parsedFonts.set(bytes, font);
    }
    return font as unknown as PdfLibFont;
  },
};

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
