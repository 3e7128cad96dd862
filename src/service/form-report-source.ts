// Everything any report needs, for any flow: the assessment's own report source plus the latest submitted
// assessments of the flow's `related:` flows. Adapters hand the result to report/render-report.ts.
import type { RelatedAssessments } from '../report/related-assessment.ts';
import type { Store } from '../store/store.ts';
import { relatedAssessments } from './related-assessments.ts';
import { reportSource, type ReportSource } from './report-source.ts';

export interface FormReportSource extends ReportSource {
  related: RelatedAssessments;
}

export function formReportSource(store: Store, organizationId: string, assessmentId: string): FormReportSource {
  const source = reportSource(store, organizationId, assessmentId);
  const where = { organizationId, facilityId: source.assessment.facilityId };
  return { ...source, related: relatedAssessments(store, source.flow, where) };
}
