// Everything the pages of a checklist PDF share: the template, the reader's language, fonts and the
// text styles derived from the template.
import type { Localized } from '../../flow/schema.ts';
import type { CheckedReportInput } from '../checklist-input.ts';
import type { ChecklistTemplate } from '../checklist-template.ts';
import type { ReportFonts } from '../font.ts';
import type { ReportLocale } from '../localize.ts';
import { templateStyles, type StyleOptions } from '../pdf/template-styles.ts';
import type { PageFlow } from '../pdf/page-flow.ts';
import type { TableStyle } from '../pdf/table.ts';
import type { TextStyle } from '../pdf/text-block.ts';

export interface ChecklistPdfContext {
  input: CheckedReportInput;
  template: ChecklistTemplate;
  locale: ReportLocale;
  fonts: ReportFonts;
  flow: PageFlow;
  /** A template or flow text in the reader's language, placeholders filled. */
  text(value: Localized, placeholders?: Record<string, string | number>): string;
  style(size: keyof ChecklistTemplate['fontSizes'], options?: StyleOptions): TextStyle;
  tableStyle(columnWidths: number[]): TableStyle;
}

export type { StyleOptions } from '../pdf/template-styles.ts';

export function createContext(
  input: CheckedReportInput,
  template: ChecklistTemplate,
  fonts: ReportFonts,
  flow: PageFlow,
): ChecklistPdfContext {
  const locale = input.locale;
  return {
    input,
    template,
    locale,
    fonts,
    flow,
    ...templateStyles(template, fonts, locale),
  };
}
