// A tiny flow and engine prompts for the view tests, built through the real engine.
import { currentPrompt, sendEvent, startEngine, type EngineState } from '../../../src/engine/session.ts';
import type { EngineEvent } from '../../../src/engine/events.ts';
import type { Prompt } from '../../../src/engine/prompt.ts';
import { parseFlow } from '../../../src/flow/loader.ts';
import type { Flow } from '../../../src/flow/model.ts';

export const tinyFlow = parseFlow(
  `
id: tiny
version: 1
title: 小さな点検
sections:
  - id: tech
    title: 技術的安全管理対策
    notes:
      - { id: 注1, text: "パスワードは<8文字>以上 & 英数字混在" }
    items:
      - id: tech.1
        number: "1."
        text: 利用者の識別と認証を行っている。
        notes: [注1]
        answer: { type: status, notApplicable: true }
      - id: tech.2
        number: "2."
        text: 二つ目
        answer: { type: status }
`,
  'tiny.yaml',
);

/** The prompt after these events (today fixed to 2026-04-01). */
export function promptAfter(flow: Flow, events: EngineEvent[]): Prompt {
  let engine: EngineState = startEngine(flow);
  for (const event of events) engine = sendEvent(flow, engine, event);
  return currentPrompt(flow, engine);
}

export function questionOf(prompt: Prompt): Extract<Prompt, { kind: 'question' }> {
  if (prompt.kind !== 'question') throw new Error(`expected a question, got ${prompt.kind}`);
  return prompt;
}

export const button = (text: string, action_id: string, value: unknown, style?: 'primary') => ({
  type: 'button',
  text: { type: 'plain_text', text, emoji: true },
  action_id,
  value: JSON.stringify(value),
  ...(style ? { style } : {}),
});
export const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
export const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
