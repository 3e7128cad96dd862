// The leads' export as CSV tables (UTF-8 with BOM, CRLF, as Excel wants), in shapes a pivot table can take
// apart: `items`, a row per facility, flow and item with the facility's state (the workbook's per-flow and
// plan sheets); `reviews`, a row per review decision (the workbook's 「確認履歴」).
import { stringify } from 'csv-stringify/sync';
import type { Localized } from '../flow/schema.ts';
import { localize } from './localize.ts';
import { REVIEW_HISTORY_COLUMNS, reviewHistoryCells } from './review-history-table.ts';
import { flowStateLabel, type StatusBoard } from './status-board.ts';

const COLUMNS: Localized[] = [
  { ja: '拠点', en: 'Facility' },
  { ja: 'チェックリスト', en: 'Checklist' },
  { ja: '状態', en: 'State' },
  { ja: '回答者', en: 'Respondent' },
  { ja: '最終提出日', en: 'Last submitted' },
  { ja: '承認日', en: 'Approved' },
  { ja: '分野', en: 'Area' },
  { ja: 'No', en: 'No' },
  { ja: '項目ID', en: 'Item ID' },
  { ja: 'チェック項目', en: 'Item' },
  { ja: '回答', en: 'Answer' },
  { ja: '実施時期', en: 'Planned date' },
  { ja: '期限超過', en: 'Overdue' },
];

export const STATUS_CSV_TABLES = ['items', 'reviews'] as const;
export type StatusCsvTable = (typeof STATUS_CSV_TABLES)[number];

export function renderStatusCsv(board: StatusBoard, table: StatusCsvTable = 'items'): string {
  if (table === 'reviews') return csv(REVIEW_HISTORY_COLUMNS.map((c) => localize(c, board.locale)), board.reviews.map((r) => reviewHistoryCells(r, board.locale)));
  const { locale } = board;
  const records = board.rows.flatMap((row) =>
    row.items.map((item) => [
      row.facilityName,
      row.flowTitle,
      flowStateLabel(row.state, locale),
      row.respondentName ?? '',
      row.lastSubmittedOn ?? '',
      row.approvedOn ?? '',
      item.sectionTitle,
      item.number,
      item.itemId,
      item.text,
      item.answer,
      item.plannedDate ?? '',
      item.overdue ? localize({ ja: '期限超過', en: 'overdue' }, locale) : '',
    ]),
  );
  return csv(COLUMNS.map((c) => localize(c, locale)), records);
}

function csv(header: string[], records: (string | number)[][]): string {
  return stringify([header, ...records], { bom: true, record_delimiter: 'windows' });
}
