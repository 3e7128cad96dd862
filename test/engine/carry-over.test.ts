// What each item of a re-assessment carries: last time's answer, and whether 変更なし may take it as is.
import { describe, expect, test } from 'vitest';
import { carriedItem, carriedSection, carryOverStatus, type CarryOverInput } from '../../src/engine/carry-over.ts';
import { findItem } from '../../src/flow/model.ts';
import { smallFlow } from '../helpers/small-flow.ts';
import { nextFlowVersion } from '../helpers/next-flow-version.ts';

const flow = smallFlow();
const lastYear = {
  flow,
  assessmentId: 'as_2025',
  submittedOn: '2025-12-01',
  answers: {
    'scope.wlan': { kind: 'yesno', value: false },
    'org.1': { kind: 'planned', date: '2026-03-31' },
    'org.2': { kind: 'na', reason: { ja: '無線LANを利用していないため該当なし' }, auto: true },
    'tech.1': { kind: 'na' },
  },
} satisfies CarryOverInput['previous'];
const input = (answers: CarryOverInput['answers'] = {}, today = '2026-12-01'): CarryOverInput => ({ flow, answers, previous: lastYear, today });
const item = (id: string, i = input()) => carriedItem(i, findItem(i.flow, id)!);

describe('a carried item', () => {
  test('a 前提 answer is carried and confirmable; it is re-asked like any item', () => {
    expect(item('scope.wlan')).toMatchObject({ previous: { kind: 'yesno', value: false }, confirmable: true, confirmed: false });
  });

  test('a 実施予定 whose date has passed cannot be confirmed as is; one still ahead can', () => {
    expect(item('org.1')).toMatchObject({ confirmable: false, notConfirmable: 'pastPlanned' });
    expect(item('org.1', input({}, '2026-03-31'))).toMatchObject({ confirmable: true });
  });

  test('該当なし by the 前提 last time is not carried: the 前提 is asked again and decides', () => {
    expect(item('org.2')).toMatchObject({ confirmable: false, notConfirmable: 'gatedOff' });
  });

  test('該当なし chosen by hand is carried, where the item still allows it', () => {
    expect(item('tech.1')).toMatchObject({ previous: { kind: 'na' }, confirmable: true });
    const strict = nextFlowVersion(flow, { version: '2' });
    strict.sections[2]!.items[0]!.answer = { type: 'status', notApplicable: false, maxPlanYears: 3 };
    expect(carriedItem({ ...input(), flow: strict }, findItem(strict, 'tech.1')!)).toMatchObject({ confirmable: false, notConfirmable: 'invalid' });
  });

  test('once answered this cycle it counts as confirmed', () => {
    const answers = { 'scope.wlan': { kind: 'yesno' as const, value: false }, 'org.1': { kind: 'done' as const } };
    expect(item('org.1', input(answers))).toMatchObject({ current: { kind: 'done' }, confirmed: true });
    expect(carryOverStatus(input(answers))).toEqual({ previous: { assessmentId: 'as_2025', submittedOn: '2025-12-01' }, confirmed: 2, total: 3 });
  });
});

describe('a section’s list', () => {
  test('offers 「すべて変更なし」 only when every open item can take its carried answer', () => {
    const gates = { 'scope.wlan': { kind: 'yesno' as const, value: false } };
    expect(carriedSection(input(gates), 'tech')).toMatchObject({ canConfirmAll: true, items: [{ itemId: 'tech.1' }] });
    // org.1 was planned for a date now past; org.2 is out (no wireless LAN).
    expect(carriedSection(input(gates), 'org')).toMatchObject({ canConfirmAll: false, items: [{ itemId: 'org.1', notConfirmable: 'pastPlanned' }] });
    expect(carriedSection(input({ ...gates, 'org.1': { kind: 'done' } }), 'org').canConfirmAll).toBe(false);
  });

  test('never for the 前提: they are re-asked one by one', () => {
    expect(carriedSection(input(), 'scope').canConfirmAll).toBe(false);
  });
});
