// The leads' review history as one table, a row per decision (承認 / 差し戻し, oldest first): the workbook's
// 「確認履歴」 sheet and the CSV export's review table take their columns and cells from here.
import type { Localized } from '../flow/schema.ts';
import { localize, type ReportLocale } from './localize.ts';
import type { BoardReview } from './status-board.ts';

export const REVIEW_HISTORY_TITLE: Localized = { ja: '確認履歴', en: 'Review history' };

export const REVIEW_HISTORY_COLUMNS: readonly Localized[] = [
  { ja: '拠点', en: 'Facility' },
  { ja: 'チェックリスト', en: 'Checklist' },
  { ja: '回', en: 'Round' },
  { ja: '判断', en: 'Decision' },
  { ja: 'コメント', en: 'Comment' },
  { ja: '指摘項目', en: 'Flagged items' },
  { ja: '判断者', en: 'Reviewer' },
  { ja: '日付', en: 'Date' },
  { ja: '経路', en: 'Channel' },
];

/** Which column holds the date (the workbook formats it as one). */
export const REVIEW_HISTORY_DATE_COLUMN = 8;

const DECISION: Record<BoardReview['decision'], Localized> = { approved: { ja: '承認', en: 'Approved' }, returned: { ja: '差し戻し', en: 'Returned' } };
const OWN_SUBMISSION: Localized = { ja: '（自分の提出：リードが1人のため）', en: ' (own submission: the only lead)' };

/** One decision's cells in column order; the date as written (YYYY-MM-DD) for the caller to convert. */
export function reviewHistoryCells(review: BoardReview, locale: ReportLocale): [string, string, number, string, string, string, string, string, string] {
  return [
    review.facilityName,
    review.flowTitle,
    review.round,
    `${localize(DECISION[review.decision], locale)}${review.ownSubmission ? localize(OWN_SUBMISSION, locale) : ''}`,
    review.comment,
    review.flags.join('\n'),
    review.reviewerName,
    review.on,
    review.channel,
  ];
}
