import { describe, expect, it } from 'vitest';
import type { Prompt, QuestionPrompt } from '../../src/engine/prompt.ts';
import { startEngine, sendEvent } from '../../src/engine/session.ts';
import { parseInput } from '../../src/terminal/parse-input.ts';
import { renderPrompt } from '../../src/terminal/render-prompt.ts';
import { smallFlow } from '../helpers/small-flow.ts';

const flow = smallFlow();
const today = '2026-11-22';
const questionAt = (itemId: string): QuestionPrompt => {
  let s = sendEvent(flow, startEngine(flow), { type: 'START' });
  s = sendEvent(flow, s, { type: 'ANSWER', itemId: 'scope.wlan', answer: { kind: 'yesno', value: true }, today });
  while (s.prompt.kind !== 'question' || s.prompt.item.id !== itemId) s = sendEvent(flow, s, { type: 'SKIP' });
  return s.prompt;
};

describe('what a typed line means', () => {
  const q = questionAt('org.1');

  it('numbers answer: 1 実施済, "2 <date>" 実施予定 with its date in any notation, 2 alone asks for the date', () => {
    expect(parseInput(q, '1')).toEqual({ kind: 'send', interaction: { type: 'ANSWER', itemId: 'org.1', answer: { kind: 'done' } } });
    expect(parseInput(q, '２ 令和9年3月31日')).toEqual({ kind: 'send', interaction: { type: 'ANSWER', itemId: 'org.1', answer: { kind: 'planned', date: '2027-03-31' } } });
    expect(parseInput(q, '2')).toEqual({ kind: 'followUp', followUp: { kind: 'plannedDate', itemId: 'org.1' } });
  });

  it('an unreadable date never reaches the engine: the date is asked again, 実施予定 kept', () => {
    expect(parseInput(q, '2 2027-02-30')).toEqual({
      kind: 'followUp',
      followUp: { kind: 'plannedDate', itemId: 'org.1', error: { code: 'date.invalid', params: { date: '2027-02-30' } } },
    });
  });

  it('3 (該当なし) only where the flow allows it', () => {
    expect(parseInput(q, '3')).toEqual({ kind: 'unknown', hint: { key: 'terminal.notAChoice', params: { max: 2 } } });
    expect(parseInput(questionAt('tech.1'), '3')).toMatchObject({ kind: 'send', interaction: { answer: { kind: 'na' } } });
  });

  it('commands work in Japanese and English', () => {
    expect(parseInput(q, 'b')).toEqual({ kind: 'send', interaction: { type: 'BACK' } });
    expect(parseInput(q, '中断')).toEqual({ kind: 'send', interaction: { type: 'PAUSE' } });
    expect(parseInput(q, 's')).toEqual({ kind: 'send', interaction: { type: 'SKIP' } });
    expect(parseInput(q, '?')).toEqual({ kind: 'help' });
  });

  it('in the review, "e 1" edits the first listed item and "提出" submits', () => {
    const review: Prompt = { kind: 'review', tallies: [], unanswered: [{ itemId: 'org.1', sectionTitle: { ja: '組織' }, text: { ja: 'x' } }], planned: [], items: [], byStatus: true, canSubmit: false };
    expect(parseInput(review, 'e 1')).toEqual({ kind: 'send', interaction: { type: 'EDIT', itemId: 'org.1' } });
    expect(parseInput(review, 'e tech.1')).toEqual({ kind: 'send', interaction: { type: 'EDIT', itemId: 'tech.1' } });
    expect(parseInput(review, '提出')).toEqual({ kind: 'send', interaction: { type: 'SUBMIT' } });
  });
});

describe('how a question is printed', () => {
  it('a section\'s first question: how the section before ended, the section\'s title, then progress, text, notes, choices and commands', () => {
    expect(renderPrompt(flow, 'ja', questionAt('tech.1'))).toEqual([
      '',
      '前のセクション「組織的安全管理対策」: 実施済 0・実施予定 0・該当なし 0・未回答 2',
      '',
      '■ 技術的安全管理対策（1項目）',
      '',
      '━━ 技術的安全管理対策 1/1・全体 3/3 [████████████████████]',
      '1. 識別と認証を行っている。',
      '  注1: 注の本文。',
      '  1) 実施済',
      '  2) 実施予定（実施時期を入力）',
      '  3) 該当なし',
      '[b] 戻る  [s] 後で回答  [r] 確認画面  [p] 中断  [?] ヘルプ',
    ]);
  });

  it('asked again after a refusal, a section\'s first question comes without the section\'s opening', () => {
    const refused = { ...questionAt('tech.1'), error: { code: 'date.past' as const, params: { date: '2026-11-21', today: '2026-11-22' } } };
    const lines = renderPrompt(flow, 'ja', refused);
    expect(lines[0]).toMatch(/^⚠ /);
    expect(lines.join('\n')).not.toContain('■ 技術的安全管理対策');
    expect(lines.join('\n')).not.toContain('前のセクション');
  });
});
