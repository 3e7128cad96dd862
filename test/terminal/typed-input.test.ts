// What people type at the terminal, as they type it: free text untouched, full-width numbers and dates read,
// a bad date or grid cell asked again without losing what was already typed.
import { describe, expect, it } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { findItem } from '../../src/flow/model.ts';
import type { Answer } from '../../src/flow/answer.ts';
import { typedSession } from './helpers/typed-session.ts';

/** A grid answer's cells in the flow's row order, one column's values. */
function columnValues(flowId: string, itemId: string, answer: Answer | undefined, column: string): unknown[] {
  const spec = findItem(loadFlowsDir().get(flowId)!, itemId)!.item.answer;
  if (spec.type !== 'grid' || answer?.kind !== 'grid') return [];
  return spec.rows.map((r) => answer.cells[r.id]?.[column]);
}

const gatesNo = ['scope.wireless-lan', 'scope.iot', 'scope.outsourcing', 'scope.byod'].map((itemId) => ({
  type: 'ANSWER' as const,
  itemId,
  answer: { kind: 'yesno' as const, value: false },
}));

/** The checklist at its first question, 組織的 1. */
function checklistAtFirstQuestion() {
  const s = typedSession('mhlw-minimum-5.2');
  s.act({ type: 'START' }, ...gatesNo);
  return s;
}

describe('a 実施時期 that cannot be used', () => {
  it.each([['2027-02-30'], ['令和9年2月29日'], ['']])('「%s」 asks for the date again and the date alone is then accepted', async (bad) => {
    const s = checklistAtFirstQuestion();
    const { output } = await s.type('2', bad, '2027-03-31');
    expect(output).toContain('は日付として読み取れません');
    expect(output.match(/実施時期を入力してください/g)).toHaveLength(2);
    expect(output).not.toContain('入力を読み取れませんでした');
    expect(s.answers()['organizational.1']).toEqual({ kind: 'planned', date: '2027-03-31' });
  });

  it('typed in one line ("2 2027-02-30"), it also asks for the date only', async () => {
    const s = checklistAtFirstQuestion();
    const { output } = await s.type('2 2027-02-30', '令和９年３月３１日（水）');
    expect(output).toContain('「2027年2月30日」は日付として読み取れません');
    expect(s.answers()['organizational.1']).toEqual({ kind: 'planned', date: '2027-03-31' });
  });

  it('a past date is explained and the date is asked again; b goes back to the question', async () => {
    const s = checklistAtFirstQuestion();
    const { output } = await s.type('2 2020-01-01', 'b', '1');
    expect(output).toContain('実施時期に過去の日付（2020年1月1日）は指定できません。');
    expect(output.match(/実施時期を入力してください/g)).toHaveLength(1);
    expect(s.answers()['organizational.1']).toEqual({ kind: 'done' });
  });
});

describe('menu numbers', () => {
  it('a number outside the menu names the valid range', async () => {
    const s = checklistAtFirstQuestion();
    const { output } = await s.type('4', '１');
    // 組織的 1 has no 該当なし: 1 and 2 only.
    expect(output).toContain('1〜2の番号を入力してください。');
    expect(s.answers()['organizational.1']).toEqual({ kind: 'done' });
  });
});

describe('free text is stored as typed', () => {
  it('「、」, full-width digits and commas in an answer are kept', async () => {
    const s = typedSession('health-guidance-disclosure');
    s.skipTo('institution.address');
    await s.type('東京都、大阪府，１２３番地');
    expect(s.answers()['institution.address']).toEqual({ kind: 'text', value: '東京都、大阪府，１２３番地' });
  });
});

describe('numbers as people type them', () => {
  it('11,000, 27500円 and full-width digits are read as numbers in a grid', async () => {
    const s = typedSession('health-guidance-disclosure');
    s.skipTo('operations.unit-prices');
    await s.type('', '11,000', '27500円', '１２，０００');
    expect(columnValues('health-guidance-disclosure', 'operations.unit-prices', s.answers()['operations.unit-prices'], 'price')).toEqual([11000, 27500, 12000]);
  });
});

describe('a grid row with a bad cell', () => {
  it('says which cell and what is expected, asks that row again and keeps the rows before it', async () => {
    const s = typedSession('health-guidance-disclosure');
    s.skipTo('operations.unit-prices');
    const { output } = await s.type('', '11000', 'たくさん', '27500', '9000');
    expect(output).toContain('の「たくさん」は数として読み取れません。11000、11,000、27500円のように数字で入力してください');
    expect(columnValues('health-guidance-disclosure', 'operations.unit-prices', s.answers()['operations.unit-prices'], 'price')).toEqual([11000, 27500, 9000]);
  });

  it('a check grid names the numbers it takes', async () => {
    const s = typedSession('health-guidance-disclosure');
    s.skipTo('delivery.initial');
    const { output } = await s.type('', '1', '5', '2', '1,3', '');
    expect(output).toContain('1〜3の番号をカンマ区切りで入力してください');
    expect(s.answers()['delivery.initial']).toMatchObject({ kind: 'grid' });
  });
});

describe('telephone numbers', () => {
  it('take the 10 or 11 digits of a Japanese number, hyphens and full-width digits allowed', async () => {
    const s = typedSession('health-guidance-disclosure');
    s.skipTo('institution.phone');
    const { output } = await s.type('045-641-192', '090-1234-56789', '０４５－６４１－１９２１');
    expect(output.match(/10桁または11桁/g)).toHaveLength(2);
    expect(s.answers()['institution.phone']).toEqual({ kind: 'text', value: '０４５－６４１－１９２１' });
  });

  it('accept a mobile number of 11 digits', async () => {
    const s = typedSession('health-guidance-disclosure');
    s.skipTo('institution.phone');
    await s.type('090-1234-5678');
    expect(s.answers()['institution.phone']).toEqual({ kind: 'text', value: '090-1234-5678' });
  });
});
