// What every report is made from, whichever renderer draws it (checklist, form, policy): the flow as the
// assessment started with it, the answers, who and where, and the related assessments it draws on. The
// service gathers it (src/service/report-source.ts); the renderers check the parts they rely on.
import type { Answers } from '../flow/answer.ts';
import type { Flow } from '../flow/model.ts';
import type { ReportLocale } from './localize.ts';
import type { PlanStories } from './plan-story.ts';
import type { PreviousCycle } from '../flow/cycle-comparison.ts';
import type { RelatedAssessments } from './related-assessment.ts';

export interface ReportInput {
  flow: Flow;
  answers: Answers;
  facilityName: string;
  respondentName: string;
  /** YYYY-MM-DD, printed as 更新情報 最終更新日. */
  updatedOn: string;
  assessmentId: string;
  /** Each 実施予定 item's story after 提出 (done on a day, new 実施時期), by item id; printed beside its state. */
  planStories?: PlanStories;
  /** Latest submitted assessments of the flow's `related:` flows, by related id. */
  related?: RelatedAssessments;
  /** The cycle this assessment follows, for the comparison page and columns; absent for a first assessment. */
  previous?: PreviousCycle | undefined;
  locale?: ReportLocale;
  /** Not submitted yet: every page is marked 下書き（未提出）. */
  draft?: boolean;
  /** The head hash of the assessment's answer history (printed in the footer, see history-head.ts). */
  historyHead?: string;
  /** Fixes the PDF's dates (and, with assessmentId, its bytes); default now. */
  generatedAt?: Date;
  /** The lead's approval (承認者, 承認日), printed in the approval box; null: 「未承認」; absent: no box. */
  approval?: ReportApproval | null;
}

export interface ReportApproval {
  approverName: string;
  /** YYYY-MM-DD in the facility's time zone. */
  approvedOn: string;
}

/** Forms and the policy print no 記入者. */
export type UnsignedReportInput = Omit<ReportInput, 'respondentName'>;
