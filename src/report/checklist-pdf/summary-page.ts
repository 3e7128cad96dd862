// The first page: who answered, whether the facility meets the minimum guideline (in the wording of the
// disclosure form, ■/□), the 前提 answers, a bar per section and the action plan by date.
import { formatReportDate } from '../localize.ts';
import { checkBox } from '../pdf/check-mark.ts';
import { flowTextBlock } from '../pdf/flow-text.ts';
import { drawStackedBar } from '../pdf/stacked-bar.ts';
import { drawTable, layoutTable, tableStartHeight, type TableCell } from '../pdf/table.ts';
import { drawTextBlock, layoutText } from '../pdf/text-block.ts';
import { firstSentence, type ChecklistSummary, type SectionSummary } from '../summary.ts';
import { findItem } from '../../flow/model.ts';
import type { ChecklistPdfContext } from './context.ts';
import { formTitle } from './form-header.ts';

const STATUSES = ['done', 'planned', 'na', 'unanswered'] as const;

/**
 * Draws the summary page. The action plan stays on it when it fits whole; a longer plan would leave a
 * page holding a stray row or two, so it is returned to be drawn after the form instead (where it runs on
 * from the last section, over as many pages as it needs), and the summary says where it is.
 */
export function drawSummaryPage(ctx: ChecklistPdfContext, summary: ChecklistSummary): (() => void) | undefined {
  const { flow, template } = ctx;
  const texts = template.texts.summary;
  flow.newPage();
  flowTextBlock(flow, layoutText(ctx.text(texts.title), ctx.style('title', { bold: true, align: 'center' }), flow.width));
  flowTextBlock(
    flow,
    layoutText(ctx.text(texts.subtitle, { formTitle: formTitle(ctx) }), ctx.style('subtitle', { align: 'center' }), flow.width, {
      preferSpaces: true,
    }),
  );
  flow.moveDown(template.spacing.afterTitle);
  drawFactsTable(ctx, summary);
  flow.moveDown(template.spacing.afterInfoTable);
  drawSectionChart(ctx, summary.sections);
  // 前提 (a short, fixed-size table) before the action plan: the plan is the one part that can run long,
  // so whatever continues onto the next page is more of the plan, never a stray row above the 前提 table.
  if (summary.scope.length > 0) drawScope(ctx, summary);
  const plan = layoutActionPlan(ctx, summary);
  const headingHeight = layoutText(ctx.text(texts.actionPlanHeading), ctx.style('heading', { bold: true }), ctx.flow.width).height;
  const needed = template.spacing.beforeSection + headingHeight + template.spacing.afterHeading + plan.height;
  if (needed <= ctx.flow.remaining) {
    plan.draw();
    return undefined;
  }
  const pointer = layoutText(ctx.text(texts.actionPlanAfterForm, { count: summary.actionPlan.length }), ctx.style('body'), ctx.flow.width);
  heading(ctx, ctx.text(texts.actionPlanHeading), pointer.height);
  flowTextBlock(ctx.flow, pointer);
  return () => plan.draw();
}

function labelCell(ctx: ChecklistPdfContext, text: string): TableCell {
  return { content: [{ text, style: ctx.style('body') }], fill: ctx.template.colors.labelFill, valign: 'middle' };
}

function drawFactsTable(ctx: ChecklistPdfContext, summary: ChecklistSummary): void {
  const { flow, template, input } = ctx;
  const t = template.texts;
  const value = (text: string): TableCell => ({ content: [{ text, style: ctx.style('body') }], valign: 'middle' });
  const compliance: TableCell = {
    span: 3,
    content: [
      { text: `${checkBox(summary.compliant)} ${ctx.text(t.summary.compliant)}`, style: ctx.style('body', { bold: summary.compliant }) },
      { text: `${checkBox(!summary.compliant)} ${ctx.text(t.summary.notCompliant)}`, style: ctx.style('body', { bold: !summary.compliant }) },
      { text: ctx.text(t.summary.totals, { ...summary.totals }), style: ctx.style('body'), gapBefore: 3 },
      { text: ctx.text(t.summary.complianceRule), style: ctx.style('reason', { color: template.colors.muted }), gapBefore: 2 },
    ],
  };
  const { label } = template.infoTable.columns;
  const dateWidth = template.summary.factsValueColumn;
  drawTable(
    flow,
    layoutTable({
      style: ctx.tableStyle([label, flow.width - 2 * label - dateWidth, label, dateWidth]),
      rows: [
        {
          label: 'facility',
          cells: [
            labelCell(ctx, ctx.text(t.facility)),
            value(input.facilityName),
            labelCell(ctx, ctx.text(t.lastUpdated)),
            value(formatReportDate(input.updatedOn, ctx.locale)),
          ],
        },
        {
          label: 'respondent',
          cells: [
            labelCell(ctx, ctx.text(t.respondent)),
            value(input.respondentName),
            labelCell(ctx, ctx.text(t.assessmentId)),
            value(input.assessmentId),
          ],
        },
        { label: 'compliance', cells: [labelCell(ctx, ctx.text(t.summary.complianceLabel)), compliance] },
      ],
    }),
  );
}

function heading(ctx: ChecklistPdfContext, text: string, keepWith: number): void {
  const { flow, template } = ctx;
  if (!flow.atPageTop) flow.moveDown(template.spacing.beforeSection);
  flowTextBlock(flow, layoutText(text, ctx.style('heading', { bold: true }), flow.width), template.spacing.afterHeading + keepWith);
  flow.moveDown(template.spacing.afterHeading);
}

/** The 前提 answers as question | answer rows; the heading says what they are, so no header row. */
function drawScope(ctx: ChecklistPdfContext, summary: ChecklistSummary): void {
  const { flow, template } = ctx;
  const t = template.texts.summary;
  const answerWidth = template.infoTable.columns.label + template.infoTable.columns.sublabel;
  const table = layoutTable({
    style: ctx.tableStyle([flow.width - answerWidth, answerWidth]),
    rows: summary.scope.map((s) => ({
      label: s.itemId,
      cells: [
        { content: [{ text: s.question, style: ctx.style('body') }], fill: template.colors.labelFill },
        { content: [{ text: s.answer ?? ctx.text(t.unansweredScope), style: ctx.style('body') }], valign: 'middle' },
      ],
    })),
  });
  heading(ctx, ctx.text(t.scopeHeading), tableStartHeight(table));
  drawTable(flow, table);
}

function drawSectionChart(ctx: ChecklistPdfContext, sections: SectionSummary[]): void {
  const { flow, template } = ctx;
  const { labelColumn, countsColumn, barHeight, rowGap, columnGap } = template.summary;
  const t = template.texts.summary;
  const colors = template.colors;
  const barX = flow.left + labelColumn + columnGap;
  const barWidth = flow.width - labelColumn - countsColumn - 2 * columnGap;
  const countsX = barX + barWidth + columnGap;
  const small = ctx.style('reason', { color: colors.muted });
  const body = ctx.style('body');

  const legendHeight = small.size * small.lineHeight;
  const rows = sections.map((s) => ({
    section: s,
    label: layoutText(s.title, body, labelColumn),
    counts: layoutText(ctx.text(t.sectionCounts, { ...s }), body, countsColumn),
  }));
  const rowHeight = (r: (typeof rows)[number]) => Math.max(r.label.height, r.counts.height, barHeight) + rowGap;

  heading(ctx, ctx.text(t.sectionsHeading), legendHeight + rowGap + (rows[0] ? rowHeight(rows[0]) : 0));
  drawLegend(ctx, barX + barWidth, countsX);
  for (const r of rows) {
    const height = rowHeight(r);
    flow.ensure(height);
    const top = flow.y;
    const lineBox = body.size * body.lineHeight;
    drawTextBlock(flow.page, r.label, flow.left, top);
    drawStackedBar(flow.page, {
      x: barX,
      y: top - (lineBox + barHeight) / 2,
      width: barWidth,
      height: barHeight,
      segments: STATUSES.map((status) => ({ value: r.section[status], color: colors[status] })),
      outline: { color: template.rule.color, width: template.rule.width / 2 },
    });
    drawTextBlock(flow.page, r.counts, countsX, top);
    flow.moveDown(height);
  }
}

/** Colour keys above the bars (ending at their right edge), and what the numbers right of them count. */
function drawLegend(ctx: ChecklistPdfContext, barRight: number, countsX: number): void {
  const { flow, template } = ctx;
  const t = template.texts.summary;
  const small = ctx.style('reason', { color: template.colors.muted });
  const lineBox = small.size * small.lineHeight;
  flow.ensure(lineBox + template.summary.rowGap);
  const swatch = small.size * 0.9;
  const gap = 2;
  const spacing = 8;
  const keys = STATUSES.map((status) => {
    const label = ctx.text(t.legend[status]);
    return { status, label, width: swatch + gap + small.font.widthOf(label, small.size) };
  });
  const total = keys.reduce((w, k) => w + k.width, 0) + spacing * (keys.length - 1);
  let x = Math.max(flow.left, barRight - total);
  for (const key of keys) {
    flow.page.drawRectangle({
      x,
      y: flow.y - (lineBox + swatch) / 2,
      width: swatch,
      height: swatch,
      color: template.colors[key.status],
      borderColor: template.rule.color,
      borderWidth: template.rule.width / 2,
    });
    drawTextBlock(flow.page, layoutText(key.label, small, key.width), x + swatch + gap, flow.y);
    x += key.width + spacing;
  }
  drawTextBlock(flow.page, layoutText(ctx.text(t.sectionCountsHeading), small, template.summary.countsColumn), countsX, flow.y);
  flow.moveDown(lineBox + template.summary.rowGap);
}

/** The action plan laid out: its height (without the heading) and how to draw it where the flow is. */
function layoutActionPlan(ctx: ChecklistPdfContext, summary: ChecklistSummary): { height: number; draw: () => void } {
  const { flow, template } = ctx;
  const t = template.texts.summary;
  const cols = template.summary.actionPlanColumns;
  if (summary.actionPlan.length === 0) {
    const none = layoutText(ctx.text(t.noActionPlan), ctx.style('body'), flow.width);
    return {
      height: none.height,
      draw: () => {
        heading(ctx, ctx.text(t.actionPlanHeading), none.height);
        flowTextBlock(flow, none);
      },
    };
  }
  const headerCell = (text: string): TableCell => ({
    content: [{ text, style: ctx.style('tableHeader', { bold: true, align: 'center' }) }],
    fill: template.colors.headerFill,
    valign: 'middle',
  });
  const cell = (text: string, align: 'left' | 'center' = 'left'): TableCell => ({
    content: [{ text, style: ctx.style('body', { align }) }],
  });
  const itemSentence = (entry: ChecklistSummary['actionPlan'][number]) =>
    firstSentence(ctx.text(findItem(ctx.input.flow, entry.itemId)?.item.text ?? { ja: entry.shortText }));
  const table = layoutTable({
    style: ctx.tableStyle([cols.date, cols.section, cols.number, flow.width - cols.date - cols.section - cols.number]),
    header: {
      label: 'action plan header',
      cells: [t.actionPlanColumns.date, t.actionPlanColumns.section, t.actionPlanColumns.number, t.actionPlanColumns.item].map((c) =>
        headerCell(ctx.text(c)),
      ),
    },
    rows: summary.actionPlan.map((entry) => ({
      label: entry.itemId,
      cells: [
        cell(formatReportDate(entry.date, ctx.locale), 'center'),
        cell(entry.sectionTitle),
        cell(entry.number, 'center'),
        // The whole first sentence, wrapped in its cell: a cut text (「ウェアラブ…」) cannot be recognised.
        entry.story
          ? {
              content: [
                { text: itemSentence(entry), style: ctx.style('body') },
                { text: entry.story, style: ctx.style('reason', { color: template.colors.muted }) },
              ],
            }
          : cell(itemSentence(entry)),
      ],
    })),
  });
  return {
    height: (table.header?.height ?? 0) + table.rows.reduce((sum, row) => sum + row.height, 0),
    draw: () => {
      heading(ctx, ctx.text(t.actionPlanHeading), tableStartHeight(table));
      drawTable(flow, table);
    },
  };
}
