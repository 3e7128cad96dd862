// Skip logic: a scope question answered "no" takes the items it gates out of the checklist, with the
// 該当なし reason; an unanswered one never does.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { conditionItems, evaluateCondition } from '../../src/flow/conditions.ts';
import { parseFlow } from '../../src/flow/loader.ts';
import { applicability, findItem, type Flow } from '../../src/flow/model.ts';

const answers: Answers = {
  'scope.wifi': { kind: 'yesno', value: true },
  'scope.iot': { kind: 'yesno', value: false },
  'clinic.type': { kind: 'single', value: 'clinic' },
  'clinic.devices': { kind: 'multi', values: ['pc', 'tablet'] },
  'clinic.beds': { kind: 'number', value: 19 },
  'tech.1': { kind: 'done' },
  'tech.2': { kind: 'planned', date: '2026-04-01' },
  'tech.3': { kind: 'na', reason: { ja: '該当なし' } },
};

describe('evaluateCondition', () => {
  it('compares a yes/no answer with equals / notEquals', () => {
    expect(evaluateCondition({ item: 'scope.wifi', equals: true }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'scope.iot', equals: true }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'scope.iot', notEquals: true }, answers)).toBe(true);
  });

  it('reads a status answer as done / planned / na', () => {
    expect(evaluateCondition({ item: 'tech.1', equals: 'done' }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'tech.2', in: ['planned', 'na'] }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'tech.3', equals: 'na' }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'tech.1', equals: true }, answers)).toBe(false);
  });

  it('compares single, multi and number answers', () => {
    expect(evaluateCondition({ item: 'clinic.type', in: ['clinic', 'hospital'] }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'clinic.type', equals: 'pharmacy' }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'clinic.devices', includes: 'tablet' }, answers)).toBe(true);
    expect(evaluateCondition({ item: 'clinic.devices', includes: 'iot' }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'clinic.beds', in: [19, 20] }, answers)).toBe(true);
  });

  it('combines conditions with all / any / not', () => {
    const wifi = { item: 'scope.wifi', equals: true };
    const iot = { item: 'scope.iot', equals: true };
    expect(evaluateCondition({ all: [wifi, iot] }, answers)).toBe(false);
    expect(evaluateCondition({ any: [wifi, iot] }, answers)).toBe(true);
    expect(evaluateCondition({ not: iot }, answers)).toBe(true);
    expect(evaluateCondition({ all: [wifi, { not: iot }] }, answers)).toBe(true);
  });

  it('treats an unanswered item as matching nothing', () => {
    expect(evaluateCondition({ item: 'scope.byod', equals: true }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'scope.byod', equals: false }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'scope.byod', notEquals: true }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'scope.byod', in: ['x'] }, answers)).toBe(false);
    expect(evaluateCondition({ item: 'scope.byod', includes: 'x' }, answers)).toBe(false);
  });

  it('lists every item a condition reads', () => {
    expect(
      conditionItems({ all: [{ item: 'a', equals: 1 }, { any: [{ not: { item: 'b', equals: 2 } }, { item: 'c', includes: 'x' }] }] }),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('applicability: a clinic answers the scope questions', () => {
  const flow: Flow = parseFlow(
    `
id: story
version: 1
title: 物語
sections:
  - id: scope
    kind: gates
    title: 前提の確認
    items:
      - id: scope.wifi
        text: 無線LANを利用していますか
        answer: { type: yesno, yes: 利用している, no: 利用していない }
      - id: scope.iot
        text: IoT機器により患者情報を取り扱っていますか
        answer: { type: yesno }
  - id: technical
    title: 技術的安全管理対策
    items:
      - id: technical.1
        text: 利用者の識別と認証を行っている。
        answer: { type: status }
      - id: technical.2
        text: 無線LANを利用する場合、不正アクセスの対策を施している。
        answer: { type: status }
        when:
          condition: { item: scope.wifi, equals: true }
          reason: { ja: 無線LANを利用していないため該当なし, en: "Not applicable: no wireless LAN" }
      - id: technical.3
        text: 無線LANとIoT機器を利用する場合の対策を講じている。
        answer: { type: status }
        when:
          condition: { all: [{ item: scope.wifi, equals: true }, { item: scope.iot, equals: true }] }
          reason: 無線LANとIoT機器の両方を利用していないため該当なし
  - id: iot
    title: IoT機器
    when:
      condition: { item: scope.iot, equals: true }
      reason: IoT機器を利用していないため該当なし
    items:
      - id: iot.1
        text: IoT機器のアップデートを適切に実施している。
        answer: { type: status }
`,
    'story.yaml',
  );
  const check = (itemId: string, given: Answers) => applicability(findItem(flow, itemId)!, given);
  const yes = { kind: 'yesno', value: true } as const;
  const no = { kind: 'yesno', value: false } as const;

  it('before the gate is answered, the gated item is still applicable (nothing is dropped on a guess)', () => {
    expect(check('technical.2', {})).toEqual({ applicable: true });
    expect(check('iot.1', {})).toEqual({ applicable: true });
  });

  it('answering yes keeps the gated item', () => {
    expect(check('technical.2', { 'scope.wifi': yes })).toEqual({ applicable: true });
  });

  it('answering no makes it not applicable, with the gate and its 該当なし reason', () => {
    const result = check('technical.2', { 'scope.wifi': no });
    expect(result.applicable).toBe(false);
    if (result.applicable) return;
    expect(result.gate.reason).toEqual({ ja: '無線LANを利用していないため該当なし', en: 'Not applicable: no wireless LAN' });
    expect(result.gate.condition).toEqual({ item: 'scope.wifi', equals: true });
  });

  it('items without a gate stay applicable whatever is answered', () => {
    expect(check('technical.1', { 'scope.wifi': no, 'scope.iot': no })).toEqual({ applicable: true });
  });

  it('a gate reading two answers waits for both', () => {
    expect(check('technical.3', { 'scope.wifi': no })).toEqual({ applicable: true });
    expect(check('technical.3', { 'scope.wifi': yes, 'scope.iot': yes })).toEqual({ applicable: true });
    expect(check('technical.3', { 'scope.wifi': yes, 'scope.iot': no })).toMatchObject({
      applicable: false,
      gate: { reason: { ja: '無線LANとIoT機器の両方を利用していないため該当なし' } },
    });
  });

  it('a section gate takes out every item of the section', () => {
    expect(check('iot.1', { 'scope.iot': yes })).toEqual({ applicable: true });
    expect(check('iot.1', { 'scope.iot': no })).toMatchObject({
      applicable: false,
      gate: { reason: { ja: 'IoT機器を利用していないため該当なし' } },
    });
  });

  it('yes/no labels and a plain-string reason are read as Japanese', () => {
    const wifi = findItem(flow, 'scope.wifi')!.item.answer;
    expect(wifi).toEqual({ type: 'yesno', yes: { ja: '利用している' }, no: { ja: '利用していない' } });
    expect(findItem(flow, 'scope.iot')!.item.answer).toEqual({
      type: 'yesno',
      yes: { ja: '有', en: 'Yes' },
      no: { ja: '無', en: 'No' },
    });
  });
});
