// Top-to-bottom placement of blocks over as many pages as needed. Callers ask for room before drawing,
// so nothing is ever cut at a page edge; page furniture (footers) is drawn afterwards in the margins.
import type { PDFDocument, PDFPage } from 'pdf-lib';

export interface PageGeometry {
  /** [width, height] in pt. */
  size: readonly [number, number];
  margin: { top: number; right: number; bottom: number; left: number };
}

export class PageFlow {
  page!: PDFPage;
  /** The top of the free space on the current page, in PDF coordinates (y grows upwards). */
  y = 0;

  readonly doc: PDFDocument;
  readonly geometry: PageGeometry;
  constructor(
    doc: PDFDocument,
    geometry: PageGeometry,
  ) {
    this.doc = doc;
    this.geometry = geometry;
  }

  get left(): number {
    return this.geometry.margin.left;
  }
  get width(): number {
    return this.geometry.size[0] - this.geometry.margin.left - this.geometry.margin.right;
  }
  get bottom(): number {
    return this.geometry.margin.bottom;
  }
  /** Height available on an empty page. */
  get bodyHeight(): number {
    return this.geometry.size[1] - this.geometry.margin.top - this.geometry.margin.bottom;
  }
  get remaining(): number {
    return this.y - this.bottom;
  }
  get atPageTop(): boolean {
    return this.y >= this.geometry.size[1] - this.geometry.margin.top - 0.01;
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage([this.geometry.size[0], this.geometry.size[1]]);
    this.y = this.geometry.size[1] - this.geometry.margin.top;
    return this.page;
  }

  /** Starts a new page unless `height` fits below the cursor; true when it did. */
  ensure(height: number): boolean {
    if (this.page && height <= this.remaining + 0.01) return false;
    this.newPage();
    return true;
  }

  moveDown(height: number): void {
    this.y -= height;
  }
}
