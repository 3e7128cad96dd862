// At the terminal, 変更なし is 0 beside numbered choices and = where the answer is typed (0 may be the answer).
import { expect, test } from 'vitest';
import type { CarryOver } from '../../src/engine/carry-over.ts';
import { carryOverCommand, unchangedKey } from '../../src/terminal/carry-over-lines.ts';

const status = { previous: { assessmentId: 'as_1', submittedOn: '2025-12-01' }, confirmed: 0, total: 3 };
const question = (itemId: string): CarryOver => ({
  ...status,
  kind: 'question',
  item: { itemId, text: { ja: '件数' }, confirmed: false, reworded: false, confirmable: true, previous: { kind: 'number', value: 0 } },
});

test('0 confirms a choice question, = a typed one; a typed 0 stays an answer', () => {
  expect(unchangedKey({ type: 'status', notApplicable: false, maxPlanYears: 3 })).toBe('0');
  expect(unchangedKey({ type: 'number', integer: true })).toBe('=');
  expect(carryOverCommand(question('org.1'), { type: 'status', notApplicable: false, maxPlanYears: 3 }, ' ０ ')).toEqual({ confirmItem: 'org.1' });
  expect(carryOverCommand(question('staff.count'), { type: 'number', integer: true }, '0')).toBeUndefined();
  expect(carryOverCommand(question('staff.count'), { type: 'number', integer: true }, '=')).toEqual({ confirmItem: 'staff.count' });
});

test('a confirms a section only on its list', () => {
  const list: CarryOver = { ...status, kind: 'section', section: { sectionId: 'org', items: [], canConfirmAll: true } };
  expect(carryOverCommand(list, undefined, 'a')).toEqual({ confirmSection: 'org' });
  expect(carryOverCommand(question('org.1'), { type: 'status', notApplicable: false, maxPlanYears: 3 }, 'a')).toBeUndefined();
  expect(carryOverCommand(undefined, undefined, '0')).toBeUndefined();
});
