// Pulls the embedded fonts out of a PDF (the font program and its ToUnicode map), so a test can load
// them with fontkit and look at the glyphs a viewer will draw.
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream, type PDFArray, type PDFObject } from 'pdf-lib';

export interface EmbeddedFont {
  baseFont: string;
  /** The TrueType program (FontFile2), decompressed. */
  program: Uint8Array;
  /** Glyph id (= CID, Identity mapping) → the text it stands for. */
  toUnicode: Map<number, string>;
}

export async function embeddedFonts(pdf: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const { context } = doc;
  const deref = (obj: PDFObject | undefined) => (obj instanceof PDFRef ? context.lookup(obj) : obj);
  const streamBytes = (obj: PDFObject | undefined) => {
    const stream = deref(obj);
    if (!(stream instanceof PDFRawStream)) throw new Error('expected a stream');
    return decodePDFRawStream(stream).decode();
  };
  const fonts: EmbeddedFont[] = [];
  for (const [, obj] of context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const descendants = deref(obj.get(PDFName.of('DescendantFonts'))) as PDFArray;
    const cidFont = deref(descendants.get(0)) as PDFDict;
    const descriptor = deref(cidFont.get(PDFName.of('FontDescriptor'))) as PDFDict;
    const cmap = new TextDecoder().decode(streamBytes(obj.get(PDFName.of('ToUnicode'))));
    fonts.push({
      baseFont: (obj.get(PDFName.of('BaseFont')) as PDFName).decodeText(),
      program: streamBytes(descriptor.get(PDFName.of('FontFile2'))),
      toUnicode: parseToUnicode(cmap),
    });
  }
  return fonts;
}

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, cid, hex] of cmap.matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>/g)) {
    const units = hex!.match(/.{4}/g)!.map((h) => parseInt(h, 16));
    map.set(parseInt(cid!, 16), String.fromCharCode(...units));
  }
  return map;
}
