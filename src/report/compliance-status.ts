// The disclosure forms' 「ガイドラインの遵守」 box, derived rather than asked: every item of the checklist 実施済
// or 該当なし → 最低限のガイドラインを遵守済; any item 実施予定 (or left open) → 遵守していない (注8).
import { z } from 'zod';
import type { RelatedAssessment } from './related-assessment.ts';
import { statusCountsSchema, summarizeAssessment } from './summary.ts';

export const complianceStatusSchema = z.object({
  compliant: z.boolean(),
  counts: statusCountsSchema,
  /** Which assessment the box came from, so the form can say so. */
  basis: z.object({
    assessmentId: z.string(),
    flowId: z.string(),
    facilityName: z.string(),
    submittedOn: z.string(),
  }),
});
export type ComplianceStatus = z.infer<typeof complianceStatusSchema>;

export function complianceFromChecklist(checklist: RelatedAssessment): ComplianceStatus {
  const summary = summarizeAssessment(checklist.flow, checklist.answers);
  return {
    compliant: summary.compliant,
    counts: summary.totals,
    basis: {
      assessmentId: checklist.assessmentId,
      flowId: checklist.flow.id,
      facilityName: checklist.facilityName,
      submittedOn: checklist.submittedOn,
    },
  };
}
