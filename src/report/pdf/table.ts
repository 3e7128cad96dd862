// Ruled tables laid out in two steps: `layoutTable` wraps every cell and fixes row heights, `drawTable`
// places rows on pages. A row is never split: when it does not fit, it moves to a new page and the
// header row is drawn again above it.
import type { RGB } from 'pdf-lib';
import { RowTooTallError } from '../errors.ts';
import type { PageFlow } from './page-flow.ts';
import { drawTextBlock, layoutText, type TextBlock, type TextBlockOptions, type TextStyle } from './text-block.ts';

export interface CellParagraph {
  text: string;
  style: TextStyle;
  options?: TextBlockOptions;
  /** Extra space above this paragraph when it follows another in the same cell. */
  gapBefore?: number;
}

export interface TableCell {
  content: CellParagraph[];
  /** Number of columns the cell covers. */
  span?: number;
  fill?: RGB;
  valign?: 'top' | 'middle';
}

export interface TableRow {
  cells: TableCell[];
  /** Names the row in errors ("technical.15"). */
  label: string;
  minHeight?: number;
}

export interface TableStyle {
  columnWidths: number[];
  padding: { x: number; y: number };
  rule: { color: RGB; width: number };
}

export interface TableSpec {
  style: TableStyle;
  header?: TableRow;
  rows: TableRow[];
}

interface LaidOutCell {
  x: number;
  width: number;
  blocks: { block: TextBlock; gapBefore: number }[];
  contentHeight: number;
  fill?: RGB;
  valign: 'top' | 'middle';
}

export interface LaidOutRow {
  label: string;
  height: number;
  cells: LaidOutCell[];
}

export interface LaidOutTable {
  style: TableStyle;
  header?: LaidOutRow;
  rows: LaidOutRow[];
}

export function layoutTable(spec: TableSpec): LaidOutTable {
  return {
    style: spec.style,
    header: spec.header && layoutRow(spec.header, spec.style),
    rows: spec.rows.map((row) => layoutRow(row, spec.style)),
  };
}

function layoutRow(row: TableRow, style: TableStyle): LaidOutRow {
  const { columnWidths, padding } = style;
  let column = 0;
  let x = 0;
  const cells = row.cells.map((cell): LaidOutCell => {
    const span = cell.span ?? 1;
    const widths = columnWidths.slice(column, column + span);
    if (widths.length !== span) throw new Error(`Row "${row.label}" has more cells than the table has columns`);
    const width = widths.reduce((a, b) => a + b, 0);
    const blocks = cell.content.map((p, i) => ({
      block: layoutText(p.text, p.style, width - 2 * padding.x, p.options),
      gapBefore: i === 0 ? 0 : (p.gapBefore ?? 0),
    }));
    const laidOut: LaidOutCell = {
      x,
      width,
      blocks,
      contentHeight: blocks.reduce((h, b) => h + b.gapBefore + b.block.height, 0),
      fill: cell.fill,
      valign: cell.valign ?? 'top',
    };
    column += span;
    x += width;
    return laidOut;
  });
  const contentHeight = Math.max(0, ...cells.map((c) => c.contentHeight));
  return { label: row.label, cells, height: Math.max(row.minHeight ?? 0, contentHeight + 2 * padding.y) };
}

/** Room needed to start the table: its header and first row (so a heading above can keep with them). */
export function tableStartHeight(table: LaidOutTable): number {
  return (table.header?.height ?? 0) + (table.rows[0]?.height ?? 0);
}

export function drawTable(flow: PageFlow, table: LaidOutTable): void {
  const headerHeight = table.header?.height ?? 0;
  table.rows.forEach((row, i) => {
    if (row.height + headerHeight > flow.bodyHeight)
      throw new RowTooTallError(row.label, row.height + headerHeight, flow.bodyHeight);
    const startsTable = i === 0;
    const needed = row.height + (startsTable ? headerHeight : 0);
    if (flow.ensure(needed) || startsTable) {
      if (table.header) drawRow(flow, table.header, table.style);
    }
    drawRow(flow, row, table.style);
  });
}

function drawRow(flow: PageFlow, row: LaidOutRow, style: TableStyle): void {
  const top = flow.y;
  for (const cell of row.cells) {
    flow.page.drawRectangle({
      x: flow.left + cell.x,
      y: top - row.height,
      width: cell.width,
      height: row.height,
      color: cell.fill,
      borderColor: style.rule.color,
      borderWidth: style.rule.width,
    });
    const slack = row.height - 2 * style.padding.y - cell.contentHeight;
    let y = top - style.padding.y - (cell.valign === 'middle' ? slack / 2 : 0);
    for (const { block, gapBefore } of cell.blocks) {
      y -= gapBefore;
      drawTextBlock(flow.page, block, flow.left + cell.x + style.padding.x, y);
      y -= block.height;
    }
  }
  flow.moveDown(row.height);
}
