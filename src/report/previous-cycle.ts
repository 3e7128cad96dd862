// The assessment this one follows (last 年度's submission of the same flow at the facility), which the
// reports compare against: the 「前回との比較」 page and the 前回の回答 / 変化 columns.
import type { Answers } from '../flow/answer.ts';
import type { Flow } from '../flow/model.ts';

export interface PreviousCycle {
  /** The flow version it was answered with (items are matched by id across versions). */
  flow: Flow;
  answers: Answers;
  assessmentId: string;
  /** YYYY-MM-DD, the day it was submitted in the facility's time zone. */
  submittedOn: string;
}
