// A `kind: form` flow's answers as the filled paper form: title, 更新情報, then each section as a ruled table
// (fields with ■/□ options, grids as tables, the 注 underneath), "n / N" on every page. The form's particulars
// come from its template (templates/<flow.report>.yaml); nothing here knows a given form.
import { z } from 'zod';
import { answersSchema, isoDateSchema } from '../flow/answer.ts';
import { isRealDate } from '../dates/calendar-date.ts';
import { createReportDocument } from './font.ts';
import { ReportInputError } from './errors.ts';
import { createFormContext, type FormPdfInput } from './form-pdf/context.ts';
import { drawFormHeader, formTitle } from './form-pdf/form-header.ts';
import { drawFormSection } from './form-pdf/section-table.ts';
import { checkFormTemplate, loadFormTemplate, type FormTemplate } from './form-template.ts';
import { reportLocaleSchema } from './localize.ts';
import { drawDraftMarks } from './pdf/draft-mark.ts';
import { historyFooterText, stampHistoryHead } from './history-head.ts';
import { drawPageFooters, templateFooterStyle } from './pdf/page-numbers.ts';
import { PageFlow } from './pdf/page-flow.ts';
import { templateFile } from './template-file.ts';

export type { FormPdfInput } from './form-pdf/context.ts';

const inputFieldsSchema = z.object({
  answers: answersSchema,
  facilityName: z.string(),
  updatedOn: isoDateSchema.refine(isRealDate, 'not a calendar date'),
  assessmentId: z.string().min(1, 'required'),
  locale: reportLocaleSchema.default('ja'),
});

export async function renderFormPdf(input: FormPdfInput, template?: FormTemplate | string): Promise<Uint8Array> {
  const checked = inputFieldsSchema.safeParse(input);
  if (!checked.success)
    throw new ReportInputError(
      `Cannot render the form for flow "${input.flow.id}": ${checked.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`,
    );
  const name = typeof template === 'string' ? template : input.flow.report;
  if (!template && !name) throw new ReportInputError(`Flow "${input.flow.id}" names no report template (add \`report:\` to the flow)`);
  const layout = typeof template === 'object' ? template : loadFormTemplate(name!);
  checkFormTemplate(layout, input.flow, typeof template === 'object' ? '(template)' : templateFile(name!));

  const { doc, fonts } = await createReportDocument({
    author: input.facilityName,
    subject: input.assessmentId,
    locale: checked.data.locale,
    deterministicSeed: `${input.assessmentId}:${input.updatedOn}`,
    createdAt: input.generatedAt,
  });
  const flow = new PageFlow(doc, { size: layout.page.size, margin: layout.page.margin });
  const ctx = createFormContext({ ...input, answers: checked.data.answers }, layout, fonts, flow, checked.data.locale);
  doc.setTitle(`${formTitle(ctx)} — ${input.facilityName}`, { showInWindowTitleBar: true });

  drawFormHeader(ctx);
  for (const section of input.flow.sections) drawFormSection(ctx, section);

  const { texts } = layout;
  stampHistoryHead(doc, input.historyHead);
  drawPageFooters(
    doc,
    {
      pageNumber: ctx.text(texts.pageNumber),
      right: texts.footerRight && ctx.text(texts.footerRight, { assessmentId: input.assessmentId }),
      left: historyFooterText(input.historyHead, checked.data.locale),
    },
    templateFooterStyle(layout, fonts),
  );
  if (input.draft) drawDraftMarks(doc, checked.data.locale, templateFooterStyle(layout, fonts));
  return doc.save();
}
