// A grid field (rows × columns) as the form prints it: a ruled table with the form's header rows and, when
// the template asks, a row of column sums; or, for small grids, one line per row in the value column
// (「動機付け 年間 31人 1日当たり 人」).
import type { ItemRef } from '../../flow/model.ts';
import type { AnswerSpec } from '../../flow/schema.ts';
import { localize } from '../localize.ts';
import type { TableCell, TableRow } from '../pdf/table.ts';
import { scaleWidths } from '../relative-widths.ts';
import type { FormPdfContext } from './context.ts';
import { formatNumber, gridCellText } from './field-text.ts';
import { checkHeaderWidth, headerCell, headerRows } from './header-rows.ts';

type GridSpec = Extract<AnswerSpec, { type: 'grid' }>;

export function gridSpec(ref: ItemRef): GridSpec {
  const spec = ref.item.answer;
  if (spec.type !== 'grid') throw new Error(`Item "${ref.item.id}" is not a grid`);
  return spec;
}

function cellsOf(ctx: FormPdfContext, itemId: string) {
  const answer = ctx.answers[itemId];
  return answer?.kind === 'grid' ? answer.cells : {};
}

export interface GridTable {
  widths: number[];
  rows: TableRow[];
}

export function gridTable(ctx: FormPdfContext, ref: ItemRef): GridTable {
  const spec = gridSpec(ref);
  const layout = ctx.template.items[ref.item.id] ?? {};
  const cells = cellsOf(ctx, ref.item.id);
  const columns = spec.columns.length + 1;
  const width = ctx.flow.width;
  const labelWidth = Math.min(ctx.template.columns.label, width / 3);
  const widths = layout.widths
    ? scaleWidths(layout.widths, width)
    : [labelWidth, ...spec.columns.map(() => (width - labelWidth) / spec.columns.length)];
  if (widths.length !== columns)
    throw new Error(`widths of "${ref.item.id}" in the template list ${widths.length} columns; the grid has ${columns} (row labels + ${spec.columns.length})`);

  const header = layout.header ?? [[{ span: 1 }, ...spec.columns.map((c) => ({ text: c.label, span: 1 }))]];
  checkHeaderWidth(header, columns, ref.item.id);
  const valueStyle = (kind: string) => ctx.style('body', { align: kind === 'text' ? 'left' : 'center' });
  const labelCell = (text: string): TableCell => ({
    content: [{ text, style: ctx.style('label') }],
    fill: ctx.template.colors.labelFill,
    valign: 'middle',
  });

  const body: TableRow[] = spec.rows.map((row) => ({
    label: `${ref.item.id}.${row.id}`,
    cells: [
      labelCell(localize(row.label, ctx.locale)),
      ...spec.columns.map((col): TableCell => ({
        content: [{ text: gridCellText(spec.cell, cells[row.id]?.[col.id], ctx.locale), style: valueStyle(spec.cell.kind) }],
        valign: 'middle',
      })),
    ],
  }));

  if (layout.total && spec.cell.kind === 'number') {
    const counted = spec.rows.filter((r) => !layout.total!.excludeRows.includes(r.id));
    const unit = spec.cell.unit ? localize(spec.cell.unit, ctx.locale) : '';
    body.push({
      label: `${ref.item.id} total`,
      cells: [
        headerCell(ctx, ctx.text(layout.total.label)),
        ...spec.columns.map((col): TableCell => {
          const values = counted.map((r) => cells[r.id]?.[col.id]).filter((v): v is number => typeof v === 'number');
          const sum = values.reduce((a, b) => a + b, 0);
          return {
            content: [{ text: values.length ? formatNumber(sum, ctx.locale) + unit : unit, style: ctx.style('body', { bold: true, align: 'center' }) }],
            valign: 'middle',
          };
        }),
      ],
    });
  }
  return { widths, rows: [...headerRows(ctx, header, ref.item.id), ...body] };
}

/**
 * One line per row: the row label, then each column's label and value. A single column needs no column
 * label, and a single row no row label (the field's label already names it).
 */
export function gridLines(ctx: FormPdfContext, ref: ItemRef): string {
  const spec = gridSpec(ref);
  const cells = cellsOf(ctx, ref.item.id);
  const sep = ctx.template.texts.optionSeparator;
  return spec.rows
    .map((row) => {
      const values = spec.columns.map((col) => {
        const value = gridCellText(spec.cell, cells[row.id]?.[col.id], ctx.locale);
        return spec.columns.length > 1 ? `${localize(col.label, ctx.locale)} ${value}` : value;
      });
      return spec.rows.length > 1 ? `${localize(row.label, ctx.locale)}${sep}${values.join(sep)}` : values.join(sep);
    })
    .join('\n');
}
