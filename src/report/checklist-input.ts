// What a checklist report is made from, checked once at the entry of every renderer.
import { z } from 'zod';
import { answersSchema, isoDateSchema } from '../flow/answer.ts';
import { isRealDate } from '../dates/calendar-date.ts';
import { ReportInputError } from './errors.ts';
import { reportLocaleSchema, type ReportLocale } from './localize.ts';
import type { ChecklistTemplate } from './checklist-template.ts';
import type { ReportInput } from './report-input.ts';

export interface ChecklistReportInput extends ReportInput {
  /** A template name under templates/ or a loaded template; default: the flow's `report`, else checklist-pdf. */
  template?: string | ChecklistTemplate;
}

const reportFieldsSchema = z.object({
  answers: answersSchema,
  facilityName: z.string(),
  respondentName: z.string(),
  updatedOn: isoDateSchema.refine(isRealDate, 'not a calendar date'),
  assessmentId: z.string().min(1, 'required'),
  locale: reportLocaleSchema.default('ja'),
});

export type CheckedReportInput = ChecklistReportInput & { locale: ReportLocale };

export function checkReportInput(input: ChecklistReportInput): CheckedReportInput {
  const parsed = reportFieldsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
    throw new ReportInputError(`Cannot render the report for flow "${input.flow.id}": ${problems.join('; ')}`);
  }
  return { ...input, answers: parsed.data.answers, locale: parsed.data.locale };
}
