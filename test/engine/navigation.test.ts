import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { reconcileGates } from '../../src/engine/navigation.ts';
import { smallFlow } from '../helpers/small-flow.ts';

const flow = smallFlow();

describe('reconciling the gates', () => {
  it('answers that already agree with their gates come back as the very same object (nothing copied)', () => {
    const stored: Answers = {
      'scope.wlan': { kind: 'yesno', value: false },
      'org.2': { kind: 'na', reason: { ja: '無線LANを利用していないため該当なし' }, auto: true },
    };
    expect(reconcileGates(flow, stored)).toBe(stored);
  });

  it('a gate that closes gives a new object with the automatic 該当なし and leaves the given one as it was', () => {
    const given: Answers = { 'scope.wlan': { kind: 'yesno', value: false }, 'org.2': { kind: 'done' } };
    const before = structuredClone(given);
    const next = reconcileGates(flow, given);
    expect(next).not.toBe(given);
    expect(given).toEqual(before);
    expect(next['org.2']).toEqual({ kind: 'na', reason: { ja: '無線LANを利用していないため該当なし' }, auto: true, hidden: { kind: 'done' } });
  });

  it('a gate that opens again brings back the answer it hid, or clears the item', () => {
    const hidden: Answers = {
      'scope.wlan': { kind: 'yesno', value: true },
      'org.2': { kind: 'na', reason: { ja: '無線LANを利用していないため該当なし' }, auto: true, hidden: { kind: 'done' } },
    };
    expect(reconcileGates(flow, hidden)['org.2']).toEqual({ kind: 'done' });
    const bare: Answers = { 'scope.wlan': { kind: 'yesno', value: true }, 'org.2': { kind: 'na', reason: { ja: 'x' }, auto: true } };
    expect('org.2' in reconcileGates(flow, bare)).toBe(false);
  });
});
