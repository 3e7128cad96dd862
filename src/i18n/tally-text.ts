// A section's (or a whole assessment's) progress in words, the same in the terminal and in Slack:
// checklists count 実施済/実施予定/該当なし/未回答; forms count the fields answered of those that apply.
import type { SectionTally } from '../engine/prompt.ts';
import type { Locale } from './locale.ts';
import { t } from './messages.ts';

export type TallyCounts = Pick<SectionTally, 'byStatus' | 'done' | 'planned' | 'notApplicable' | 'answered' | 'unanswered' | 'total'>;

export function tallyText(locale: Locale, tally: TallyCounts): string {
  if (!tally.byStatus) {
    // Fields a gate left out (該当なし) are not asked, so they count neither as answered nor as due.
    const applicable = tally.total - tally.notApplicable;
    return t(locale, 'common.answeredCount', { answered: tally.answered - tally.notApplicable, total: applicable });
  }
  return t(locale, 'common.tally', { done: tally.done, planned: tally.planned, na: tally.notApplicable, unanswered: tally.unanswered });
}

/** The sum of several sections' tallies (the closing summary of an assessment). */
export function sumTallies(tallies: TallyCounts[]): TallyCounts {
  const sum: TallyCounts = { byStatus: tallies.some((x) => x.byStatus), done: 0, planned: 0, notApplicable: 0, answered: 0, unanswered: 0, total: 0 };
  for (const x of tallies) {
    sum.done += x.done;
    sum.planned += x.planned;
    sum.notApplicable += x.notApplicable;
    sum.answered += x.answered;
    sum.unanswered += x.unanswered;
    sum.total += x.total;
  }
  return sum;
}
