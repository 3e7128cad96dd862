// The re-assessment's Block Kit: the start offer, 「前回: …」 with 変更なし, an area's list with 「この分野はすべて変更なし」.
import { expect, test } from 'vitest';
import { carriedSection, carryOverFor, type CarryOverInput } from '../../../src/engine/carry-over.ts';
import { loadFlowsDir } from '../../../src/flow/loader.ts';
import { promptMessages } from '../../../src/slack/views/prompt-messages.ts';
import { carryOfferMessage, carriedSectionBlocks } from '../../../src/slack/views/carry-over-blocks.ts';
import { LIMITS } from '../../../src/slack/views/block-kit.ts';
import { lastYearAnswers } from '../../helpers/reassessment-story.ts';
import { button, promptAfter, questionOf, section, tinyFlow } from './fixtures.ts';

const step = { a: 'as_2026', r: 7 };

test('the offer names last time by 年度 and date, and offers a blank start beside it', () => {
  const message = carryOfferMessage({ flow: tinyFlow, offer: { assessmentId: 'as_2025', flowId: 'tiny', submittedOn: '2025-12-01', fiscalYear: 2025 }, locale: 'ja' });
  expect(message.blocks.at(-1)).toEqual({
    type: 'actions',
    block_id: 'carry.tiny',
    elements: [
      button('前回（令和7年度・2025年12月1日提出）の回答を引き継いで始める', 'kakunin.carry.start', { f: 'tiny' }, 'primary'),
      button('白紙から始める', 'kakunin.carry.blank', { f: 'tiny' }),
    ],
  });
});

test('a carried question shows last time’s answer and 変更なし first; a past 実施予定 asks whether it was done', () => {
  const prompt = questionOf(promptAfter(tinyFlow, [{ type: 'START' }]));
  const previous = { flow: tinyFlow, assessmentId: 'as_2025', submittedOn: '2025-12-01', answers: { 'tech.1': { kind: 'done' as const }, 'tech.2': { kind: 'planned' as const, date: '2026-03-31' } } };
  const input: CarryOverInput = { flow: tinyFlow, answers: {}, previous, today: '2026-12-01' };
  const [message] = promptMessages({ flow: tinyFlow, prompt, step, locale: 'ja', today: '2026-12-01', carryOver: carryOverFor(prompt, input) });
  const blocks = JSON.stringify(message!.blocks);
  expect(blocks).toContain('*前回: 実施済*');
  expect(message!.blocks.find((b) => b.type === 'actions')).toEqual({
    type: 'actions',
    block_id: 'q.7.carry',
    elements: [button('変更なし', 'kakunin.carry.confirm', { ...step, i: 'tech.1' }, 'primary')],
  });

  const second = questionOf(promptAfter(tinyFlow, [{ type: 'START' }, { type: 'ANSWER', itemId: 'tech.1', answer: { kind: 'done' }, today: '2026-12-01' }]));
  const [asked] = promptMessages({ flow: tinyFlow, prompt: second, step, locale: 'ja', today: '2026-12-01', carryOver: carryOverFor(second, { ...input, answers: { 'tech.1': { kind: 'done' } } }) });
  expect(asked!.blocks).toContainEqual(section('*2026年3月31日に実施予定でした。実施できましたか？*'));
  expect(JSON.stringify(asked!.blocks)).not.toContain('kakunin.carry.confirm');
});

test('every area of the 90-item checklist lists its items in one message within Slack’s limits', () => {
  const flow = loadFlowsDir().get('mhlw-minimum-5.2')!;
  const answers = lastYearAnswers(flow);
  const gates = Object.fromEntries(Object.entries(answers).filter(([id]) => id.startsWith('scope.')));
  const input: CarryOverInput = { flow, answers: gates, previous: { flow, answers, assessmentId: 'as_2025', submittedOn: '2025-12-01' }, today: '2026-12-01' };
  for (const s of flow.sections.filter((x) => x.kind === 'items')) {
    const { list, buttons } = carriedSectionBlocks(flow, 'ja', step, carriedSection(input, s.id));
    expect(list.length, s.id).toBeLessThan(LIMITS.messageBlocks - 5);
    for (const block of list) if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(LIMITS.text);
    expect(buttons.length, s.id).toBe(s.id === 'organizational' ? 0 : 1);
  }
});
