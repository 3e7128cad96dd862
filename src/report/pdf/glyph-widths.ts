// Text widths summed from per-character advances, cached per font for the whole process. Measuring a
// string through pdf-lib maps every character to its glyph again each time; wrapping measures thousands
// of fragments. Per-character widths are also what gets drawn: one glyph per character (fontkit-adapter.ts).
const cachesByFont = new Map<string, Map<string, number>>();

export interface GlyphWidths {
  /** Width of `text` in 1/1000 em. */
  of(text: string): number;
}

/** `measureChar` gives one character's advance in 1/1000 em; it is called once per character and font. */
export function glyphWidths(fontKey: string, measureChar: (char: string) => number): GlyphWidths {
  let cache = cachesByFont.get(fontKey);
  if (!cache) cachesByFont.set(fontKey, (cache = new Map()));
  const known = cache;
  return {
    of(text) {
      let total = 0;
      for (const char of text) {
        let width = known.get(char);
        if (width === undefined) known.set(char, (width = measureChar(char)));
        total += width;
      }
      return total;
    },
  };
}
