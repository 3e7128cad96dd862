// The filled security policy as a PDF: title, the facility, the approval box, the ten articles and 別表
// (with the measures' status when the facility has submitted that self-assessment), "n / N" on every page.
// The text and its placeholders come from the template (templates/security-policy.yaml); this file only
// lays it out.
import { z } from 'zod';
import { answersSchema } from '../flow/answer.ts';
import { ReportInputError } from './errors.ts';
import { createReportDocument } from './font.ts';
import { localize, reportLocaleSchema } from './localize.ts';
import { approvalRows } from './pdf/approval-rows.ts';
import { flowTextBlock } from './pdf/flow-text.ts';
import { drawDraftMarks } from './pdf/draft-mark.ts';
import { historyFooterText, stampHistoryHead } from './history-head.ts';
import { drawPageFooters, templateFooterStyle } from './pdf/page-numbers.ts';
import { PageFlow } from './pdf/page-flow.ts';
import { drawTable, layoutTable, type TableCell } from './pdf/table.ts';
import { layoutText } from './pdf/text-block.ts';
import { buildPolicyDocument, type PolicyBlock } from './policy/policy-document.ts';
import { checkPolicyTemplate, loadPolicyTemplate, type PolicyTemplate } from './policy/policy-template.ts';
import { scaleWidths } from './relative-widths.ts';
import type { UnsignedReportInput } from './report-input.ts';
import { templateStyles } from './pdf/template-styles.ts';
import { templateFile } from './template-file.ts';

export type PolicyPdfInput = UnsignedReportInput;

const inputSchema = z.object({ answers: answersSchema, assessmentId: z.string().min(1, 'required'), locale: reportLocaleSchema.default('ja') });

export async function renderSecurityPolicyPdf(input: PolicyPdfInput, template?: PolicyTemplate | string): Promise<Uint8Array> {
  const checked = inputSchema.safeParse(input);
  if (!checked.success)
    throw new ReportInputError(`Cannot render the policy for flow "${input.flow.id}": ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const name = typeof template === 'string' ? template : (input.flow.report ?? 'security-policy');
  const layout = typeof template === 'object' ? template : loadPolicyTemplate(name);
  checkPolicyTemplate(layout, input.flow, typeof template === 'object' ? '(template)' : templateFile(name));
  const locale = checked.data.locale;
  const policy = buildPolicyDocument(layout, { flow: input.flow, answers: checked.data.answers, related: input.related, locale });

  const { doc, fonts } = await createReportDocument({
    author: input.facilityName,
    subject: input.assessmentId,
    locale,
    deterministicSeed: `${input.assessmentId}:${input.updatedOn}`,
    createdAt: input.generatedAt,
  });
  doc.setTitle(`${policy.title.replace(/\n/g, '')} — ${policy.subtitle}`, { showInWindowTitleBar: true });
  const flow = new PageFlow(doc, { size: layout.page.size, margin: layout.page.margin });
  const { style, tableStyle } = templateStyles(layout, fonts, locale);

  flow.newPage();
  flowTextBlock(flow, layoutText(policy.title, style('title', { bold: true, align: 'center' }), flow.width));
  flow.moveDown(layout.spacing.afterTitle);
  flowTextBlock(flow, layoutText(policy.subtitle, style('facility', { align: 'right' }), flow.width));
  drawApprovalBox();
  flow.moveDown(layout.spacing.afterFacility);

  for (const article of policy.articles) {
    if (article.newPage) flow.newPage();
    else if (!flow.atPageTop) flow.moveDown(layout.spacing.beforeArticle);
    const heading = layoutText(article.heading, style('heading', { bold: true }), flow.width);
    const first = article.blocks[0];
    // Keep a heading with what follows it: its first paragraph, or roughly a table's first row.
    const firstHeight = first?.kind === 'paragraph' ? paragraphBlock(first.text).height : 40;
    flowTextBlock(flow, heading, layout.spacing.afterHeading + firstHeight);
    flow.moveDown(layout.spacing.afterHeading);
    for (const block of article.blocks) drawBlock(block);
  }

  stampHistoryHead(doc, input.historyHead);
  drawPageFooters(
    doc,
    { pageNumber: localize(layout.texts.pageNumber, locale), left: historyFooterText(input.historyHead, locale) },
    templateFooterStyle(layout, fonts),
  );
  if (input.draft) drawDraftMarks(doc, locale, templateFooterStyle(layout, fonts));
  return doc.save();

  /** Who approved this policy and when, as the checklist's header box has it (a lead's 承認 of this assessment). */
  function drawApprovalBox(): void {
    if (!layout.approval) return;
    const cell = (text: string, span = 1, fill?: 'label'): TableCell => ({
      content: [{ text, style: style('table') }],
      span,
      fill: fill ? layout.colors.labelFill : undefined,
      valign: 'middle',
    });
    const rows = approvalRows({
      texts: layout.approval.texts,
      approval: input.approval,
      locale,
      text: (l) => localize(l, locale),
      labelCell: (text, span) => cell(text, span, 'label'),
      valueCell: (text) => cell(text),
    });
    if (rows.length === 0) return;
    flow.moveDown(layout.spacing.aroundTable);
    drawTable(flow, layoutTable({ style: tableStyle(scaleWidths(layout.approval.widths, flow.width)), rows }));
  }

  function paragraphBlock(text: string) {
    return layoutText(layout.texts.clausePrefix + text, style('body'), flow.width - layout.indent.clause);
  }

  function drawBlock(block: PolicyBlock): void {
    switch (block.kind) {
      case 'paragraph':
        flowTextBlock(flow, paragraphBlock(block.text), 0, layout.indent.clause);
        flow.moveDown(layout.spacing.betweenBlocks);
        return;
      case 'list':
        for (const item of block.items) flowTextBlock(flow, layoutText(`・${item}`, style('body'), flow.width - layout.indent.list), 0, layout.indent.list);
        flow.moveDown(layout.spacing.betweenBlocks);
        return;
      case 'table':
      case 'status-table': {
        const widths = scaleWidths(block.widths, flow.width);
        const cell = (text: string, fill?: 'header' | 'label', align: 'left' | 'center' = 'left'): TableCell => ({
          content: [{ text, style: style('table', { bold: fill === 'header', align }) }],
          fill: fill === 'header' ? layout.colors.headerFill : fill === 'label' ? layout.colors.labelFill : undefined,
          valign: 'middle',
        });
        const header = block.header && { label: 'header', cells: block.header.map((h) => cell(h, 'header', 'center')) };
        const rows =
          block.kind === 'table'
            ? block.rows.map((r, i) => ({ label: `row ${i + 1}`, cells: r.map((text, c) => cell(text, c === 0 ? 'label' : undefined)) }))
            : block.rows.map((r) => ({
                label: `measure ${r.number}`,
                cells: [cell(r.number, undefined, 'center'), cell(r.text), ...(r.status === undefined ? [] : [cell(r.status, undefined, 'center')])],
              }));
        flow.moveDown(layout.spacing.aroundTable);
        drawTable(flow, layoutTable({ style: tableStyle(widths), header, rows }));
        if (block.kind === 'status-table' && block.basis) {
          flow.moveDown(layout.spacing.betweenBlocks);
          flowTextBlock(flow, layoutText(block.basis, style('small', { color: layout.colors.muted }), flow.width));
        }
        flow.moveDown(layout.spacing.aroundTable);
        return;
      }
    }
  }
}
