// A question as Block Kit: pure function of the engine prompt, compared as JSON.
import { describe, expect, test } from 'vitest';
import { questionMessage } from '../../../src/slack/views/question-message.ts';
import { button, context, promptAfter, questionOf, section, tinyFlow } from './fixtures.ts';

const step = { a: 'as_1', r: 2 };
const first = questionOf(promptAfter(tinyFlow, [{ type: 'START' }]));
const heading = { type: 'header', text: { type: 'plain_text', text: '技術的安全管理対策（2項目）', emoji: true } };
const value = (extra: object = {}) => ({ a: 'as_1', r: 2, i: 'tech.1', ...extra });

describe('a status question', () => {
  test('opens its section with the title, then shows progress, the item, its note (escaped) and 実施済 / 実施予定… / 該当なし / 戻る / 後で続ける', () => {
    expect(questionMessage({ flow: tinyFlow, prompt: first, step, locale: 'ja', today: '2026-04-01' })).toEqual({
      text: '技術的安全管理対策 1/2・全体 1/2 利用者の識別と認証を行っている。',
      blocks: [
        heading,
        context('技術的安全管理対策 1/2・全体 1/2　▓▓▓▓▓▓░░░░░░'),
        section('*1.* 利用者の識別と認証を行っている。'),
        context('*注1* パスワードは&lt;8文字&gt;以上 &amp; 英数字混在'),
        {
          type: 'actions',
          block_id: 'q.2.answer',
          elements: [
            button('実施済', 'kakunin.answer.0', value({ v: { kind: 'done' } })),
            button('実施予定…', 'kakunin.plan.open', value()),
            button('該当なし', 'kakunin.answer.1', value({ v: { kind: 'na' } })),
          ],
        },
        { type: 'actions', block_id: 'q.2.nav', elements: [button('戻る', 'kakunin.nav.BACK', value()), button('後で続ける', 'kakunin.nav.PAUSE', value())] },
      ],
    });
  });

  test('with 実施予定… open, asks for the 実施時期 within the allowed range', () => {
    const { blocks } = questionMessage({ flow: tinyFlow, prompt: first, step, locale: 'ja', today: '2026-04-01', planning: {} });
    expect(blocks.slice(4, 6)).toEqual([
      section('実施時期を選んでください（2026年4月1日から2029年4月1日まで）。'),
      {
        type: 'actions',
        block_id: JSON.stringify(value()),
        elements: [
          { type: 'datepicker', action_id: 'kakunin.plan.date', placeholder: { type: 'plain_text', text: '日付を選ぶ', emoji: true } },
          button('取り消す', 'kakunin.plan.close', value()),
        ],
      },
    ]);
  });

  test('a refused date is explained above a fresh date picker', () => {
    const refused = questionOf(
      promptAfter(tinyFlow, [{ type: 'START' }, { type: 'ANSWER', itemId: 'tech.1', answer: { kind: 'planned', date: '2026-03-31' }, today: '2026-04-01' }]),
    );
    const { blocks } = questionMessage({ flow: tinyFlow, prompt: refused, step, locale: 'ja', today: '2026-04-01', planning: { attempt: '2026-03-31' } });
    expect(blocks).toContainEqual(section(':warning: 実施時期に過去の日付（2026年3月31日）は指定できません。今日（2026年4月1日）以降の日付を指定してください。'));
    expect(blocks.find((b) => b.type === 'actions' && b.block_id?.startsWith('{'))!.block_id).toBe(JSON.stringify(value({ n: '2026-03-31' })));
  });

  test('in English', () => {
    const { blocks } = questionMessage({ flow: tinyFlow, prompt: first, step, locale: 'en', today: '2026-04-01' });
    expect(blocks.at(-2)).toMatchObject({ elements: [{ text: { text: 'Done' } }, { text: { text: 'Planned…' } }, { text: { text: 'Not applicable' } }] });
  });
});

test('the second question of a section has no heading: its progress line comes first', () => {
  const second = questionOf(promptAfter(tinyFlow, [{ type: 'START' }, { type: 'ANSWER', itemId: 'tech.1', answer: { kind: 'done' }, today: '2026-04-01' }]));
  const { blocks } = questionMessage({ flow: tinyFlow, prompt: second, step, locale: 'ja', today: '2026-04-01' });
  expect(blocks[0]).toEqual(context('技術的安全管理対策 2/2・全体 2/2　▓▓▓▓▓▓▓▓▓▓▓▓'));
});

test('a long item is split into several sections at sentence ends, never cut', () => {
  const sentence = 'アクセスログを定期的に確認し、不正なアクセスがないことを点検している。';
  const long = { ...first, item: { ...first.item, text: { ja: sentence.repeat(120) } } };
  const { blocks } = questionMessage({ flow: tinyFlow, prompt: long, step, locale: 'ja', today: '2026-04-01' });
  const texts = blocks.filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);
  expect(texts.length).toBeGreaterThan(1);
  expect(texts.every((t) => t.length <= 3000 && t.endsWith('。'))).toBe(true);
  expect(texts.join('').replace('*1.* ', '')).toBe(sentence.repeat(120));
});
