// Reads one typed line in the context of the current prompt. Pure: returns what to do, never does it.
import { parseJapaneseDate } from '../dates/japanese-date.ts';
import type { EngineError } from '../engine/engine-error.ts';
import type { Interaction } from '../engine/events.ts';
import type { Prompt, QuestionPrompt } from '../engine/prompt.ts';
import type { MessageParams } from '../i18n/messages.ts';
import { toHalfWidth } from '../text/half-width.ts';
import { readTypedNumber } from '../text/typed-number.ts';
import { reviewTargets } from './render-prompt.ts';

/** A second line the answer needs: the 実施時期 after 実施予定 (with why the last one was refused), or a grid's rows. */
export type FollowUp = { kind: 'plannedDate'; itemId: string; error?: EngineError } | { kind: 'grid'; itemId: string };

/** A terminal message (templates/messages, `terminal.*`) saying what was expected instead. */
export interface Hint {
  key: string;
  params?: MessageParams;
}

export type ParsedInput =
  | { kind: 'send'; interaction: Interaction }
  | { kind: 'followUp'; followUp: FollowUp }
  | { kind: 'refused'; error: EngineError }
  | { kind: 'unknown'; hint?: Hint }
  | { kind: 'help' }
  /** Leave a follow-up without answering: show the current question again. */
  | { kind: 'reprint' };

const COMMANDS: Record<string, 'back' | 'skip' | 'review' | 'pause' | 'help' | 'submit'> = {
  b: 'back', back: 'back', 戻る: 'back',
  s: 'skip', skip: 'skip', 後で: 'skip',
  r: 'review', review: 'review', 確認: 'review',
  p: 'pause', q: 'pause', pause: 'pause', 中断: 'pause',
  '?': 'help', help: 'help', ヘルプ: 'help',
  submit: 'submit', 提出: 'submit',
};

/** The command a line names (b, ｂ, 戻る…), if any. */
export function commandOf(raw: string): (typeof COMMANDS)[string] | undefined {
  return COMMANDS[toHalfWidth(raw.trim()).toLowerCase()];
}

export function parseInput(prompt: Prompt, raw: string): ParsedInput {
  // Commands, menu numbers, numbers and dates are read from the half-width form; free text keeps what was typed.
  const line = toHalfWidth(raw.trim());
  const command = commandOf(raw);
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
      return parseAnswer(prompt, line, raw.trim());
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

/** A menu number outside 1…max: say which numbers there are. */
function notAChoice(max: number): ParsedInput {
  return { kind: 'unknown', hint: { key: 'terminal.notAChoice', params: { max } } };
}

function parseAnswer(prompt: QuestionPrompt, line: string, typed: string): ParsedInput {
  const spec = prompt.item.answer;
  if (line === '' && !prompt.item.required && spec.type !== 'grid') return answer(prompt, { kind: 'blank' });
  switch (spec.type) {
    case 'status': {
      const choices = spec.notApplicable ? 3 : 2;
      const m = /^(\d+)(?:\s+(.+))?$/.exec(line);
      if (!m) return { kind: 'unknown' };
      const n = Number(m[1]);
      if (n < 1 || n > choices) return notAChoice(choices);
      if (n === 1) return answer(prompt, { kind: 'done' });
      if (n === 3) return answer(prompt, { kind: 'na' });
      if (!m[2]) return { kind: 'followUp', followUp: { kind: 'plannedDate', itemId: prompt.item.id } };
      const planned = plannedAnswer(prompt.item.id, m[2]);
      // A date that cannot be read asks for the date again; 実施予定 stays chosen.
      return planned.kind === 'refused'
        ? { kind: 'followUp', followUp: { kind: 'plannedDate', itemId: prompt.item.id, error: planned.error } }
        : planned;
    }
    case 'yesno':
      if (line === '1') return answer(prompt, { kind: 'yesno', value: true });
      if (line === '2') return answer(prompt, { kind: 'yesno', value: false });
      return /^\d+$/.test(line) ? notAChoice(2) : { kind: 'unknown' };
    case 'single': {
      if (!/^\d+$/.test(line)) return { kind: 'unknown' };
      const option = spec.options[Number(line) - 1];
      return option ? answer(prompt, { kind: 'single', value: option.id }) : notAChoice(spec.options.length);
    }
    case 'multi': {
      const numbers = line.split(/[\s,、]+/).filter(Boolean);
      if (numbers.length === 0 || !numbers.every((n) => /^\d+$/.test(n))) return { kind: 'unknown' };
      const ids = numbers.map((n) => spec.options[Number(n) - 1]?.id);
      if (ids.some((id) => id === undefined)) return notAChoice(spec.options.length);
      return answer(prompt, { kind: 'multi', values: ids as string[] });
    }
    case 'text':
      return answer(prompt, { kind: 'text', value: typed });
    case 'number': {
      const value = readTypedNumber(line);
      if (value === undefined) return { kind: 'refused', error: { code: 'number.notNumber' } };
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
