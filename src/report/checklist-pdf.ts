// The filled checklist as a PDF a clinic can print and file: a summary page first, then the official
// form (title, 更新情報, one ruled table per section with ■/□, the notes), "n / N" on every page.
import type { Flow } from '../flow/model.ts';
import { statusRowRefs } from './checklist-rows.ts';
import { checkReportInput, type ChecklistReportInput } from './checklist-input.ts';
import { loadChecklistTemplate, type ChecklistTemplate } from './checklist-template.ts';
import { DEFAULT_CHECKLIST_TEMPLATE } from './report-kind.ts';
import { createContext } from './checklist-pdf/context.ts';
import { drawFormHeader, formTitle } from './checklist-pdf/form-header.ts';
import { drawSection } from './checklist-pdf/section-table.ts';
import { drawSummaryPage } from './checklist-pdf/summary-page.ts';
import { drawComparisonPage } from './checklist-pdf/comparison-page.ts';
import { compareCycles } from '../flow/cycle-comparison.ts';
import { createReportDocument } from './font.ts';
import { ReportInputError } from './errors.ts';
import { formatReportDate } from './localize.ts';
import { drawDraftMarks } from './pdf/draft-mark.ts';
import { historyFooterText, stampHistoryHead } from './history-head.ts';
import { drawPageFooters, templateFooterStyle } from './pdf/page-numbers.ts';
import { PageFlow } from './pdf/page-flow.ts';
import { summarizeAssessment } from './summary.ts';

export type { ChecklistReportInput } from './checklist-input.ts';

export async function renderChecklistPdf(rawInput: ChecklistReportInput): Promise<Uint8Array> {
  const input = checkReportInput(rawInput);
  const template = resolveTemplate(input.flow, input.template);
  const refs = statusRowRefs(input.flow);
  if (refs.length === 0)
    throw new ReportInputError(
      `Flow "${input.flow.id}" has no status items (answer type "status"), so there is no checklist to print`,
    );

  const { doc, fonts } = await createReportDocument({
    author: input.facilityName,
    subject: input.assessmentId,
    locale: input.locale,
    deterministicSeed: `${input.assessmentId}:${input.updatedOn}`,
    createdAt: input.generatedAt,
  });
  const flow = new PageFlow(doc, { size: template.page.size, margin: template.page.margin });
  const ctx = createContext(input, template, fonts, flow);
  doc.setTitle(`${formTitle(ctx)} — ${input.facilityName}`, { showInWindowTitleBar: true });

  const planAfterForm = template.summary.enabled
    ? drawSummaryPage(ctx, summarizeAssessment(input.flow, input.answers, input.locale, input.planStories))
    : undefined;
  if (template.comparison.enabled && input.previous) {
    const comparison = compareCycles(input.previous, input);
    // A page saying "nothing changed" would only be noise between the summary and the form.
    if (comparison.changed.length > 0) drawComparisonPage(ctx, input.previous, comparison);
  }
  drawFormHeader(ctx);
  for (const section of input.flow.sections) {
    const sectionRefs = refs.filter((r) => r.section === section);
    if (sectionRefs.length > 0) drawSection(ctx, section, sectionRefs);
  }
  planAfterForm?.();

  const { texts } = template;
  stampHistoryHead(doc, input.historyHead);
  drawPageFooters(
    doc,
    {
      pageNumber: ctx.text(texts.pageNumber),
      right:
        texts.footerRight &&
        ctx.text(texts.footerRight, { assessmentId: input.assessmentId, facility: input.facilityName, updatedOn: formatReportDate(input.updatedOn, ctx.locale) }),
      left: historyFooterText(input.historyHead, input.locale),
    },
    templateFooterStyle(template, fonts),
  );
  if (input.draft) drawDraftMarks(doc, input.locale, templateFooterStyle(template, fonts));
  return doc.save();
}

function resolveTemplate(flow: Flow, choice: string | ChecklistTemplate | undefined): ChecklistTemplate {
  if (choice && typeof choice === 'object') return choice;
  return loadChecklistTemplate(choice ?? flow.report ?? DEFAULT_CHECKLIST_TEMPLATE);
}
