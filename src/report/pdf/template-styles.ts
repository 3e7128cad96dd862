// Text and table styles derived from a template's typography, shared by every renderer (checklist, forms).
import type { RGB } from 'pdf-lib';
import type { Localized } from '../../flow/schema.ts';
import type { ReportFonts } from '../font.ts';
import { fillPlaceholders, localize, type ReportLocale } from '../localize.ts';
import type { TableStyle } from './table.ts';
import type { HorizontalAlign, TextStyle } from './text-block.ts';

export interface StyleOptions {
  bold?: boolean;
  color?: RGB;
  align?: HorizontalAlign;
}

/** The parts of a template that decide how text and tables look. */
export interface TemplateTypography<Size extends string> {
  fontSizes: Record<Size, number>;
  lineHeight: number;
  colors: { text: RGB };
  cellPadding: TableStyle['padding'];
  rule: TableStyle['rule'];
}

export interface TemplateStyles<Size extends string> {
  /** A template or flow text in the reader's language, placeholders filled. */
  text(value: Localized, placeholders?: Record<string, string | number>): string;
  style(size: Size, options?: StyleOptions): TextStyle;
  tableStyle(columnWidths: number[]): TableStyle;
}

export function templateStyles<Size extends string>(
  template: TemplateTypography<Size>,
  fonts: ReportFonts,
  locale: ReportLocale,
): TemplateStyles<Size> {
  return {
    text: (value, placeholders) => fillPlaceholders(localize(value, locale), placeholders ?? {}),
    style: (size, options = {}) => ({
      font: options.bold ? fonts.bold : fonts.regular,
      size: template.fontSizes[size],
      lineHeight: template.lineHeight,
      color: options.color ?? template.colors.text,
      align: options.align ?? 'left',
    }),
    tableStyle: (columnWidths) => ({ columnWidths, padding: template.cellPadding, rule: template.rule }),
  };
}
