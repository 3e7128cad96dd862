// Ruled tables laid out in two steps: `layoutTable` wraps every cell and fixes row heights, `drawTable`
// places rows on pages. A row that fits on a page is never split: when it does not fit, it moves to a new
// page and the header row is drawn again above it. A row taller than a whole page (a very long answer) is
// split between lines across pages, each part ending with 「（続く）」, so every accepted answer prints.
import type { RGB } from 'pdf-lib';
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
  /** Printed at the foot of each part of a row split across pages; default 「（続く）」. */
  continued?: string;
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
  const header = () => table.header && drawRow(flow, table.header, table.style);
  table.rows.forEach((row, i) => {
    const startsTable = i === 0;
    if (row.height + headerHeight <= flow.bodyHeight) {
      const needed = row.height + (startsTable ? headerHeight : 0);
      if (flow.ensure(needed) || startsTable) header();
      drawRow(flow, row, table.style);
      return;
    }
    // Taller than a page: start it here when a useful slice fits, and continue it page after page.
    const slice = 2 * table.style.padding.y + MIN_SLICE_LINES * firstLinePitch(row);
    if (flow.ensure(slice + (startsTable ? headerHeight : 0)) || startsTable) header();
    let rest = row;
    while (rest.height > flow.remaining + 0.01) {
      const [part, next] = splitRow(rest, flow.remaining, table.style);
      drawRow(flow, part, table.style);
      rest = next;
      flow.newPage();
      header();
    }
    drawRow(flow, rest, table.style);
  });
}

/** A row split across pages starts with at least this many lines on the first page. */
const MIN_SLICE_LINES = 3;

function firstLinePitch(row: LaidOutRow): number {
  const style = row.cells.flatMap((c) => c.blocks)[0]?.block.style;
  return style ? style.size * style.lineHeight : 12;
}

/**
 * The part of `row` that fits in `height` (every cell cut between lines, with the continuation mark where
 * text goes on) and the rest. Each part takes at least one line of every cell that has text left, so the
 * split always moves on.
 */
function splitRow(row: LaidOutRow, height: number, style: TableStyle): [LaidOutRow, LaidOutRow] {
  const mark = style.continued ?? '（続く）';
  const room = height - 2 * style.padding.y;
  const firsts: LaidOutCell[] = [];
  const rests: LaidOutCell[] = [];
  for (const cell of row.cells) {
    const lastStyle = cell.blocks.at(-1)?.block.style;
    const markBlock = lastStyle && layoutText(mark, { ...lastStyle, align: 'right' }, cell.width - 2 * style.padding.x);
    const markHeight = markBlock?.height ?? 0;
    const taken: LaidOutCell['blocks'] = [];
    const left: LaidOutCell['blocks'] = [];
    let used = 0;
    let full = false;
    for (const { block, gapBefore } of cell.blocks) {
      const pitch = block.style.size * block.style.lineHeight;
      const gap = taken.length ? gapBefore : 0;
      let n = 0;
      if (!full) {
        const fits = Math.floor((room - markHeight - used - gap + 0.01) / pitch);
        n = Math.max(0, Math.min(block.lines.length, fits));
        if (n === 0 && taken.length === 0) n = Math.min(1, block.lines.length); // always move on
        if (n < block.lines.length) full = true;
      }
      if (n > 0) {
        taken.push({ block: { ...block, lines: block.lines.slice(0, n), height: n * pitch }, gapBefore: gap });
        used += gap + n * pitch;
      }
      if (n < block.lines.length) {
        const lines = block.lines.slice(n);
        left.push({ block: { ...block, lines, height: lines.length * pitch }, gapBefore: n > 0 ? 0 : gapBefore });
      }
    }
    if (left.length && markBlock) {
      taken.push({ block: markBlock, gapBefore: 0 });
      used += markHeight;
    }
    const leftHeight = left.reduce((h, b, i) => h + (i === 0 ? 0 : b.gapBefore) + b.block.height, 0);
    firsts.push({ ...cell, blocks: taken, contentHeight: used, valign: 'top' });
    rests.push({ ...cell, blocks: left.map((b, i) => (i === 0 ? { ...b, gapBefore: 0 } : b)), contentHeight: leftHeight, valign: 'top' });
  }
  const heightOf = (cells: LaidOutCell[]) => Math.max(0, ...cells.map((c) => c.contentHeight)) + 2 * style.padding.y;
  return [
    { label: row.label, cells: firsts, height: Math.max(heightOf(firsts), Math.min(height, row.height)) },
    { label: row.label, cells: rests, height: heightOf(rests) },
  ];
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
