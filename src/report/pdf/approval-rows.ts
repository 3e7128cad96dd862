// The approval box of a report, like the 承認印 column of a paper form: 承認 | 承認者 | name, 承認日 | date; or
// 承認 | 未承認 before a lead approved it. Shared by the checklist and the disclosure forms.
import { z } from 'zod';
import { localizedSchema, type Localized } from '../../flow/schema.ts';
import { formatReportDate, type ReportLocale } from '../localize.ts';
import type { ReportApproval } from '../report-input.ts';
import type { TableCell, TableRow } from './table.ts';

export const approvalTextsSchema = z
  .object({ label: localizedSchema, approver: localizedSchema, date: localizedSchema, unapproved: localizedSchema })
  .strict();
export type ApprovalTexts = z.output<typeof approvalTextsSchema>;

/** Rows for a three-column (label, sub-label, value) header table; none when the template or the input has no box. */
export function approvalRows(input: {
  texts: ApprovalTexts | undefined;
  approval: ReportApproval | null | undefined;
  locale: ReportLocale;
  text: (l: Localized) => string;
  labelCell: (text: string, span?: number) => TableCell;
  valueCell: (text: string) => TableCell;
}): TableRow[] {
  const { texts, approval, locale, text, labelCell, valueCell } = input;
  if (!texts || approval === undefined) return [];
  if (approval === null) return [{ label: 'approval', cells: [labelCell(text(texts.label), 2), valueCell(text(texts.unapproved))] }];
  return [
    { label: 'approver', cells: [labelCell(text(texts.label)), labelCell(text(texts.approver)), valueCell(approval.approverName)] },
    { label: 'approvedOn', cells: [labelCell(''), labelCell(text(texts.date)), valueCell(formatReportDate(approval.approvedOn, locale))] },
  ];
}
