// The checklist report as plain JSON (for APIs and archives): who, when, the summary and every row.
import { z } from 'zod';
import { isoDateSchema } from '../flow/answer.ts';
import { checkReportInput, type ChecklistReportInput } from './checklist-input.ts';
import { checklistRowSchema, checklistRows } from './checklist-rows.ts';
import { reportLocaleSchema, localize } from './localize.ts';
import { checklistSummarySchema, summarizeAssessment } from './summary.ts';

export const checklistReportJsonSchema = z.object({
  format: z.literal('kakunin.checklist-report'),
  formatVersion: z.literal(1),
  flow: z.object({ id: z.string(), version: z.string(), title: z.string(), hash: z.string() }),
  assessmentId: z.string(),
  facilityName: z.string(),
  respondentName: z.string(),
  updatedOn: isoDateSchema,
  locale: reportLocaleSchema,
  /** The head hash of the answer history when the report was made (`kakunin audit verify --hash`). */
  historyHead: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  summary: checklistSummarySchema,
  rows: z.array(checklistRowSchema),
});
export type ChecklistReportJson = z.infer<typeof checklistReportJsonSchema>;

export function toChecklistJson(rawInput: ChecklistReportInput): ChecklistReportJson {
  const input = checkReportInput(rawInput);
  const { flow, answers, locale } = input;
  return {
    format: 'kakunin.checklist-report',
    formatVersion: 1,
    flow: { id: flow.id, version: flow.version, title: localize(flow.title, locale), hash: flow.hash },
    assessmentId: input.assessmentId,
    facilityName: input.facilityName,
    respondentName: input.respondentName,
    updatedOn: input.updatedOn,
    locale,
    ...(input.historyHead ? { historyHead: input.historyHead } : {}),
    summary: summarizeAssessment(flow, answers, locale),
    rows: checklistRows(flow, answers, locale),
  };
}
