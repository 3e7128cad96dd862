// One entry for every report: the flow's `report:` names a template, the template says which renderer draws
// it (checklist, form, policy). The CLI, the terminal and Slack call this and never pick a renderer themselves.
import type { Answers } from '../flow/answer.ts';
import type { Flow } from '../flow/model.ts';
import { renderChecklistPdf } from './checklist-pdf.ts';
import { DEFAULT_CHECKLIST_TEMPLATE } from './checklist-template.ts';
import { ReportInputError } from './errors.ts';
import { renderFormPdf } from './form-pdf.ts';
import type { ReportLocale } from './localize.ts';
import type { RelatedAssessments } from './related-assessment.ts';
import { reportRendererOf } from './report-renderer.ts';
import { renderSecurityPolicyPdf } from './security-policy-pdf.ts';

/** What service/report-source.ts and service/form-report-source.ts gather, plus the reader's language. */
export interface ReportRenderSource {
  flow: Flow;
  answers: Answers;
  facilityName: string;
  respondentName: string;
  /** YYYY-MM-DD: 最終更新日. */
  updatedOn: string;
  assessmentId: string;
  /** Latest submitted assessments of the flow's `related:` flows, by related id. */
  related?: RelatedAssessments;
  locale?: ReportLocale;
  generatedAt?: Date;
}

export async function renderFormReport(source: ReportRenderSource): Promise<Uint8Array> {
  const { flow } = source;
  const template = flow.report ?? (flow.kind === 'checklist' ? DEFAULT_CHECKLIST_TEMPLATE : undefined);
  if (!template)
    throw new ReportInputError(`Flow "${flow.id}" is a form but names no report template; add \`report: <template>\` (templates/<template>.yaml) to it`);
  switch (reportRendererOf(template)) {
    case 'checklist':
      return renderChecklistPdf({ ...source, template });
    case 'form':
      return renderFormPdf(source, template);
    case 'policy':
      return renderSecurityPolicyPdf(source, template);
  }
}
