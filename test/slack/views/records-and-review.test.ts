// Records that replace answered messages, the section summary, the review split over messages.
import { expect, test } from 'vitest';
import { loadFlowsDir } from '../../../src/flow/loader.ts';
import { itemRefs } from '../../../src/flow/model.ts';
import { promptMessages } from '../../../src/slack/views/prompt-messages.ts';
import { answeredRecord, noteRecord } from '../../../src/slack/views/records.ts';
import { sectionFinishedMessage } from '../../../src/slack/views/section-intro-message.ts';
import { reviewMessages } from '../../../src/slack/views/review-messages.ts';
import { context, promptAfter, section, tinyFlow } from './fixtures.ts';

const actor = { slackUserId: 'U0SATO', at: new Date('2026-04-01T01:02:03Z') };
const when = '<!date^1775005323^{date_num} {time}|2026-04-01 01:02 UTC>';

test('an answered question becomes a record: what, who, when, no buttons', () => {
  expect(answeredRecord({ flow: tinyFlow, itemId: 'tech.1', answer: { kind: 'planned', date: '2027-03-31' }, locale: 'ja', actor })).toEqual({
    text: '実施予定（2027年3月31日） — 利用者の識別と認証を行っている。',
    blocks: [section('*1.* 利用者の識別と認証を行っている。'), context(`:spiral_calendar_pad: *実施予定（2027年3月31日）*・<@U0SATO>・${when}`)],
  });
  expect(noteRecord({ text: '← 前に戻りました', locale: 'ja', actor })).toEqual({ text: '← 前に戻りました', blocks: [context(`← 前に戻りました・<@U0SATO>・${when}`)] });
});

test('the next section opens with its first question under its title; the tally of the one finished closes the last record', () => {
  const flow = loadFlowsDir().get('mhlw-minimum-5.2')!;
  const events = [
    { type: 'START' as const },
    ...itemRefs(flow)
      .slice(0, 4)
      .map((r) => ({ type: 'ANSWER' as const, itemId: r.item.id, answer: { kind: 'yesno' as const, value: true }, today: '2026-04-01' })),
    ...itemRefs(flow)
      .slice(4, 9)
      .map((r, i) => ({ type: 'ANSWER' as const, itemId: r.item.id, answer: i === 0 ? { kind: 'planned' as const, date: '2027-01-01' } : { kind: 'done' as const }, today: '2026-04-01' })),
  ];
  const prompt = promptAfter(flow, events);
  if (prompt.kind !== 'question' || !prompt.sectionStart) throw new Error('not a section opening');
  expect(sectionFinishedMessage('ja', prompt.sectionStart)?.blocks).toEqual([section(':checkered_flag: 「組織的安全管理対策」が終わりました — 実施済 4・実施予定 1・該当なし 0・未回答 0')]);
  const messages = promptMessages({ flow, prompt, step: { a: 'as_1', r: 9 }, locale: 'ja', today: '2026-04-01' });
  expect(messages).toHaveLength(1);
  expect(messages[0]!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '物理的安全管理対策（6項目）', emoji: true } });
});

test('a review with 90 planned items continues over several messages of at most 50 blocks; 提出する is in the last', () => {
  const flow = loadFlowsDir().get('mhlw-minimum-5.2')!;
  const refs = itemRefs(flow);
  const events = [
    { type: 'START' as const },
    ...refs.map((r) => ({
      type: 'ANSWER' as const,
      itemId: r.item.id,
      answer: r.item.answer.type === 'yesno' ? { kind: 'yesno' as const, value: true } : { kind: 'planned' as const, date: '2027-03-31' },
      today: '2026-04-01',
    })),
  ];
  const prompt = promptAfter(flow, events);
  if (prompt.kind !== 'review') throw new Error(prompt.kind);
  const messages = reviewMessages({ flow, prompt, step: { a: 'as_1', r: 200 }, locale: 'ja' });
  expect(messages.length).toBe(2);
  expect(messages.every((m) => m.blocks.length <= 50)).toBe(true);
  expect(messages[1]!.blocks[0]).toEqual(context('確認画面（続き 2/2）'));
  const changeButtons = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section' && 'accessory' in b && b.accessory);
  expect(changeButtons).toHaveLength(90);
  expect(JSON.stringify(messages.at(-1))).toContain('kakunin.nav.SUBMIT');
  expect(messages.slice(0, -1).some((m) => JSON.stringify(m).includes('kakunin.nav.SUBMIT'))).toBe(false);
});
