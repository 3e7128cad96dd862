// An unsubmitted assessment's report is marked 下書き（未提出） on every page, so a print-out of work in
// progress is never mistaken for the filed form.
import { rgb, type PDFDocument } from 'pdf-lib';
import type { Localized } from '../../flow/schema.ts';
import { localize, type ReportLocale } from '../localize.ts';
import type { PageFooterStyle } from './page-numbers.ts';

export const DRAFT_MARK: Localized = { ja: '下書き（未提出）', en: 'DRAFT (not submitted)' };

const RED = rgb(0.75, 0.1, 0.1);

/** Boxed, in red, at the top right of every page (inside the top margin, clear of the content). */
export function drawDraftMarks(doc: PDFDocument, locale: ReportLocale | undefined, style: PageFooterStyle): void {
  const text = localize(DRAFT_MARK, locale ?? 'ja');
  const size = style.size * 1.4;
  const width = style.font.widthOf(text, size);
  for (const page of doc.getPages()) {
    const { width: pageWidth, height } = page.getSize();
    const x = pageWidth - style.sideMargin - width;
    const y = height - style.baseline - size;
    page.drawRectangle({ x: x - 4, y: y - 3, width: width + 8, height: size + 6, borderColor: RED, borderWidth: 1 });
    page.drawText(text, { x, y, size, font: style.font.pdfFont, color: RED });
  }
}
