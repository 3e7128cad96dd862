// The report font is opened without its glyph outlines; each is read from disk the first time a glyph is
// decoded. What that must not change: the subsets embedded in PDFs. What it must give: a report reads a
// small part of the outline table and keeps it out of the font-sized array, and a running app keeps
// drawing from the file it opened even when an upgrade replaces that file.
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterEach, describe, expect, test } from 'vitest';
import { renderChecklistPdf } from '../../src/report/checklist-pdf.ts';
import { ReportFontError } from '../../src/report/errors.ts';
import { reportFontBytes, reportFontFile } from '../../src/report/font.ts';
import { upstreamFontkit } from '../../src/report/pdf/fontkit-adapter.ts';
import { FontFileFormatError, openPagedFontFile, pagedFontFileOf } from '../../src/report/pdf/paged-font-file.ts';
import { mixedChecklistReport } from './fixtures/mixed-answers.ts';

const TEXT = '医療情報システムの安全管理 実施済 実施予定 2027年3月31日 該当なし ■□ Office TLS1.3 髙﨑';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the regular weight in a temp dir, so a test may replace or cut it. */
function fontCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-font-'));
  dirs.push(dir);
  const file = join(dir, 'NotoSansJP-Regular.ttf');
  copyFileSync(reportFontFile('regular'), file);
  return file;
}

type FontWithTables = fontkit.Font & { directory: { tables: { glyf: { offset: number; length: number } } } };
/** Where the glyph outline table lies in `file`, read from its table directory. */
const glyfTable = (file: string) => (fontkit.create(readFileSync(file)) as FontWithTables).directory.tables.glyf;

/** The font as it lies on disk, read whole. */
const wholeRegular = () => fontkit.create(readFileSync(reportFontFile('regular'))) as fontkit.Font;

/** Each character's outline in `font` is the one in `reference`. */
function expectSameOutlines(font: fontkit.Font, reference: fontkit.Font, text: string): void {
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    expect(font.glyphForCodePoint(codePoint).path.toSVG(), char).toBe(reference.glyphForCodePoint(codePoint).path.toSVG());
  }
}

/** What the PDF carries for `text`: the subset font program holding its glyphs. */
function subsetOf(font: fontkit.Font, text: string): Buffer {
  const subset = font.createSubset();
  for (const glyph of font.glyphsForString(text)) subset.includeGlyph(glyph);
  return Buffer.from(subset.encode());
}

describe('a font opened with its outlines on demand', () => {
  test('writes the same subset, byte for byte, as the whole file read into memory', () => {
    const paged = upstreamFontkit.create(openPagedFontFile(fontCopy()).bytes) as unknown as fontkit.Font;
    const whole = wholeRegular();
    expect(subsetOf(paged, TEXT).equals(subsetOf(whole, TEXT))).toBe(true);
    expectSameOutlines(paged, whole, TEXT);
  });

  test('a 90-item report reads under a tenth of either weight’s outline table', async () => {
    await renderChecklistPdf(mixedChecklistReport('asm-paged'));
    for (const weight of ['regular', 'bold'] as const) {
      const paged = pagedFontFileOf(reportFontBytes(weight))!;
      expect(paged.glyphBytesRead, weight).toBeGreaterThan(0);
      expect(paged.glyphBytesRead, weight).toBeLessThan(glyfTable(reportFontFile(weight)).length / 10);
    }
  });

  test('leaves the outline region of the font’s array untouched, so it never becomes resident', async () => {
    await renderChecklistPdf(mixedChecklistReport('asm-untouched'));
    for (const weight of ['regular', 'bold'] as const) {
      const glyf = glyfTable(reportFontFile(weight));
      const outlineRegion = reportFontBytes(weight).subarray(glyf.offset, glyf.offset + glyf.length);
      expect(outlineRegion.some((byte) => byte !== 0), weight).toBe(false);
    }
  });

  test('keeps drawing from the file it opened after an upgrade replaces that file', () => {
    const file = fontCopy();
    const font = upstreamFontkit.create(openPagedFontFile(file).bytes) as unknown as fontkit.Font;
    font.glyphsForString('実施');
    // npm writes the new version beside the old and renames it into place.
    writeFileSync(`${file}.new`, Buffer.alloc(readFileSync(file).byteLength, 0x55));
    renameSync(`${file}.new`, file);
    expectSameOutlines(font, wholeRegular(), '済予定確認');
  });

  test('a file cut short under it gives a ReportFontError naming the file, not a blank glyph', () => {
    const file = fontCopy();
    const font = upstreamFontkit.create(openPagedFontFile(file).bytes) as unknown as fontkit.Font;
    truncateSync(file, 400_000);
    let thrown: unknown;
    try {
      void font.glyphForCodePoint('鬱'.codePointAt(0)!).path;
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ReportFontError);
    expect((thrown as ReportFontError).file).toBe(file);
    expect((thrown as Error).message).toMatch(/ends at byte \d+.*npm ci/);
  });

  test('a file that is not TrueType is refused when opened', () => {
    const file = fontCopy();
    writeFileSync(file, 'wOF2 not a ttf, and short');
    expect(() => openPagedFontFile(file)).toThrow(FontFileFormatError);
    expect(() => openPagedFontFile(file)).toThrow(/not a TrueType font/);
  });
});
