// The leads' export as one CSV table (UTF-8 with BOM, CRLF, as Excel wants): a row per facility, flow and
// item with the facility's state — everything the XLSX holds, in a shape a pivot table can take apart.
import { stringify } from 'csv-stringify/sync';
import type { Localized } from '../flow/schema.ts';
import { localize } from './localize.ts';
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

export function renderStatusCsv(board: StatusBoard): string {
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
  return stringify([COLUMNS.map((c) => localize(c, locale)), ...records], { bom: true, record_delimiter: 'windows' });
}
