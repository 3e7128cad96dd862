// One section of the form: its title, the No | チェック項目 | 実施済 | 実施予定(実施時期) table with the
// answers marked ■/□, and the section's notes (注) underneath.
import { itemNotes, type ItemRef } from '../../flow/model.ts';
import type { SectionDef } from '../../flow/schema.ts';
import { itemState, type ItemState } from '../checklist-rows.ts';
import { formatReportDate } from '../localize.ts';
import { checkBox } from '../pdf/check-mark.ts';
import { planStoryText } from '../plan-story.ts';
import { flowTextBlock } from '../pdf/flow-text.ts';
import { drawTable, layoutTable, tableStartHeight, type TableCell, type TableRow } from '../pdf/table.ts';
import { layoutText } from '../pdf/text-block.ts';
import type { ChecklistPdfContext } from './context.ts';

/** Room left blank inside 実施予定( ) when there is no date, like the printed form. */
const NO_DATE = '　　　　';

export function drawSection(ctx: ChecklistPdfContext, section: SectionDef, refs: ItemRef[]): void {
  const { flow, template } = ctx;
  const columns = template.checklistTable.columns;
  const widths = [columns.number, flow.width - columns.number - columns.done - columns.planned, columns.done, columns.planned];
  const table = layoutTable({
    style: ctx.tableStyle(widths),
    header: headerRow(ctx),
    rows: refs.map((ref) => itemRow(ctx, ref)),
  });

  if (!flow.atPageTop) flow.moveDown(template.spacing.beforeSection);
  const heading = layoutText(ctx.text(section.title), ctx.style('heading', { bold: true }), flow.width);
  flowTextBlock(flow, heading, template.spacing.afterHeading + tableStartHeight(table));
  flow.moveDown(template.spacing.afterHeading);
  drawTable(flow, table);
  drawNotes(ctx, section);
}

function headerRow(ctx: ChecklistPdfContext): TableRow {
  const { columns } = ctx.template.texts;
  const cell = (text: string): TableCell => ({
    content: [{ text, style: ctx.style('tableHeader', { bold: true, align: 'center' }) }],
    fill: ctx.template.colors.headerFill,
    valign: 'middle',
  });
  return {
    label: 'header',
    cells: [cell(ctx.text(columns.number)), cell(ctx.text(columns.item)), cell(ctx.text(columns.done)), cell(ctx.text(columns.planned))],
  };
}

function itemRow(ctx: ChecklistPdfContext, ref: ItemRef): TableRow {
  const { texts } = ctx.template;
  const noteIds = itemNotes(ref.section, ref.item).map((n) => n.id);
  const itemText =
    ctx.text(ref.item.text) + (noteIds.length ? ctx.text(texts.noteReference, { notes: noteIds.join('・') }) : '');
  return {
    label: ref.item.id,
    cells: [
      { content: [{ text: ref.item.number ?? '', style: ctx.style('body', { align: 'center' }) }] },
      { content: itemContent(ctx, ref.item.id, itemText) },
      ...statusCells(ctx, itemState(ref, ctx.input.answers)),
    ],
  };
}

/** The item's text, and under it the story of a 実施予定 item followed up after 提出. */
function itemContent(ctx: ChecklistPdfContext, itemId: string, itemText: string): TableCell['content'] {
  const story = ctx.input.planStories?.[itemId];
  const content = [{ text: itemText, style: ctx.style('body') }];
  if (story) content.push({ text: planStoryText(story, ctx.locale), style: ctx.style('reason', { color: ctx.template.colors.muted }) });
  return content;
}

/** The 実施済 and 実施予定 cells; 該当なし spans both, so it can never be read as 実施済. */
function statusCells(ctx: ChecklistPdfContext, state: ItemState): TableCell[] {
  const { texts, colors } = ctx.template;
  const mark = ctx.style('checkMark', { align: 'center' });
  if (state.status === 'na') {
    const content = [{ text: ctx.text(texts.notApplicable), style: ctx.style('body', { align: 'center' }) }];
    const reason = state.reason && withoutLabel(ctx.text(state.reason), ctx.text(texts.notApplicable));
    if (reason)
      content.push({
        text: ctx.text(texts.notApplicableReason, { reason }),
        style: ctx.style('reason', { align: 'center', color: colors.muted }),
      });
    return [{ content, span: 2, fill: colors.notApplicableFill, valign: 'middle' }];
  }
  const date = state.status === 'planned' ? formatReportDate(state.date, ctx.locale) : NO_DATE;
  return [
    { content: [{ text: checkBox(state.status === 'done'), style: mark }], valign: 'middle' },
    {
      content: [{ text: `${checkBox(state.status === 'planned')} ${ctx.text(texts.plannedDate, { date })}`, style: mark }],
      valign: 'middle',
    },
  ];
}

/**
 * Gate reasons read 「…ため該当なし」 / "Not applicable: …"; under the 該当なし label the word would print
 * twice, so it is dropped from the reason (the CSV and JSON keep the reason as recorded).
 */
function withoutLabel(reason: string, label: string): string {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return reason
    .replace(new RegExp(`^${escaped}\\s*[:：、。]?\\s*`, 'i'), '')
    .replace(new RegExp(`\\s*[:：、。]?\\s*${escaped}[。.]?$`, 'i'), '')
    .trim();
}

function drawNotes(ctx: ChecklistPdfContext, section: SectionDef): void {
  const { flow, template } = ctx;
  if (section.notes.length === 0) return;
  flow.moveDown(template.spacing.beforeNotes);
  for (const note of section.notes) {
    const text = ctx.text(template.texts.note, { id: note.id, text: ctx.text(note.text) });
    flowTextBlock(flow, layoutText(text, ctx.style('note'), flow.width));
    flow.moveDown(template.spacing.betweenNotes);
  }
}
