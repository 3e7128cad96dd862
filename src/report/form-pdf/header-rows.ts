// Header rows of a form table (several levels, cells spanning columns), as the paper form draws them.
import type { HeaderRows } from '../form-template.ts';
import type { TableCell, TableRow } from '../pdf/table.ts';
import type { FormPdfContext } from './context.ts';

export function headerCell(ctx: FormPdfContext, text: string, span = 1): TableCell {
  return {
    content: [{ text, style: ctx.style('small', { bold: true, align: 'center' }) }],
    fill: ctx.template.colors.headerFill,
    valign: 'middle',
    span,
  };
}

export function headerRows(ctx: FormPdfContext, rows: HeaderRows, label: string): TableRow[] {
  return rows.map((cells, i) => ({
    label: `${label} header ${i + 1}`,
    cells: cells.map((c) => headerCell(ctx, c.text ? ctx.text(c.text) : '', c.span)),
  }));
}

/** Checks that each header row covers exactly the table's columns, naming the table when it does not. */
export function checkHeaderWidth(rows: HeaderRows, columns: number, label: string): void {
  rows.forEach((cells, i) => {
    const covered = cells.reduce((n, c) => n + c.span, 0);
    if (covered !== columns)
      throw new Error(`Header row ${i + 1} of "${label}" covers ${covered} columns, but the table has ${columns}; fix its spans in the template`);
  });
}
