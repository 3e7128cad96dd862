// One entry for every report: the flow's `report:` names a template, the template says which renderer draws
// it (checklist, form, policy). The CLI, the terminal and Slack call this and never pick a renderer themselves.
import { renderChecklistPdf } from './checklist-pdf.ts';
import { renderFormPdf } from './form-pdf.ts';
import { reportTemplateOf } from './report-kind.ts';
import { reportRendererOf } from './report-renderer.ts';
import type { ReportInput } from './report-input.ts';
import { renderSecurityPolicyPdf } from './security-policy-pdf.ts';

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
