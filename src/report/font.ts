// The report typeface: Noto Sans JP (static-weight TrueType), opened from node_modules once per process
// (outlines read as glyphs are first used) and embedded as a subset into every PDF, so a report looks the
// same on any machine that opens it.
import { createHash, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { ReportFontError } from './errors.ts';
import { upstreamFontkit } from './pdf/fontkit-adapter.ts';
import { openPagedFontFile } from './pdf/paged-font-file.ts';
import { glyphWidths } from './pdf/glyph-widths.ts';

export type FontWeight = 'regular' | 'bold';

const FONT_FILES: Record<FontWeight, { file: string; postscriptName: string }> = {
  regular: { file: '400Regular/NotoSansJP_400Regular.ttf', postscriptName: 'NotoSansJP-Regular' },
  bold: { file: '700Bold/NotoSansJP_700Bold.ttf', postscriptName: 'NotoSansJP-Bold' },
};

const fontPackageDir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-jp/package.json'));

export function reportFontFile(weight: FontWeight): string {
  return join(fontPackageDir, FONT_FILES[weight].file);
}

const fontBytes = new Map<FontWeight, Uint8Array>();

/**
 * The TTF's bytes, with glyph outlines read from disk as glyphs are used (pdf/paged-font-file.ts). The
 * same array every call, which also lets the fontkit adapter reuse the parsed font.
 */
export function reportFontBytes(weight: FontWeight): Uint8Array {
  let bytes = fontBytes.get(weight);
  if (!bytes) {
    const file = reportFontFile(weight);
    try {
      bytes = openPagedFontFile(file).bytes;
    } catch (err) {
      throw new ReportFontError(file, err);
    }
    fontBytes.set(weight, bytes);
  }
  return bytes;
}

/**
 * Reads and parses both weights ahead of the first report (e.g. at server start), so the first clinic to
 * submit does not wait for it.
 */
export function preloadReportFonts(): void {
  for (const weight of Object.keys(FONT_FILES) as FontWeight[]) {
    const font = upstreamFontkit.create(reportFontBytes(weight));
    // The first lookup decodes the character map (~17,000 characters).
    font.layout('実施済 2026年', undefined);
  }
}

/** An embedded font plus width measurement that does not re-run glyph layout for every string. */
export interface ReportFont {
  readonly weight: FontWeight;
  readonly pdfFont: PDFFont;
  widthOf(text: string, size: number): number;
}

export interface ReportFonts {
  regular: ReportFont;
  bold: ReportFont;
}

export interface ReportDocument {
  doc: PDFDocument;
  fonts: ReportFonts;
}

export interface ReportDocumentOptions {
  title?: string;
  author?: string;
  subject?: string;
  locale?: 'ja' | 'en';
  /** Fixes the subset tags and dates so the same input gives the same bytes (tests, caching). */
  deterministicSeed?: string;
  createdAt?: Date;
}

/** A new PDF with fontkit registered and both weights embedded as subsets (only used glyphs are written). */
export async function createReportDocument(options: ReportDocumentOptions = {}): Promise<ReportDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  compressWithNodeZlib(doc);
  doc.registerFontkit(upstreamFontkit);
  const seed = options.deterministicSeed ?? randomUUID();
  const embed = async (weight: FontWeight): Promise<ReportFont> => {
    const pdfFont = await doc.embedFont(reportFontBytes(weight), {
      subset: true,
      // The PDF convention for subsets: a six-letter tag and "+" before the name (viewers show "subset").
      customName: `${subsetTag(seed, weight)}+${FONT_FILES[weight].postscriptName}`,
    });
    const widths = glyphWidths(weight, (char) => pdfFont.widthOfTextAtSize(char, 1000));
    return { weight, pdfFont, widthOf: (text, size) => (widths.of(text) * size) / 1000 };
  };
  const fonts = { regular: await embed('regular'), bold: await embed('bold') };

  const createdAt = options.createdAt ?? new Date();
  if (options.title) doc.setTitle(options.title, { showInWindowTitleBar: true });
  if (options.author) doc.setAuthor(options.author);
  if (options.subject) doc.setSubject(options.subject);
  doc.setLanguage(options.locale === 'en' ? 'en' : 'ja-JP');
  doc.setCreator('kakunin');
  doc.setProducer('kakunin (pdf-lib, fontkit)');
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);
  return { doc, fonts };
}

/**
 * pdf-lib compresses embedded streams (the font subsets, ~300 KB raw) with pako, pure JS; Node's zlib
 * gives the same FlateDecode bytes several times faster, which is most of a warm render's save time.
 */
function compressWithNodeZlib(doc: PDFDocument): void {
  const { context } = doc;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), {
      ...dict,
      Filter: 'FlateDecode',
    });
}

function subsetTag(seed: string, weight: FontWeight): string {
  const digest = createHash('sha256').update(`${seed}:${weight}`).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}
