// One entry for every report: the flow's `report:` names a template, the template says which renderer draws
// it (checklist, form, policy). The CLI, the terminal and Slack call this and never pick a renderer themselves.
import { renderChecklistPdf } from './checklist-pdf.ts';
import { DEFAULT_CHECKLIST_TEMPLATE } from './checklist-template.ts';
import { ReportInputError } from './errors.ts';
import { renderFormPdf } from './form-pdf.ts';
import { reportRendererOf, type ReportRenderer } from './report-renderer.ts';
import type { Flow } from '../flow/model.ts';
import type { ReportInput } from './report-input.ts';
import { renderSecurityPolicyPdf } from './security-policy-pdf.ts';

function reportTemplateOf(flow: Flow): string {
  const template = flow.report ?? (flow.kind === 'checklist' ? DEFAULT_CHECKLIST_TEMPLATE : undefined);
  if (!template)
    throw new ReportInputError(`Flow "${flow.id}" is a form but names no report template; add \`report: <template>\` (templates/<template>.yaml) to it`);
  return template;
}

/** What a flow's report is (a checklist, a form, a policy), so messages can call it by its name. */
export function reportKindOf(flow: Flow): ReportRenderer {
  // A form without a template has no PDF yet; naming it still must not fail (the review shows it).
  if (!flow.report && flow.kind !== 'checklist') return 'form';
  return reportRendererOf(reportTemplateOf(flow));
}

export async function renderReport(source: ReportInput): Promise<Uint8Array> {
  const template = reportTemplateOf(source.flow);
  switch (reportRendererOf(template)) {
    case 'checklist':
      return renderChecklistPdf({ ...source, template });
    case 'form':
      return renderFormPdf(source, template);
    case 'policy':
      return renderSecurityPolicyPdf(source, template);
  }
}
