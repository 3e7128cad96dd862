// The top of a disclosure form: its title, the 「*」 instructions, and the 更新情報 | 最終更新日 box.
import { formatReportDate } from '../localize.ts';
import { approvalRows } from '../pdf/approval-rows.ts';
import { flowTextBlock } from '../pdf/flow-text.ts';
import { drawTable, layoutTable, type TableCell } from '../pdf/table.ts';
import { layoutText } from '../pdf/text-block.ts';
import type { FormPdfContext } from './context.ts';

export function formTitle(ctx: FormPdfContext): string {
  return ctx.text(ctx.template.texts.title ?? ctx.input.flow.title);
}

export function drawFormHeader(ctx: FormPdfContext): void {
  const { flow, template } = ctx;
  const texts = template.texts;
  flow.newPage();
  flowTextBlock(flow, layoutText(formTitle(ctx), ctx.style('title', { bold: true, align: 'center' }), flow.width, { preferSpaces: true }));
  flow.moveDown(template.spacing.afterTitle);
  for (const line of texts.instructions) flowTextBlock(flow, layoutText(ctx.text(line), ctx.style('note'), flow.width));
  if (texts.instructions.length) flow.moveDown(template.spacing.afterInstructions);

  const label = (text: string): TableCell => ({
    content: [{ text, style: ctx.style('label') }],
    fill: template.colors.labelFill,
    valign: 'middle',
  });
  const valueCell = (text: string): TableCell => ({ content: [{ text, style: ctx.style('body') }], valign: 'middle' });
  const spanned = (text: string, span = 1): TableCell => ({ ...label(text), span });
  const labelWidth = Math.min(template.columns.label, flow.width / 3);
  drawTable(
    flow,
    layoutTable({
      style: ctx.tableStyle([labelWidth / 2, labelWidth / 2, flow.width - labelWidth]),
      rows: [
        {
          label: 'update info',
          cells: [
            label(ctx.text(texts.updateInfo)),
            label(ctx.text(texts.lastUpdated)),
            { content: [{ text: formatReportDate(lastUpdated(ctx), ctx.locale), style: ctx.style('body') }], valign: 'middle' },
          ],
        },
        ...approvalRows({ texts: texts.approval, approval: ctx.input.approval, locale: ctx.locale, text: (l) => ctx.text(l), labelCell: spanned, valueCell }),
      ],
    }),
  );
  if (texts.updateNote) {
    flow.moveDown(template.spacing.betweenNotes);
    flowTextBlock(flow, layoutText(ctx.text(texts.updateNote), ctx.style('note'), flow.width));
  }
  flow.moveDown(template.spacing.afterUpdateInfo);
}

/** The 最終更新日 the person entered (the form's own date, e.g. when its web page was last updated), else the answers' date. */
function lastUpdated(ctx: FormPdfContext): string {
  const id = ctx.template.lastUpdatedItem;
  const entered = id === undefined ? undefined : ctx.input.answers[id];
  return entered?.kind === 'date' ? entered.value : ctx.input.updatedOn;
}
