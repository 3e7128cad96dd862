// A wrapped run of text in one style: measured once (for layout decisions), drawn later.
import type { PDFPage, RGB } from 'pdf-lib';
import type { ReportFont } from '../font.ts';
import { wrapText, type WrappedLine } from './text-wrap.ts';

export type HorizontalAlign = 'left' | 'center' | 'right';

export interface TextStyle {
  font: ReportFont;
  size: number;
  /** Line pitch as a multiple of the font size. */
  lineHeight: number;
  color: RGB;
  align?: HorizontalAlign;
}

export interface TextBlock {
  lines: WrappedLine[];
  style: TextStyle;
  width: number;
  height: number;
}

export interface TextBlockOptions {
  preferSpaces?: boolean;
  hangingPrefix?: RegExp;
}

export function layoutText(text: string, style: TextStyle, width: number, options: TextBlockOptions = {}): TextBlock {
  const lines = wrapText(text, {
    maxWidth: width,
    widthOf: (t) => style.font.widthOf(t, style.size),
    ...options,
  });
  return { lines, style, width, height: lines.length * style.size * style.lineHeight };
}

/** Ascent of the CJK ideographic em box above the baseline (Noto Sans JP: 880/1000). */
const EM_BOX_ASCENT = 0.88;

/** Draws the block with its top edge at `top` (PDF coordinates, y grows upwards). */
export function drawTextBlock(page: PDFPage, block: TextBlock, x: number, top: number): void {
  const { size, lineHeight, font, color, align = 'left' } = block.style;
  const pitch = size * lineHeight;
  const halfLeading = (pitch - size) / 2;
  block.lines.forEach((line, i) => {
    if (line.text === '') return;
    const baseline = top - i * pitch - halfLeading - size * EM_BOX_ASCENT;
    const lineWidth = font.widthOf(line.text, size);
    const free = block.width - line.indent - lineWidth;
    const offset = align === 'center' ? free / 2 : align === 'right' ? free : 0;
    page.drawText(line.text, { x: x + line.indent + offset, y: baseline, size, font: font.pdfFont, color });
  });
}
