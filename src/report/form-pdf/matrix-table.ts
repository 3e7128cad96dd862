// Several check grids printed as one table, as the form's 「保健指導の実施体制」: a row per profession (every row
// any of the grids has), a column per grid, and in each cell that grid's checks for the row (■常勤 □非常勤 …).
// A grid without the row leaves its cell empty, as on the form.
import { findItem } from '../../flow/model.ts';
import { localize } from '../localize.ts';
import type { TableCell, TableRow } from '../pdf/table.ts';
import type { MatrixLayout } from '../form-template.ts';
import { scaleWidths } from '../relative-widths.ts';
import type { FormPdfContext } from './context.ts';
import { choiceText } from './field-text.ts';
import { gridSpec, type GridTable } from './grid-table.ts';
import { checkHeaderWidth, headerRows } from './header-rows.ts';

export function matrixTable(ctx: FormPdfContext, matrix: MatrixLayout): GridTable {
  const grids = matrix.items.map((id) => {
    const ref = findItem(ctx.input.flow, id)!;
    const answer = ctx.answers[id];
    return { id, spec: gridSpec(ref), cells: answer?.kind === 'grid' ? answer.cells : {} };
  });
  const rows = new Map<string, string>();
  for (const g of grids) for (const r of g.spec.rows) if (!rows.has(r.id)) rows.set(r.id, localize(r.label, ctx.locale));

  const columns = grids.length + 1;
  const width = ctx.flow.width;
  const widths = matrix.widths
    ? scaleWidths(matrix.widths, width)
    : [ctx.template.columns.label, ...grids.map(() => (width - ctx.template.columns.label) / grids.length)];
  const label = matrix.items.join(' + ');
  if (widths.length !== columns) throw new Error(`widths of matrix "${label}" list ${widths.length} columns; it has ${columns}`);
  checkHeaderWidth(matrix.header, columns, label);

  const body: TableRow[] = [...rows].map(([rowId, rowLabel]) => ({
    label: `${label}.${rowId}`,
    cells: [
      { content: [{ text: rowLabel, style: ctx.style('label') }], fill: ctx.template.colors.labelFill, valign: 'middle' },
      ...grids.map((g): TableCell => {
        if (!g.spec.rows.some((r) => r.id === rowId)) return { content: [] };
        const text = choiceText(
          ctx,
          g.spec.columns.map((c) => ({ label: localize(c.label, ctx.locale), checked: g.cells[rowId]?.[c.id] === true })),
          true,
        );
        return { content: [{ text, style: ctx.style('body') }], valign: 'middle' };
      }),
    ],
  }));
  return { widths, rows: [...headerRows(ctx, matrix.header, label), ...body] };
}
