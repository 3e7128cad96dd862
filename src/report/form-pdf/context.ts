// What every part of a form PDF shares: the input, the template, the reader's language, fonts, and the
// text and table styles derived from the template.
import type { RGB } from 'pdf-lib';
import type { Answers } from '../../flow/answer.ts';
import type { Localized } from '../../flow/schema.ts';
import type { ReportFonts } from '../font.ts';
import type { FormTemplate } from '../form-template.ts';
import type { ReportLocale } from '../localize.ts';
import { templateStyles } from '../pdf/template-styles.ts';
import type { PageFlow } from '../pdf/page-flow.ts';
import type { TableStyle } from '../pdf/table.ts';
import type { HorizontalAlign, TextStyle } from '../pdf/text-block.ts';
import type { UnsignedReportInput } from '../report-input.ts';

export type FormPdfInput = UnsignedReportInput;

export interface FormPdfContext {
  input: FormPdfInput;
  answers: Answers;
  template: FormTemplate;
  locale: ReportLocale;
  fonts: ReportFonts;
  flow: PageFlow;
  text(value: Localized, placeholders?: Record<string, string | number>): string;
  style(size: keyof FormTemplate['fontSizes'], options?: { bold?: boolean; color?: RGB; align?: HorizontalAlign }): TextStyle;
  tableStyle(columnWidths: number[]): TableStyle;
}

export function createFormContext(
  input: FormPdfInput,
  template: FormTemplate,
  fonts: ReportFonts,
  flow: PageFlow,
  locale: ReportLocale,
): FormPdfContext {
  return {
    input,
    answers: input.answers,
    template,
    locale,
    fonts,
    flow,
    ...templateStyles(template, fonts, locale),
  };
}

