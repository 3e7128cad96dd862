// Page footers drawn once every page exists, so each can say "n / N".
import type { PDFDocument, RGB } from 'pdf-lib';
import type { ReportFont, ReportFonts } from '../font.ts';

export interface PageFooterStyle {
  font: ReportFont;
  size: number;
  color: RGB;
  /** Distance of the baseline from the bottom edge, pt. */
  baseline: number;
  /** Left/right margins for the side texts, pt. */
  sideMargin: number;
}

/** The parts of a report template that place its footer. */
export interface FooterTemplate {
  fontSizes: { footer: number };
  colors: { muted: RGB };
  page: { margin: { bottom: number; right: number } };
}

/** Every template's footer: regular weight, muted, centred in the bottom margin. */
export function templateFooterStyle(template: FooterTemplate, fonts: ReportFonts): PageFooterStyle {
  return {
    font: fonts.regular,
    size: template.fontSizes.footer,
    color: template.colors.muted,
    baseline: template.page.margin.bottom / 2,
    sideMargin: template.page.margin.right,
  };
}

export interface PageFooterTexts {
  /** Centered; `{n}` and `{N}` are replaced with the page number and the page count. */
  pageNumber: string;
  /** Small text at the right edge on every page (e.g. the assessment id), optional. */
  right?: string;
  left?: string;
}

export function drawPageFooters(doc: PDFDocument, texts: PageFooterTexts, style: PageFooterStyle): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const { width } = page.getSize();
    const draw = (text: string, x: number) =>
      page.drawText(text, { x, y: style.baseline, size: style.size, font: style.font.pdfFont, color: style.color });
    const label = texts.pageNumber.replace('{n}', String(i + 1)).replace('{N}', String(pages.length));
    draw(label, (width - style.font.widthOf(label, style.size)) / 2);
    if (texts.left) draw(texts.left, style.sideMargin);
    if (texts.right) draw(texts.right, width - style.sideMargin - style.font.widthOf(texts.right, style.size));
  });
}
