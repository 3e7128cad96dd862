// A clinic re-assesses a year later: what changed since last time is worked out item by item, by the
// items' stable ids, also when the ministry has published a new version of the checklist in between.
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { compareCycles, dateShift, type ItemChange } from '../../src/flow/cycle-comparison.ts';
import { itemTextHash } from '../../src/flow/item-text-hash.ts';
import { loadFlowFile } from '../../src/flow/loader.ts';
import { findItem } from '../../src/flow/model.ts';
import { changesText, previousAnswerText } from '../../src/i18n/comparison-text.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { nextFlowVersion } from '../helpers/next-flow-version.ts';

const flow = loadFlowFile(new URL('../../flows/mhlw-minimum-5.2.yaml', import.meta.url).pathname);
const lastYear = mixedAnswers(flow);

/** Last year's answers with a few changed, as this year's walk would leave them. */
function thisYear(changes: Answers): Answers {
  return { ...lastYear, ...changes };
}

const changesOf = (answers: Answers, other = flow) => {
  const comparison = compareCycles({ flow, answers: lastYear }, { flow: other, answers });
  return Object.fromEntries(comparison.changed.map((i) => [i.itemId, i.changes]));
};

describe('comparing this cycle with the previous one', () => {
  test('nothing changed: no item is listed', () => {
    const comparison = compareCycles({ flow, answers: lastYear }, { flow, answers: structuredClone(lastYear) });
    expect(comparison.changed).toEqual([]);
    expect(comparison.items).toHaveLength(94);
  });

  test('改善, 後退 and 時期変更 (later and earlier, by how much)', () => {
    expect(
      changesOf(
        thisYear({
          'technical.15': { kind: 'done' }, // was 実施予定 2027-03-31
          'organizational.1': { kind: 'planned', date: '2027-06-30' }, // was 実施済
          'emergency.8': { kind: 'planned', date: '2027-09-30' }, // was 2027-06-30
          'maintenance.5': { kind: 'planned', date: '2026-12-01' }, // was 2026-12-31
        }),
      ),
    ).toEqual({
      'organizational.1': [{ kind: 'regressed', date: '2027-06-30' }],
      'technical.15': [{ kind: 'improved' }],
      'emergency.8': [{ kind: 'rescheduled', from: '2027-06-30', to: '2027-09-30', days: 92, months: 3 }],
      'maintenance.5': [{ kind: 'rescheduled', from: '2026-12-31', to: '2026-12-01', days: -30 }],
    } satisfies Record<string, ItemChange[]>);
  });

  test('該当なし になった / でなくなった, also when a 前提 answer changed', () => {
    const changes = changesOf(
      thisYear({
        // IoT devices are used now: the four IoT items are answered instead of 該当なし.
        'scope.iot': { kind: 'yesno', value: true },
        'technical.21': { kind: 'done' },
        'technical.22': { kind: 'done' },
        'technical.23': { kind: 'planned', date: '2027-03-31' },
        'technical.24': { kind: 'done' },
        'emergency.1': { kind: 'na', reason: { ja: '対象機器なし' } },
      }),
    );
    expect(changes['scope.iot']).toEqual([{ kind: 'answerChanged' }]);
    expect(changes['technical.21']).toEqual([{ kind: 'noLongerNa' }]);
    expect(changes['technical.23']).toEqual([{ kind: 'noLongerNa' }]);
    expect(changes['emergency.1']).toEqual([{ kind: 'becameNa' }]);
    expect(Object.keys(changes)).toHaveLength(6);
  });

  test('an item this cycle has not answered yet has not changed', () => {
    const { 'technical.15': _open, ...answers } = lastYear;
    expect(changesOf(answers)).toEqual({});
  });

  test('a new flow version: 新規 for the added item, 削除 for the dropped one, 文言変更 for the reworded one', () => {
    const next = nextFlowVersion(flow, {
      version: '2',
      remove: ['organizational.2'],
      add: [{ sectionId: 'external', item: { id: 'external.15', number: '15.', text: { ja: '新しい対策を講じている。' } } }],
      reword: { 'organizational.3': '情報システムへのアクセス制限、記録、点検等を定めたアクセス管理規程を作成し、年1回見直している。' },
    });
    const { 'organizational.2': _dropped, ...answers } = thisYear({ 'external.15': { kind: 'planned', date: '2027-03-31' } });
    const comparison = compareCycles({ flow, answers: lastYear }, { flow: next, answers });
    const changed = Object.fromEntries(comparison.changed.map((i) => [i.itemId, i.changes]));
    expect(changed).toEqual({
      'organizational.3': [{ kind: 'reworded' }],
      'external.15': [{ kind: 'new' }],
      'organizational.2': [{ kind: 'removed' }],
    });
    // The dropped item is listed after this version's items, with the text and answer it had.
    expect(comparison.items.at(-1)).toMatchObject({ itemId: 'organizational.2', previous: { kind: 'done' } });
    expect(comparison.counts).toMatchObject({ new: 1, removed: 1, reworded: 1, improved: 0 });
    expect(itemTextHash(findItem(next, 'organizational.1')!.item)).toBe(itemTextHash(findItem(flow, 'organizational.1')!.item));
  });

  test('a translation added to an item is not a change of wording', () => {
    const ref = findItem(flow, 'organizational.1')!;
    expect(itemTextHash({ ...ref.item, text: { ja: ref.item.text.ja, en: 'Appoint an officer.' } })).toBe(itemTextHash(ref.item));
  });
});

describe('the words for a change', () => {
  test('say what moved, in Japanese and English', () => {
    const item = { previous: { kind: 'planned', date: '2027-03-31' } as const };
    expect(changesText('ja', { ...item, changes: [{ kind: 'improved' }] })).toBe('改善（2027年3月31日 → 実施済）');
    expect(changesText('ja', { ...item, changes: [{ kind: 'rescheduled', ...dateShift('2027-03-31', '2027-06-30') }] })).toBe(
      '時期変更（2027年3月31日 → 2027年6月30日、3か月後ろ倒し）',
    );
    expect(changesText('ja', { ...item, changes: [{ kind: 'rescheduled', ...dateShift('2027-03-31', '2027-03-11') }] })).toBe(
      '時期変更（2027年3月31日 → 2027年3月11日、20日前倒し）',
    );
    expect(changesText('ja', { previous: { kind: 'done' }, changes: [{ kind: 'regressed', date: '2027-06-30' }, { kind: 'reworded' }] })).toBe(
      '後退（実施済 → 実施予定 2027年6月30日）・文言変更',
    );
    expect(changesText('en', { ...item, changes: [{ kind: 'rescheduled', ...dateShift('2027-03-31', '2027-05-15') }] })).toBe(
      'Rescheduled (2027/03/31 → 2027/05/15, 45 days later)',
    );
    expect(changesText('ja', { previous: undefined, changes: [] })).toBe('');
  });

  test('the previous answer reads as the review shows it', () => {
    const ref = findItem(flow, 'technical.15')!;
    expect(previousAnswerText('ja', { previousRef: ref, previous: { kind: 'planned', date: '2027-03-31' } })).toBe('実施予定（2027年3月31日）');
    expect(previousAnswerText('ja', { previousRef: undefined, previous: undefined })).toBe('');
  });

  test('month ends stay month ends: 2027-02-28 → 2027-05-31 is three months', () => {
    expect(dateShift('2027-02-28', '2027-05-31')).toEqual({ from: '2027-02-28', to: '2027-05-31', days: 92, months: 3 });
    expect(dateShift('2027-02-27', '2027-05-31').months).toBeUndefined();
  });
});
