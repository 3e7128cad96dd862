// One section of the form: a shaded band with its title, then its fields as label | value rows, grids and
// grouped grids as tables of their own (drawn flush, so the section reads as one table), then its 注.
import { findItem, type ItemRef } from '../../flow/model.ts';
import type { SectionDef } from '../../flow/schema.ts';
import type { DerivedLayout, MatrixLayout } from '../form-template.ts';
import { localize } from '../localize.ts';
import { flowTextBlock } from '../pdf/flow-text.ts';
import { drawTable, layoutTable, type LaidOutTable, type TableCell, type TableRow } from '../pdf/table.ts';
import { layoutText } from '../pdf/text-block.ts';
import type { FormPdfContext } from './context.ts';
import { derivedContent } from './derived-row.ts';
import { fieldText, plainValue, type InsideDetail } from './field-text.ts';
import { gridLines, gridTable } from './grid-table.ts';
import { matrixTable } from './matrix-table.ts';

interface Block {
  widths: number[];
  rows: TableRow[];
  /** Keep the whole block on one page when it fits (grids read badly split). */
  keepTogether: boolean;
}

export function drawFormSection(ctx: FormPdfContext, section: SectionDef): void {
  const { flow, template } = ctx;
  const blocks = sectionBlocks(ctx, section);
  if (blocks.length === 0) return;
  const title = template.sections[section.id]?.title ?? section.title;
  const band = layoutTable({
    style: ctx.tableStyle([flow.width]),
    rows: [
      {
        label: `${section.id} title`,
        cells: [{ content: [{ text: ctx.text(title), style: ctx.style('section', { bold: true }) }], fill: template.colors.sectionFill, valign: 'middle' }],
      },
    ],
  });
  const tables = blocks.map((b) => ({ block: b, table: layoutTable({ style: ctx.tableStyle(b.widths), rows: b.rows }) }));

  if (!flow.atPageTop) flow.moveDown(template.spacing.beforeSection);
  flow.ensure(band.rows[0]!.height + startHeight(tables[0]!.table, tables[0]!.block.keepTogether, flow.bodyHeight));
  drawTable(flow, band);
  for (const { block, table } of tables) {
    flow.ensure(startHeight(table, block.keepTogether, flow.bodyHeight));
    drawTable(flow, table);
  }
  drawSectionNotes(ctx, section);
}

function startHeight(table: LaidOutTable, keepTogether: boolean, pageHeight: number): number {
  const total = table.rows.reduce((h, r) => h + r.height, 0);
  return keepTogether && total <= pageHeight ? total : (table.rows[0]?.height ?? 0);
}

function sectionBlocks(ctx: FormPdfContext, section: SectionDef): Block[] {
  const { template, flow } = ctx;
  const labelWidth = Math.min(template.columns.label, flow.width / 3);
  const fieldWidths = [labelWidth, flow.width - labelWidth];
  const matrixOf = new Map<string, MatrixLayout>();
  for (const m of template.matrices) for (const id of m.items) matrixOf.set(id, m);
  // Printed elsewhere: inside another field, or (the 最終更新日 item) in the 更新情報 box.
  const printedInside = new Set(Object.entries(template.items).filter(([, l]) => l.printInside).map(([id]) => id));
  if (template.lastUpdatedItem) printedInside.add(template.lastUpdatedItem);

  const blocks: Block[] = [];
  let fields: TableRow[] = [];
  const closeFields = () => {
    if (fields.length) blocks.push({ widths: fieldWidths, rows: fields, keepTogether: false });
    fields = [];
  };
  const derivedAfter = (itemId: string) =>
    template.derived.filter((d) => d.after === itemId).forEach((d) => fields.push(derivedRow(ctx, d)));

  section.items.forEach((item) => {
    const ref = findItem(ctx.input.flow, item.id)!;
    const layout = template.items[item.id] ?? {};
    if (printedInside.has(item.id)) return derivedAfter(item.id);
    const matrix = matrixOf.get(item.id);
    if (matrix) {
      if (matrix.items[0] === item.id) {
        closeFields();
        const table = matrixTable(ctx, matrix);
        blocks.push({ ...table, keepTogether: true });
      }
      return derivedAfter(item.id);
    }
    if (item.answer.type === 'grid' && (layout.layout ?? 'table') === 'table') {
      closeFields();
      const table = gridTable(ctx, ref);
      const rows = layout.labelRow === false ? table.rows : [labelRowSpanning(ctx, ref, table.widths.length), ...table.rows];
      blocks.push({ widths: table.widths, rows, keepTogether: true });
      return derivedAfter(item.id);
    }
    const value = item.answer.type === 'grid' ? gridLines(ctx, ref) : fieldText(ctx, ref, insideDetails(ctx, item.id));
    fields.push({ label: item.id, cells: [labelCell(ctx, ref), valueCell(ctx, value)] });
    derivedAfter(item.id);
  });
  closeFields();
  return blocks;
}

/** The item's printed label with the 注 it cites: 「機関名注1)注2)」. */
export function fieldLabel(ctx: FormPdfContext, ref: ItemRef): string {
  const label = ctx.template.items[ref.item.id]?.label ?? ref.item.text;
  const marks = ref.item.notes.map((id) => ctx.text(ctx.template.texts.noteMark, { id })).join('');
  return ctx.text(label) + marks;
}

function labelCell(ctx: FormPdfContext, ref: ItemRef, span = 1): TableCell {
  return { content: [{ text: fieldLabel(ctx, ref), style: ctx.style('label') }], fill: ctx.template.colors.labelFill, valign: 'middle', span };
}

function valueCell(ctx: FormPdfContext, text: string): TableCell {
  return { content: [{ text, style: ctx.style('body') }], valign: 'middle' };
}

function labelRowSpanning(ctx: FormPdfContext, ref: ItemRef, columns: number): TableRow {
  return { label: `${ref.item.id} label`, cells: [labelCell(ctx, ref, columns)] };
}

function derivedRow(ctx: FormPdfContext, derived: DerivedLayout): TableRow {
  const label = { content: [{ text: ctx.text(derived.label), style: ctx.style('label') }], fill: ctx.template.colors.labelFill, valign: 'middle' as const };
  return { label: `derived ${derived.related}`, cells: [label, { content: derivedContent(ctx, derived), valign: 'middle' }] };
}

/** Answers of the fields the template prints inside `itemId`, formatted. */
function insideDetails(ctx: FormPdfContext, itemId: string): InsideDetail[] {
  return Object.entries(ctx.template.items).flatMap(([id, layout]): InsideDetail[] => {
    const inside = layout.printInside;
    if (!inside || inside.item !== itemId) return [];
    const ref = findItem(ctx.input.flow, id)!;
    const value = plainValue(ref.item.answer, ctx.answers[id], ctx.locale);
    const text = value !== undefined ? ctx.text(inside.format, { value }) : inside.empty ? ctx.text(inside.empty) : '';
    return [{ option: inside.option, text }];
  });
}

function drawSectionNotes(ctx: FormPdfContext, section: SectionDef): void {
  const { flow, template } = ctx;
  const remark = template.sections[section.id]?.remark;
  const lines = [
    ...(remark ? [ctx.text(remark)] : []),
    ...section.notes.map((note) => ctx.text(template.texts.note, { id: note.id, text: localize(note.text, ctx.locale) })),
  ];
  if (lines.length === 0) return;
  flow.moveDown(template.spacing.beforeNotes);
  for (const line of lines) {
    flowTextBlock(flow, layoutText(line, ctx.style('note'), flow.width));
    flow.moveDown(template.spacing.betweenNotes);
  }
}
