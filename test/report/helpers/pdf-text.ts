// Reads a PDF back the way a viewer does (pdfjs-dist), so tests check what a reader would see and copy.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextPiece {
  str: string;
  /** Left edge and baseline in PDF points (origin bottom left). */
  x: number;
  y: number;
  /** Font size in points. */
  size: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  pieces: TextPiece[];
}

export async function readPdfText(pdf: Uint8Array): Promise<PdfPage[]> {
  // pdfjs takes ownership of (detaches) the buffer it is given; keep the caller's bytes intact.
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        pieces.push({ str: item.str, x: e!, y: f!, size: Math.hypot(a!, b!) });
      }
      pages.push({ number: n, width, height, pieces });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Compare texts ignoring whitespace: wrapping drops the space a line broke at. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
