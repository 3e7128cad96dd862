// The re-assessment story the issue describes, shared by the service, terminal and Slack tests: a clinic
// submitted the 90-item checklist on 2025-12-01; a year later it re-assesses. In 組織的安全管理対策 two
// items were planned for dates now past (one was done, one is postponed) and one done item regressed;
// every other section is confirmed unchanged in one step each (80 items).
import type { Answer, Answers } from '../../src/flow/answer.ts';
import { applicability, itemRefs, type Flow } from '../../src/flow/model.ts';

export const FIRST_SUBMISSION = new Date('2025-12-01T01:00:00Z'); // 10:00 in Tokyo
export const ONE_YEAR_LATER = new Date('2026-12-01T01:00:00Z');

/** Last year's answers: two 実施予定 in 組織的安全管理対策 now past, a few far enough ahead to stand. */
export function lastYearAnswers(flow: Flow): Answers {
  const answers: Answers = {
    'scope.wireless-lan': { kind: 'yesno', value: true },
    'scope.iot': { kind: 'yesno', value: false },
    'scope.outsourcing': { kind: 'yesno', value: true },
    'scope.byod': { kind: 'yesno', value: false },
  };
  const planned: Record<string, string> = {
    'organizational.2': '2026-03-31', // past by now: it was done
    'organizational.4': '2026-06-30', // past by now: postponed
    'technical.15': '2027-03-31', // still ahead: stands
    'external.6': '2027-09-30',
  };
  for (const ref of itemRefs(flow)) {
    if (ref.section.kind === 'gates') continue;
    const gate = applicability(ref, answers);
    answers[ref.item.id] = !gate.applicable
      ? { kind: 'na', reason: gate.gate.reason, auto: true }
      : planned[ref.item.id]
        ? { kind: 'planned', date: planned[ref.item.id]! }
        : { kind: 'done' };
  }
  return answers;
}

/** What changes this year, item by item, in 組織的安全管理対策 (walked one item at a time). */
export const THIS_YEAR_CHANGES: Record<string, Answer> = {
  'organizational.1': { kind: 'planned', date: '2027-06-30' }, // regressed: the officer left
  'organizational.2': { kind: 'done', on: '2026-05-10' }, // was planned for 2026-03-31: done on 2026-05-10
  'organizational.4': { kind: 'planned', date: '2027-03-31' }, // was planned for 2026-06-30: postponed
};

/** Confirmed with 変更なし one by one in that section; organizational.5 is left for the review first. */
export const CONFIRMED_ONE_BY_ONE = ['organizational.3', 'organizational.5'];

export const BULK_SECTIONS = ['physical', 'technical', 'staff', 'contractors', 'disposal', 'maintenance', 'takeout', 'emergency', 'external'];
