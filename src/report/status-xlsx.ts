// The leads' export as an Excel workbook (exceljs writes the format): a sheet per flow with one row per
// facility (state, dates, counts, every item's answer), and 「実施計画」 with every open 実施予定 item across
// facilities, overdue ones highlighted. Header rows are frozen, every sheet has filters, and column widths
// count full-width characters double so Japanese text fits.
import type { Cell, Worksheet } from 'exceljs';
import type { Localized } from '../flow/schema.ts';
import { localize } from './localize.ts';
import { flowStateLabel, type BoardRow, type StatusBoard } from './status-board.ts';
import { COMPARISON_COLUMNS } from './comparison-columns.ts';
import { REVIEW_HISTORY_COLUMNS, REVIEW_HISTORY_DATE_COLUMN, REVIEW_HISTORY_TITLE, reviewHistoryCells } from './review-history-table.ts';

const HEAD: Record<string, Localized> = {
  facility: { ja: '拠点', en: 'Facility' },
  state: { ja: '状態', en: 'State' },
  respondent: { ja: '回答者', en: 'Respondent' },
  started: { ja: '開始日', en: 'Started' },
  submitted: { ja: '最終提出日', en: 'Last submitted' },
  approved: { ja: '承認日', en: 'Approved' },
  approver: { ja: '承認者', en: 'Approved by' },
  done: { ja: '実施済', en: 'Done' },
  planned: { ja: '実施予定', en: 'Planned' },
  na: { ja: '該当なし', en: 'N/A' },
  unanswered: { ja: '未回答', en: 'Unanswered' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  flow: { ja: 'チェックリスト', en: 'Checklist' },
  section: { ja: '分野', en: 'Area' },
  number: { ja: 'No', en: 'No' },
  item: { ja: 'チェック項目', en: 'Item' },
  date: { ja: '実施時期', en: 'Planned date' },
  planSheet: { ja: '実施計画', en: 'Action plan' },
  comparisonSheet: { ja: '前回との比較', en: 'Since last cycle' },
  previousAnswer: COMPARISON_COLUMNS.previousAnswer,
  currentAnswer: { ja: '今回の回答', en: 'This answer' },
  change: COMPARISON_COLUMNS.change,
};

const HEADER_FILL = 'FFD9D9D9';
const OVERDUE_FILL = 'FFFFC7CE';
const OVERDUE_FONT = 'FF9C0006';
const MAX_WIDTH = 60;

export async function renderStatusXlsx(board: StatusBoard): Promise<Uint8Array> {
  // Loaded on the first export, not at start: exceljs alone adds ~20 MB to the app's resident memory.
  const { default: ExcelJS } = await import('exceljs');
  const { locale } = board;
  const h = (key: string) => localize(HEAD[key]!, locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kakunin';
  workbook.title = board.organizationName;
  const names = new Set<string>();

  for (const flow of board.flows) {
    const sheet = workbook.addWorksheet(sheetName(flow.title, names), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
    const fixed = ['facility', 'state', 'respondent', 'started', 'submitted', 'approved', 'approver', 'done', 'planned', 'na', 'unanswered', 'overdue'];
    const header = [...fixed.map(h), ...flow.columns.map((c) => clipHeader(`${c.number ? `${c.number} ` : ''}${c.text}`))];
    sheet.addRow(header);
    const rows = board.rows.filter((r) => r.flowId === flow.id).sort((a, b) => a.facilityName.localeCompare(b.facilityName, 'ja'));
    for (const row of rows) {
      const byItem = new Map(row.items.map((i) => [i.itemId, i]));
      const added = sheet.addRow([
        row.facilityName,
        flowStateLabel(row.state, locale),
        row.respondentName ?? '',
        excelDate(row.startedOn),
        excelDate(row.lastSubmittedOn),
        excelDate(row.approvedOn),
        row.approvedBy ?? '',
        row.counts.done,
        row.counts.planned,
        row.counts.na,
        row.counts.unanswered,
        row.overdue,
        ...flow.columns.map((c) => byItem.get(c.itemId)?.answer ?? ''),
      ]);
      flow.columns.forEach((c, i) => {
        if (byItem.get(c.itemId)?.overdue) highlight(added.getCell(fixed.length + i + 1));
      });
      if (row.overdue > 0) highlight(added.getCell(fixed.indexOf('overdue') + 1));
    }
    finish(sheet, header.length, [4, 5, 6]);
  }

  const plan = workbook.addWorksheet(sheetName(h('planSheet'), names), { views: [{ state: 'frozen', ySplit: 1 }] });
  const planHeader = ['facility', 'flow', 'section', 'number', 'item', 'date', 'overdue', 'respondent'].map(h);
  plan.addRow(planHeader);
  for (const entry of planEntries(board.rows)) {
    const added = plan.addRow([
      entry.row.facilityName,
      entry.row.flowTitle,
      entry.item.sectionTitle,
      entry.item.number,
      entry.item.text,
      excelDate(entry.item.plannedDate ?? undefined),
      entry.item.overdue ? h('overdue') : '',
      entry.row.respondentName ?? '',
    ]);
    if (entry.item.overdue) added.eachCell({ includeEmpty: true }, (cell) => highlight(cell));
  }
  finish(plan, planHeader.length, [6]);

  // Re-assessments: every checklist item whose answer changed since the previous cycle, and the dropped ones.
  const compared = board.rows.filter((r) => r.removed !== undefined);
  if (compared.length) {
    const sheet = workbook.addWorksheet(sheetName(h('comparisonSheet'), names), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ['facility', 'flow', 'section', 'number', 'item', 'previousAnswer', 'currentAnswer', 'change'].map(h);
    sheet.addRow(header);
    for (const row of compared) {
      for (const item of row.items)
        if (item.comparison?.change)
          sheet.addRow([row.facilityName, row.flowTitle, item.sectionTitle, item.number, item.text, item.comparison.previousAnswer, item.answer, item.comparison.change]);
      for (const gone of row.removed ?? [])
        sheet.addRow([row.facilityName, row.flowTitle, gone.sectionTitle, gone.number, gone.text, gone.cells.previousAnswer, '', gone.cells.change]);
    }
    finish(sheet, header.length, []);
  }

  const reviews = workbook.addWorksheet(sheetName(localize(REVIEW_HISTORY_TITLE, locale), names), { views: [{ state: 'frozen', ySplit: 1 }] });
  const reviewHeader = REVIEW_HISTORY_COLUMNS.map((c) => localize(c, locale));
  reviews.addRow(reviewHeader);
  for (const r of board.reviews) {
    const cells: (string | number | Date | undefined)[] = reviewHistoryCells(r, locale);
    cells[REVIEW_HISTORY_DATE_COLUMN - 1] = excelDate(r.on);
    reviews.addRow(cells);
  }
  finish(reviews, reviewHeader.length, [REVIEW_HISTORY_DATE_COLUMN]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Every open 実施予定 item across facilities: earliest date first. */
export function planEntries(rows: BoardRow[]) {
  return rows
    .flatMap((row) => row.items.filter((i) => i.status === 'planned' && i.plannedDate).map((item) => ({ row, item })))
    .sort((a, b) => (a.item.plannedDate! < b.item.plannedDate! ? -1 : a.item.plannedDate! > b.item.plannedDate! ? 1 : a.row.facilityName.localeCompare(b.row.facilityName, 'ja')));
}

/** Bold grey header, filters over it, dates formatted, widths that fit the longest text (capped). */
function finish(sheet: Worksheet, columns: number, dateColumns: number[]): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount), column: columns } };
  for (let c = 1; c <= columns; c++) {
    const column = sheet.getColumn(c);
    if (dateColumns.includes(c)) column.numFmt = 'yyyy-mm-dd';
    let width = 6;
    column.eachCell({ includeEmpty: false }, (cell) => {
      const text = cell.value instanceof Date ? '2027-03-31' : String(cell.value ?? '');
      width = Math.max(width, displayWidth(text) + 2);
    });
    column.width = Math.min(width, MAX_WIDTH);
  }
}

function highlight(cell: Cell): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OVERDUE_FILL } };
  cell.font = { color: { argb: OVERDUE_FONT } };
}

/** Full-width characters (kana, kanji, full-width forms) take two columns of Excel's width unit. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/** Dates as real Excel dates (UTC midnight), so filters and sorting work on them. */
function excelDate(iso: string | undefined): Date | string {
  return iso ? new Date(`${iso}T00:00:00.000Z`) : '';
}

function clipHeader(text: string): string {
  const first = text.split('\n')[0]!;
  return first.length > 40 ? `${first.slice(0, 39)}…` : first;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 28)}(${n})`;
  used.add(name);
  return name;
}
