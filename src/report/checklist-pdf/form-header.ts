// The top of the official form: 別添, the title, and the 更新情報 / 機関名 / 回答者 box.
import { formatReportDate } from '../localize.ts';
import { approvalRows } from '../pdf/approval-rows.ts';
import { flowTextBlock } from '../pdf/flow-text.ts';
import { drawTable, layoutTable, type TableCell } from '../pdf/table.ts';
import { layoutText } from '../pdf/text-block.ts';
import type { ChecklistPdfContext } from './context.ts';

export function formTitle(ctx: ChecklistPdfContext): string {
  return ctx.text(ctx.template.texts.title ?? ctx.input.flow.title);
}

export function drawFormHeader(ctx: ChecklistPdfContext): void {
  const { flow, template, input } = ctx;
  flow.newPage();
  const { attachmentLabel } = template.texts;
  if (attachmentLabel) flowTextBlock(flow, layoutText(ctx.text(attachmentLabel), ctx.style('attachmentLabel'), flow.width));
  flowTextBlock(
    flow,
    layoutText(formTitle(ctx), ctx.style('title', { bold: true, align: 'center' }), flow.width, { preferSpaces: true }),
  );
  flow.moveDown(template.spacing.afterTitle);
  for (const paragraph of template.texts.preamble) {
    flowTextBlock(flow, layoutText(ctx.text(paragraph), ctx.style('body'), flow.width));
    flow.moveDown(template.spacing.afterIntro);
  }

  const { label, sublabel } = template.infoTable.columns;
  const labelCell = (text: string, span = 1): TableCell => ({
    content: [{ text, style: ctx.style('body') }],
    fill: template.colors.labelFill,
    span,
    valign: 'middle',
  });
  const valueCell = (text: string): TableCell => ({ content: [{ text, style: ctx.style('body') }], valign: 'middle' });
  const texts = template.texts;
  const table = layoutTable({
    style: ctx.tableStyle([label, sublabel, flow.width - label - sublabel]),
    rows: [
      {
        label: 'updateInfo',
        cells: [
          labelCell(ctx.text(texts.updateInfo)),
          labelCell(ctx.text(texts.lastUpdated)),
          valueCell(formatReportDate(input.updatedOn, ctx.locale)),
        ],
      },
      { label: 'facility', cells: [labelCell(ctx.text(texts.facility), 2), valueCell(input.facilityName)] },
      { label: 'respondent', cells: [labelCell(ctx.text(texts.respondent), 2), valueCell(input.respondentName)] },
      ...approvalRows({ texts: texts.approval, approval: input.approval, locale: ctx.locale, text: (l) => ctx.text(l), labelCell, valueCell }),
    ],
  });
  drawTable(flow, table);
  if (template.texts.afterUpdateInfo) {
    flow.moveDown(template.spacing.afterIntro / 2);
    flowTextBlock(flow, layoutText(ctx.text(template.texts.afterUpdateInfo), ctx.style('body'), flow.width));
  }
  flow.moveDown(template.spacing.afterInfoTable);
}
