// The checklist as CSV for spreadsheets: UTF-8 with a BOM and CRLF line ends, which is what Excel needs
// to open Japanese text correctly by double-click.
import { stringify } from 'csv-stringify/sync';
import type { Localized } from '../flow/schema.ts';
import { checklistRows } from './checklist-rows.ts';
import { comparisonColumns } from './comparison-columns.ts';
import type { ChecklistReportInput } from './checklist-input.ts';
import { localize } from './localize.ts';
import { statusLabel } from './status-labels.ts';

export const CSV_COLUMNS = {
  section: { ja: '分野', en: 'Area' },
  number: { ja: 'No', en: 'No' },
  itemId: { ja: '項目ID', en: 'Item ID' },
  text: { ja: 'チェック項目', en: 'Checklist item' },
  answer: { ja: '回答', en: 'Answer' },
  plannedDate: { ja: '実施時期', en: 'Planned date' },
  notApplicableReason: { ja: '該当なし理由', en: 'Reason not applicable' },
} satisfies Record<string, Localized>;

/** With a previous cycle, two more columns (前回の回答, 変化) and a row per item this version dropped (削除). */
export function toChecklistCsv(input: Pick<ChecklistReportInput, 'flow' | 'answers' | 'locale' | 'previous'>): string {
  const locale = input.locale ?? 'ja';
  const comparison = comparisonColumns(input, locale);
  const header = [...Object.values(CSV_COLUMNS).map((c) => localize(c, locale)), ...(comparison?.headers ?? [])];
  const records = checklistRows(input.flow, input.answers, locale).map((row) => {
    const record = [
      row.sectionTitle,
      row.number,
      row.itemId,
      row.text,
      statusLabel(row.status, locale),
      // ISO dates: Excel reads them as dates in every locale.
      row.plannedDate ?? '',
      row.notApplicableReason ?? '',
    ];
    if (!comparison) return record;
    const cells = comparison.cellsFor(row.itemId);
    return [...record, cells.previousAnswer, cells.change];
  });
  const removed = (comparison?.removed ?? []).map((r) => [r.sectionTitle, r.number, r.itemId, r.text, '', '', '', r.cells.previousAnswer, r.cells.change]);
  // Item texts hold bare LF line breaks; csv-stringify only quotes fields containing the record delimiter
  // (CRLF), so any CR or LF must be named explicitly or readers split the record.
  return stringify([header, ...records, ...removed], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
