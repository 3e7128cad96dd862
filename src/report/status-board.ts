// Every facility's state per flow, as leads see it on the dashboard and in the exports: the service
// gathers it (src/service/status-board.ts), the XLSX/CSV writers and the Slack dashboard draw it.
import type { Localized } from '../flow/schema.ts';
import type { ItemStatus } from './checklist-rows.ts';
import { localize, type ReportLocale } from './localize.ts';
import type { ComparisonCells, RemovedChecklistItem } from './comparison-columns.ts';

/** 未着手 / 回答中 / 提出済・確認待ち / 差し戻し中 / 承認済. */
export type FlowState = 'not_started' | 'in_progress' | 'submitted' | 'returned' | 'approved';

export interface BoardItem {
  itemId: string;
  sectionTitle: string;
  /** As printed in the No column (「15.」); empty when the item has none. */
  number: string;
  text: string;
  /** Checklist items: the status; forms: undefined (their answer is text). */
  status: ItemStatus | undefined;
  /** What the cell shows: ■実施済 / 実施予定(2027-03-31) / 該当なし, or a form answer. */
  answer: string;
  plannedDate: string | null;
  /** 実施予定 whose date is before today in the facility's time zone. */
  overdue: boolean;
  /** A re-assessment's checklist item: 前回の回答 and 変化 (empty when unchanged), as the CSV export has them. */
  comparison?: ComparisonCells;
}

export interface BoardRow {
  facilityId: string;
  facilityName: string;
  flowId: string;
  flowTitle: string;
  state: FlowState;
  assessmentId: string | undefined;
  respondentName: string | undefined;
  respondentSlackId: string | undefined;
  answered: number;
  total: number;
  counts: { done: number; planned: number; na: number; unanswered: number };
  overdue: number;
  startedOn: string | undefined;
  lastSubmittedOn: string | undefined;
  approvedOn: string | undefined;
  approvedBy: string | undefined;
  items: BoardItem[];
  /** A re-assessment: checklist items of the previous cycle this flow version dropped (削除). */
  removed?: RemovedChecklistItem[];
}

export interface BoardFlow {
  id: string;
  title: string;
  /** The item columns of its sheet, in flow order. */
  columns: { itemId: string; number: string; text: string }[];
}

/** One review decision, for the export's 「確認履歴」 sheet. */
export interface BoardReview {
  facilityName: string;
  flowTitle: string;
  round: number;
  decision: 'approved' | 'returned';
  comment: string;
  /** 「技術的安全管理対策 15.: コメント」, one per flagged item. */
  flags: string[];
  reviewerName: string;
  /** YYYY-MM-DD in the facility's time zone. */
  on: string;
  channel: string;
  ownSubmission: boolean;
}

export interface StatusBoard {
  organizationName: string;
  /** YYYY-MM-DD in the reader's zone. */
  generatedOn: string;
  locale: ReportLocale;
  flows: BoardFlow[];
  /** Most urgent first (see urgencyOrder). */
  rows: BoardRow[];
  /** Every review decision of the listed assessments, oldest first. */
  reviews: BoardReview[];
}

const STATE_LABELS: Record<FlowState, Localized> = {
  not_started: { ja: '未着手', en: 'Not started' },
  in_progress: { ja: '回答中', en: 'In progress' },
  submitted: { ja: '提出済・確認待ち', en: 'Submitted, awaiting review' },
  returned: { ja: '差し戻し中', en: 'Returned for changes' },
  approved: { ja: '承認済', en: 'Approved' },
};

export function flowStateLabel(state: FlowState, locale: ReportLocale): string {
  return localize(STATE_LABELS[state], locale);
}

const STATE_RANK: Record<FlowState, number> = { submitted: 1, returned: 2, not_started: 3, in_progress: 4, approved: 5 };

/**
 * Most urgent first: overdue 実施予定 items (most first), then what waits for a lead (oldest submission
 * first), then what waits on the respondent, then what has not started, then what is in progress, then
 * what is approved; ties by facility name.
 */
export function urgencyOrder(a: BoardRow, b: BoardRow): number {
  if ((a.overdue > 0) !== (b.overdue > 0)) return a.overdue > 0 ? -1 : 1;
  if (a.overdue !== b.overdue) return b.overdue - a.overdue;
  if (STATE_RANK[a.state] !== STATE_RANK[b.state]) return STATE_RANK[a.state] - STATE_RANK[b.state];
  if (a.state === 'submitted' && a.lastSubmittedOn !== b.lastSubmittedOn) return (a.lastSubmittedOn ?? '') < (b.lastSubmittedOn ?? '') ? -1 : 1;
  return a.facilityName.localeCompare(b.facilityName, 'ja', { numeric: true }) || a.flowTitle.localeCompare(b.flowTitle, 'ja');
}
