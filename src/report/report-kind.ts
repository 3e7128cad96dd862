// Which report a flow has: the template its `report:` names (checklists default to the checklist template)
// and the renderer that template is for. Light on purpose: messages name the report through this without
// loading the PDF renderer (pdf-lib, fontkit), which only a render needs.
import type { Flow } from '../flow/model.ts';
import { ReportInputError } from './errors.ts';
import { reportRendererOf, type ReportRenderer } from './report-renderer.ts';

export const DEFAULT_CHECKLIST_TEMPLATE = 'checklist-pdf';

export function reportTemplateOf(flow: Flow): string {
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
