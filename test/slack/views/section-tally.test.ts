// Between the sections of a form, Slack says how many fields were answered — the same words as the
// terminal — never 「実施済 0・実施予定 0・該当なし 1」.
import { describe, expect, it } from 'vitest';
import { sendEvent, startEngine, type EngineState, type StepResult } from '../../../src/engine/session.ts';
import type { EngineEvent } from '../../../src/engine/events.ts';
import { loadFlowsDir } from '../../../src/flow/loader.ts';
import { promptMessages } from '../../../src/slack/views/prompt-messages.ts';
import { sectionFinishedMessage } from '../../../src/slack/views/section-intro-message.ts';
import type { Block } from '../fake-slack-api.ts';
import { textOf } from '../slack-user.ts';

const policy = loadFlowsDir().get('security-policy')!;
const today = '2026-11-22';
const answer = (itemId: string, a: Extract<EngineEvent, { type: 'ANSWER' }>['answer']): EngineEvent => ({ type: 'ANSWER', itemId, answer: a, today });

describe('the section summary of a form in Slack', () => {
  it('counts answered fields of those that apply', () => {
    let s: EngineState = startEngine(policy);
    let last: StepResult | undefined;
    for (const e of [
      { type: 'START' },
      answer('facility.type', { kind: 'single', value: 'clinic' }),
      answer('facility.name', { kind: 'text', value: 'さくら内科' }),
      answer('facility.head-name', { kind: 'text', value: '山田 太郎' }),
      answer('roles.system-admin', { kind: 'single', value: 'head' }),
      answer('roles.information-manager', { kind: 'text', value: '副院長 鈴木' }),
      answer('roles.operations-manager', { kind: 'text', value: '医事課長 高橋' }),
    ] as EngineEvent[])
      s = last = sendEvent(policy, s, e);
    const prompt = last!.prompt;
    // The next section opens with its first question; the tally of the one just finished closes the
    // record of the answer that finished it.
    expect(prompt).toMatchObject({ kind: 'question', section: { id: 'authentication' } });
    if (prompt.kind !== 'question' || !prompt.sectionStart) throw new Error('not a section opening');
    const summary = textOf(sectionFinishedMessage('ja', prompt.sectionStart)!.blocks as Block[]);
    expect(summary).toContain('「管理体制」が終わりました');
    expect(summary).toContain('回答 3/3');
    expect(summary).not.toContain('実施済');
    const [question] = promptMessages({ flow: policy, prompt, step: { a: 'as_1', r: 1 }, locale: 'ja', today });
    expect(question!.blocks[0]).toMatchObject({ type: 'header', text: { text: '認証（1項目）' } });
  });
});
