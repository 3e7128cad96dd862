// The PDF must look the same on any machine: Noto Sans JP travels inside it as a subset (only the glyphs
// used), and every one of those glyphs must really be there. @pdf-lib/fontkit 1.1.1 used to write broken
// subsets when a document used few glyphs, so both a tiny and a full document are checked.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderChecklistPdf } from '../../src/report/checklist-pdf.ts';
import { createReportDocument, reportFontFile, type FontWeight } from '../../src/report/font.ts';
import { mixedChecklistReport } from './fixtures/mixed-answers.ts';
import { embeddedFonts, type EmbeddedFont } from './helpers/embedded-fonts.ts';

async function shortPdf(): Promise<Uint8Array> {
  const { doc, fonts } = await createReportDocument();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('実施済 ■', { x: 40, y: 800, size: 12, font: fonts.regular.pdfFont });
  // Latin that OpenType shaping would have drawn with ligatures (ffi) and alternate digits.
  page.drawText('Office affix TLS1.3', { x: 40, y: 760, size: 12, font: fonts.regular.pdfFont });
  page.drawText('該当なし', { x: 40, y: 780, size: 12, font: fonts.bold.pdfFont });
  return doc.save();
}

async function longPdf(): Promise<Uint8Array> {
  return renderChecklistPdf(mixedChecklistReport('asm-font-check'));
}

// The whole file as it lies on disk: what the subsets' glyphs must be copies of (the app itself reads
// outlines only as glyphs are used).
const fileBytes = (weight: FontWeight) => readFileSync(reportFontFile(weight));
const original = (weight: FontWeight) => fontkit.create(fileBytes(weight)) as fontkit.Font;

const weightOf = (font: EmbeddedFont): FontWeight => (font.baseFont.endsWith('-Bold') ? 'bold' : 'regular');

const originals = { regular: original('regular'), bold: original('bold') };

describe.each([
  ['a short PDF with a handful of glyphs', shortPdf],
  ['the full 90-item report', longPdf],
])('%s', (_name, make) => {
  let fonts: EmbeddedFont[];
  beforeAll(async () => {
    fonts = await embeddedFonts(await make());
  });

  test('embeds Noto Sans JP regular and bold, each marked as a subset (XXXXXX+ name)', () => {
    const names = fonts.map((f) => f.baseFont);
    expect(names.map((n) => n.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansJP-Bold', 'NotoSansJP-Regular']);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+/);
  });

  test('carries only the glyphs it uses, not the 17,000 of the whole font', () => {
    for (const font of fonts) {
      const subset = fontkit.create(Buffer.from(font.program)) as fontkit.Font;
      expect(subset.numGlyphs).toBeLessThan(1500);
      expect(font.program.byteLength).toBeLessThan(fileBytes(weightOf(font)).byteLength / 10);
    }
  });

  test('draws one glyph per character, the very glyph each character was measured with', () => {
    for (const font of fonts) {
      const source = originals[weightOf(font)];
      const subset = fontkit.create(Buffer.from(font.program)) as fontkit.Font;
      for (const [glyphId, text] of font.toUnicode) {
        expect([...text], `${font.baseFont} glyph ${glyphId} stands for ${JSON.stringify(text)}`).toHaveLength(1);
        expect(subset.getGlyph(glyphId).path.toSVG(), `${font.baseFont} ${text}`).toBe(source.glyphForCodePoint(text.codePointAt(0)!).path.toSVG());
      }
    }
  });

  test('has a real outline, identical to the original font’s, for every glyph its text uses', () => {
    for (const font of fonts) {
      const subset = fontkit.create(Buffer.from(font.program)) as fontkit.Font;
      const source = originals[weightOf(font)];
      expect(font.toUnicode.size).toBeGreaterThan(0);
      for (const [glyphId, text] of font.toUnicode) {
        if (/^\s+$/.test(text)) continue;
        const glyph = subset.getGlyph(glyphId);
        expect(glyph.path.commands.length, `${font.baseFont} ${text}`).toBeGreaterThan(0);
        const original = source.glyphForCodePoint(text.codePointAt(0)!);
        expect(glyph.path.toSVG(), `${font.baseFont} ${text}`).toBe(original.path.toSVG());
        expect(glyph.advanceWidth, `${font.baseFont} ${text}`).toBe(original.advanceWidth);
      }
    }
  });
});
