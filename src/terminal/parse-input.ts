// Reads one typed line in the context of the current prompt. Pure: returns what to do, never does it.
import { parseJapaneseDate } from '../dates/japanese-date.ts';
import type { EngineError } from '../engine/engine-error.ts';
import type { Interaction } from '../engine/events.ts';
import type { Prompt, QuestionPrompt } from '../engine/prompt.ts';
import { reviewTargets } from './render-prompt.ts';

export type FollowUp = { kind: 'plannedDate'; itemId: string } | { kind: 'grid'; itemId: string };

export type ParsedInput =
  | { kind: 'send'; interaction: Interaction }
  | { kind: 'followUp'; followUp: FollowUp }
  | { kind: 'refused'; error: EngineError }
  | { kind: 'unknown' }
  | { kind: 'help' };

const toHalfWidth = (s: string) =>
  s.replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/、/g, ',');

const COMMANDS: Record<string, 'back' | 'skip' | 'review' | 'pause' | 'help' | 'submit'> = {
  b: 'back', back: 'back', 戻る: 'back',
  s: 'skip', skip: 'skip', 後で: 'skip',
  r: 'review', review: 'review', 確認: 'review',
  p: 'pause', q: 'pause', pause: 'pause', 中断: 'pause',
  '?': 'help', help: 'help', ヘルプ: 'help',
  submit: 'submit', 提出: 'submit',
};

export function parseInput(prompt: Prompt, raw: string): ParsedInput {
  const line = toHalfWidth(raw.trim());
  const command = COMMANDS[line.toLowerCase()];
  if (command === 'help') return { kind: 'help' };
  if (command === 'pause') return send({ type: 'PAUSE' });

  switch (prompt.kind) {
    case 'intro':
      return line === '' ? send({ type: 'START' }) : { kind: 'unknown' };
    case 'section-intro':
      if (line === '') return send({ type: 'CONTINUE' });
      if (command === 'back') return send({ type: 'BACK' });
      if (command === 'review') return send({ type: 'REVIEW' });
      return { kind: 'unknown' };
    case 'paused':
      return send({ type: 'RESUME' });
    case 'review': {
      if (command === 'submit') return send({ type: 'SUBMIT' });
      if (command === 'back') return send({ type: 'BACK' });
      const edit = /^e\s*(\S+)$/i.exec(line);
      if (!edit) return { kind: 'unknown' };
      const target = /^\d+$/.test(edit[1]!) ? reviewTargets(prompt)[Number(edit[1]) - 1] : edit[1];
      return target ? send({ type: 'EDIT', itemId: target }) : { kind: 'unknown' };
    }
    case 'question':
      if (command === 'back') return send(prompt.editing ? { type: 'CANCEL' } : { type: 'BACK' });
      if (command === 'skip') return send({ type: 'SKIP' });
      if (command === 'review' && !prompt.editing) return send({ type: 'REVIEW' });
      return parseAnswer(prompt, line);
    case 'submitted':
      return { kind: 'unknown' };
  }
}

function send(interaction: Interaction): ParsedInput {
  return { kind: 'send', interaction };
}

function answer(prompt: QuestionPrompt, a: Extract<Interaction, { type: 'ANSWER' }>['answer']): ParsedInput {
  return send({ type: 'ANSWER', itemId: prompt.item.id, answer: a });
}

function parseAnswer(prompt: QuestionPrompt, line: string): ParsedInput {
  const spec = prompt.item.answer;
  if (line === '' && !prompt.item.required && spec.type !== 'grid') return answer(prompt, { kind: 'blank' });
  switch (spec.type) {
    case 'status': {
      const m = /^([123])(?:\s+(.+))?$/.exec(line);
      if (!m) return { kind: 'unknown' };
      if (m[1] === '1') return answer(prompt, { kind: 'done' });
      if (m[1] === '3') return spec.notApplicable ? answer(prompt, { kind: 'na' }) : { kind: 'unknown' };
      if (!m[2]) return { kind: 'followUp', followUp: { kind: 'plannedDate', itemId: prompt.item.id } };
      return plannedAnswer(prompt.item.id, m[2]);
    }
    case 'yesno':
      if (line === '1') return answer(prompt, { kind: 'yesno', value: true });
      if (line === '2') return answer(prompt, { kind: 'yesno', value: false });
      return { kind: 'unknown' };
    case 'single': {
      const option = /^\d+$/.test(line) ? spec.options[Number(line) - 1] : undefined;
      return option ? answer(prompt, { kind: 'single', value: option.id }) : { kind: 'unknown' };
    }
    case 'multi': {
      const numbers = line.split(/[\s,]+/).filter(Boolean);
      if (numbers.length === 0 || !numbers.every((n) => /^\d+$/.test(n))) return { kind: 'unknown' };
      const ids = numbers.map((n) => spec.options[Number(n) - 1]?.id);
      if (ids.some((id) => id === undefined)) return { kind: 'refused', error: { code: 'option.unknown', params: { option: line } } };
      return answer(prompt, { kind: 'multi', values: ids as string[] });
    }
    case 'text':
      return answer(prompt, { kind: 'text', value: line });
    case 'number': {
      const value = Number(line.replace(/,/g, ''));
      if (line === '' || !Number.isFinite(value)) return { kind: 'refused', error: { code: 'number.notNumber' } };
      return answer(prompt, { kind: 'number', value });
    }
    case 'date': {
      const iso = parseJapaneseDate(line);
      return iso ? answer(prompt, { kind: 'date', value: iso }) : { kind: 'refused', error: { code: 'date.invalid', params: { date: line } } };
    }
    case 'grid':
      return { kind: 'followUp', followUp: { kind: 'grid', itemId: prompt.item.id } };
  }
}

/** The 実施時期 typed after choosing 実施予定. An unreadable date is refused here; range rules are the engine's. */
export function plannedAnswer(itemId: string, raw: string): ParsedInput {
  const iso = parseJapaneseDate(raw);
  if (!iso) return { kind: 'refused', error: { code: 'date.invalid', params: { date: raw.trim() } } };
  return send({ type: 'ANSWER', itemId, answer: { kind: 'planned', date: iso } });
}
