// The 「前回との比較」 page of a re-assessment: which items changed since the previous cycle and how
// (改善, 後退, 時期変更, 該当なし, 新規, 削除, 文言変更), one row per item, in the form's order.
import { fiscalYearOf, formatFiscalYear } from '../../dates/fiscal-year.ts';
import { ITEM_CHANGE_KINDS, type CycleComparison, type ItemComparison, type PreviousCycle } from '../../flow/cycle-comparison.ts';
import { answerText } from '../../i18n/answer-text.ts';
import { changeDetail, changeLabel, previousAnswerText } from '../../i18n/comparison-text.ts';
import { t } from '../../i18n/messages.ts';
import { formatReportDate } from '../localize.ts';
import { flowTextBlock } from '../pdf/flow-text.ts';
import { drawTable, layoutTable, type TableCell } from '../pdf/table.ts';
import { layoutText } from '../pdf/text-block.ts';
import type { ChecklistPdfContext } from './context.ts';

export function drawComparisonPage(ctx: ChecklistPdfContext, previous: PreviousCycle, comparison: CycleComparison): void {
  const { flow, template, locale } = ctx;
  const texts = template.texts.comparison;
  flow.newPage();
  flowTextBlock(flow, layoutText(ctx.text(texts.title), ctx.style('title', { bold: true, align: 'center' }), flow.width));
  flow.moveDown(template.spacing.afterTitle);
  const intro = ctx.text(texts.previous, {
    fiscalYear: formatFiscalYear(fiscalYearOf(previous.submittedOn), locale),
    submitted: formatReportDate(previous.submittedOn, locale),
    assessmentId: previous.assessmentId,
  });
  flowTextBlock(flow, layoutText(intro, ctx.style('body'), flow.width));
  const counts = ITEM_CHANGE_KINDS.filter((kind) => comparison.counts[kind] > 0)
    .map((kind) => t(locale, 'comparison.count', { label: changeLabel(locale, { kind }), n: comparison.counts[kind] }))
    .join(locale === 'ja' ? '　' : ', ');
  flowTextBlock(flow, layoutText(counts, ctx.style('body', { bold: true }), flow.width));
  flow.moveDown(template.spacing.afterInfoTable);

  const cols = template.comparison.columns;
  const header = (text: string): TableCell => ({
    content: [{ text, style: ctx.style('tableHeader', { bold: true, align: 'center' }) }],
    fill: template.colors.headerFill,
    valign: 'middle',
  });
  const cell = (text: string, align: 'left' | 'center' = 'left'): TableCell => ({ content: [{ text, style: ctx.style('body', { align }) }] });
  drawTable(
    flow,
    layoutTable({
      style: ctx.tableStyle([cols.number, flow.width - cols.number - cols.previous - cols.current - cols.change, cols.previous, cols.current, cols.change]),
      header: {
        label: 'comparison header',
        cells: [texts.columns.number, texts.columns.item, texts.columns.previous, texts.columns.current, texts.columns.change].map((c) =>
          header(ctx.text(c)),
        ),
      },
      rows: comparison.changed.map((item) => ({
        label: item.itemId,
        cells: [
          cell(item.ref.item.number ?? '', 'center'),
          {
            content: [
              { text: ctx.text(item.ref.section.title), style: ctx.style('reason', { color: template.colors.muted }) },
              { text: ctx.text(item.ref.item.text), style: ctx.style('body'), gapBefore: 1 },
            ],
          },
          cell(previousAnswerText(locale, item) || ctx.text(texts.none)),
          cell(currentAnswerText(ctx, item)),
          cell(item.changes.map((c) => changeDetail(locale, c, item.previous)).join('\n')),
        ],
      })),
    }),
  );
}

function currentAnswerText(ctx: ChecklistPdfContext, item: ItemComparison): string {
  const removed = item.changes.some((c) => c.kind === 'removed');
  if (removed || !item.current) return ctx.text(ctx.template.texts.comparison.none);
  return answerText(ctx.locale, item.ref.item.answer, item.current);
}
