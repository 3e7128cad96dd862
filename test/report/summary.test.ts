// The summary a clinic sees first: how far along each section is, whether it meets the minimum guideline,
// and what it still has to do by when.
import { describe, expect, test } from 'vitest';
import { loadFlowFile } from '../../src/flow/loader.ts';
import { shortText, summarizeAssessment } from '../../src/report/summary.ts';
import { mixedAnswers } from './fixtures/mixed-answers.ts';
import { smallFlow } from './fixtures/small-flow.ts';

describe('a clinic that has done everything that applies to it', () => {
  const flow = smallFlow();
  const summary = summarizeAssessment(flow, {
    'scope.wifi': { kind: 'yesno', value: false },
    'basics.1': { kind: 'done' },
    'basics.2': { kind: 'done' },
    'later.1': { kind: 'done' },
  });

  test('meets the minimum guideline: items ruled out by the 前提 count as 該当なし', () => {
    expect(summary.compliant).toBe(true);
    expect(summary.totals).toEqual({ done: 3, planned: 0, na: 1, unanswered: 0, total: 4 });
  });

  test('does not count the 前提 question as a checklist row, but lists it with its answer', () => {
    expect(summary.sections.map((s) => s.sectionId)).toEqual(['basics', 'later']);
    expect(summary.scope).toEqual([{ itemId: 'scope.wifi', question: '無線LANを利用していますか', answer: '利用していない' }]);
  });
});

describe('a clinic with work still planned', () => {
  const flow = smallFlow();
  const answers = {
    'scope.wifi': { kind: 'yesno', value: true },
    'basics.1': { kind: 'planned', date: '2027-03-31' },
    'basics.2': { kind: 'done' },
    'basics.3': { kind: 'planned', date: '2026-12-31' },
    'later.1': { kind: 'planned', date: '2027-03-31' },
  } as const;
  const summary = summarizeAssessment(flow, answers);

  test('does not yet meet the minimum guideline', () => {
    expect(summary.compliant).toBe(false);
  });

  test('counts done / planned / not applicable per section', () => {
    expect(summary.sections).toEqual([
      { sectionId: 'basics', title: '基本的な対策', done: 1, planned: 2, na: 0, unanswered: 0, total: 3 },
      { sectionId: 'later', title: 'その他', done: 0, planned: 1, na: 0, unanswered: 0, total: 1 },
    ]);
  });

  test('lists every planned item in an action plan by date, same dates in form order', () => {
    expect(summary.actionPlan.map((a) => [a.date, a.sectionTitle, a.number, a.itemId, a.shortText])).toEqual([
      ['2026-12-31', '基本的な対策', '3.', 'basics.3', '無線LANを暗号化している。'],
      ['2027-03-31', '基本的な対策', '1.', 'basics.1', '担当者を決めている。'],
      ['2027-03-31', 'その他', '1.', 'later.1', 'バックアップを取得している。'],
    ]);
  });
});

test('an assessment with unanswered items is not compliant, and says how many are open', () => {
  const summary = summarizeAssessment(smallFlow(), { 'basics.1': { kind: 'done' } });
  expect(summary.compliant).toBe(false);
  expect(summary.totals).toMatchObject({ done: 1, unanswered: 3 });
  expect(summary.scope[0]!.answer).toBeNull();
});

test('the 90-item checklist with a realistic mix of answers', () => {
  const flow = loadFlowFile(new URL('../../flows/mhlw-minimum-5.2.yaml', import.meta.url).pathname);
  const summary = summarizeAssessment(flow, mixedAnswers(flow));
  expect(summary.totals).toEqual({ done: 79, planned: 6, na: 5, unanswered: 0, total: 90 });
  expect(summary.sections).toHaveLength(10);
  expect(summary.scope).toHaveLength(4);
  expect(summary.actionPlan.map((a) => a.date)).toEqual([...summary.actionPlan.map((a) => a.date)].sort());
});

test('short texts keep the first sentence, or cut long ones with …', () => {
  expect(shortText('担当者を決めている。詳細は別紙。')).toBe('担当者を決めている。');
  expect(shortText('TLS1.3のみに限定している。')).toBe('TLS1.3のみに限定している。');
  const long = shortText('あ'.repeat(60));
  expect([...long]).toHaveLength(40);
  expect(long.endsWith('…')).toBe(true);
  expect(shortText('次の内容を定めている。\n(b) 体制')).toBe('次の内容を定めている。');
});
