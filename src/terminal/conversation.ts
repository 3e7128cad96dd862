// The terminal conversation over one assessment: print the prompt, read a line, hand the interaction
// to the service, repeat. Every accepted answer is already saved, so stopping anywhere loses nothing.
import type { Interaction } from '../engine/events.ts';
import type { Answers } from '../flow/answer.ts';
import { engineErrorText } from '../i18n/engine-error-text.ts';
import { localize, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import type { AssessmentService, Turn } from '../service/assessment-service.ts';
import type { Participant } from '../service/interaction.ts';
import { formatDate } from '../i18n/answer-text.ts';
import type { ReassessmentService } from '../service/reassessment-service.ts';
import { asksDoneDate, carryOverCommand } from './carry-over-lines.ts';
import { parseJapaneseDate } from '../dates/japanese-date.ts';
import type { LineReader } from './line-reader.ts';
import { commandOf, parseInput, plannedAnswer, type FollowUp, type ParsedInput } from './parse-input.ts';
import { checkGridCell } from '../engine/validate-answer.ts';
import type { AnswerSpec } from '../flow/schema.ts';
import { toHalfWidth } from '../text/half-width.ts';
import { readTypedNumber } from '../text/typed-number.ts';
import { describeItem, renderPrompt } from './render-prompt.ts';
import { tallyText } from '../i18n/tally-text.ts';
import { findItem } from '../flow/model.ts';

export interface ConversationOptions {
  service: AssessmentService;
  participant: Participant;
  assessmentId: string;
  reader: LineReader;
  write: (line: string) => void;
  locale: Locale;
  /** Confirms carried answers (変更なし, a section at once) in a re-assessment. */
  reassessment?: ReassessmentService;
  /** Called once the assessment is submitted (writes the PDF); returns lines to print. */
  onSubmitted?: (turn: Turn) => Promise<string[]>;
}

export type ConversationEnd = 'submitted' | 'paused' | 'input-ended';

export async function runConversation(o: ConversationOptions): Promise<ConversationEnd> {
  const { service, participant, assessmentId, reader, write, locale } = o;
  const print = (lines: string[]) => lines.forEach((l) => write(l));
  const interact = (i: Interaction) => service.interact(participant, assessmentId, i);

  let turn = service.view(participant.organizationId, assessmentId);
  if (turn.assessment.status === 'returned') {
    // 差し戻し: what the reviewer said and which items to correct; the first of them is asked next.
    write(t(locale, turn.flaggedItems.length ? 'terminal.returned' : 'terminal.returnedNoItems', { comment: turn.assessment.reviewComment ?? '' }));
    for (const itemId of turn.flaggedItems) write(`  ・${describeItem(turn.flow, locale, itemId)}`);
  }
  if (turn.prompt.kind === 'paused') turn = interact({ type: 'RESUME' });
  print(renderPrompt(turn.flow, locale, turn.prompt, turn.carryOver, turn.comparison));

  // A follow-up the last turn left open: the 実施時期 again after the engine refused the date.
  let pending: FollowUp | undefined;
  for (;;) {
    if (turn.prompt.kind === 'submitted') {
      print(summaryLines(turn, service.answers(participant.organizationId, assessmentId), locale));
      if (o.onSubmitted) print(await o.onSubmitted(turn));
      return 'submitted';
    }
    if (turn.prompt.kind === 'paused') return 'paused';

    let parsed: ParsedInput;
    if (pending) {
      parsed = { kind: 'followUp', followUp: pending };
      pending = undefined;
    } else {
      const line = await reader.next();
      if (line === null) {
        interact({ type: 'PAUSE' });
        write(t(locale, 'terminal.pausedByEof'));
        return 'input-ended';
      }
      const spec = turn.prompt.kind === 'question' ? turn.prompt.item.answer : undefined;
      const carried = o.reassessment && carryOverCommand(turn.carryOver, spec, line);
      if (o.reassessment && carried) {
        turn =
          'confirmItem' in carried
            ? o.reassessment.confirmItem(participant, assessmentId, carried.confirmItem)
            : o.reassessment.confirmSection(participant, assessmentId, carried.confirmSection);
        print(renderPrompt(turn.flow, locale, turn.prompt, turn.carryOver, turn.comparison));
        continue;
      }
      parsed = parseInput(turn.prompt, line);
    }
    if (parsed.kind === 'followUp') {
      const resolved = await followUp(o, turn, parsed.followUp);
      if (resolved === null) continue; // input ended: the loop pauses on the next read
      parsed = resolved;
    }
    if (o.reassessment && parsed.kind === 'send' && asksDoneDate(turn.carryOver, parsed.interaction)) {
      // A past 実施予定 answered 実施済: on which day (Enter: today).
      write(t(locale, 'carry.terminal.askDoneOn'));
      const typed = await reader.next(`${t(locale, 'carry.terminal.doneOnPrompt')}> `);
      if (typed === null) continue;
      const on = typed.trim() === '' ? o.reassessment.todayFor(participant.organizationId, assessmentId) : parseJapaneseDate(typed);
      parsed = on
        ? { kind: 'send', interaction: { ...parsed.interaction, answer: { kind: 'done', on } } as Interaction }
        : { kind: 'refused', error: { code: 'date.invalid', params: { date: typed.trim() } } };
    }
    switch (parsed.kind) {
      case 'help':
        write(t(locale, 'terminal.help'));
        continue;
      case 'reprint':
        print(renderPrompt(turn.flow, locale, { ...turn.prompt, error: undefined }, turn.carryOver, turn.comparison));
        continue;
      case 'unknown':
        write(parsed.hint ? `⚠ ${t(locale, parsed.hint.key, parsed.hint.params)}` : t(locale, 'terminal.unknownInput'));
        continue;
      case 'refused':
        write(`⚠ ${engineErrorText(locale, parsed.error, (id) => describeItem(turn.flow, locale, id))}`);
        continue;
      case 'send': {
        const sent = parsed.interaction;
        turn = interact(sent);
        const confirmation = hidingToConfirm(turn, sent);
        if (confirmation) {
          // Say how many answered items the change would hide and ask before anything is changed.
          print([`⚠ ${engineErrorText(locale, turn.prompt.error!, (id) => describeItem(turn.flow, locale, id))}`]);
          const line = await reader.next(`${t(locale, 'terminal.confirmHide')}> `);
          if (line !== null && /^(y|yes|はい|1)$/i.test(line.trim())) turn = interact(confirmation);
          else {
            write(t(locale, 'terminal.hideCancelled'));
            turn = { ...turn, prompt: { ...turn.prompt, error: undefined } };
          }
        } else if (!turn.accepted && sent.type === 'ANSWER' && sent.answer.kind === 'planned' && turn.prompt.error?.code.startsWith('date.')) {
          // A past or too distant 実施時期 asks for the date again, keeping 実施予定.
          pending = { kind: 'plannedDate', itemId: sent.itemId, error: turn.prompt.error };
          continue;
        }
        print(renderPrompt(turn.flow, locale, turn.prompt, turn.carryOver, turn.comparison));
        continue;
      }
      case 'followUp':
        continue;
    }
  }
}

/** The same answer, confirmed, when the engine refused it only because it would hide answered items. */
function hidingToConfirm(turn: Turn, sent: Interaction): Interaction | null {
  if (turn.accepted || turn.prompt.error?.code !== 'gate.hidesAnswers') return null;
  return sent.type === 'ANSWER' || sent.type === 'REVISE' ? { ...sent, confirmHide: true } : null;
}

type GridValue = number | boolean | string | null;

async function followUp(o: ConversationOptions, turn: Turn, f: FollowUp): Promise<ParsedInput | null> {
  const { reader, write, locale } = o;
  if (f.kind === 'plannedDate') {
    let error = f.error;
    for (;;) {
      if (error) write(`⚠ ${engineErrorText(locale, error, (id) => describeItem(turn.flow, locale, id))}`);
      write(t(locale, 'terminal.askPlannedDate'));
      const line = await reader.next('実施時期> ');
      if (line === null) return null;
      const command = commandOf(line);
      // b (or p) leaves the date question: back to the item, or pause as anywhere else.
      if (command === 'back') return { kind: 'reprint' };
      if (command === 'pause') return { kind: 'send', interaction: { type: 'PAUSE' } };
      const planned = line.trim() === '' ? ({ kind: 'refused', error: { code: 'date.invalid', params: { date: '' } } } as const) : plannedAnswer(f.itemId, line);
      if (planned.kind !== 'refused') return planned;
      error = planned.error;
    }
  }
  const ref = findItem(turn.flow, f.itemId);
  const spec = ref?.item.answer;
  if (!spec || spec.type !== 'grid') return { kind: 'unknown' };
  const cells: Record<string, Record<string, GridValue>> = {};
  const columns = spec.columns.map((c, i) => `${i + 1}) ${localize(c.label, locale)}`).join(' ');
  for (const row of spec.rows) {
    const rowLabel = localize(row.label, locale);
    // A bad cell asks for the same row again; the rows already typed are kept.
    for (;;) {
      write(
        spec.cell.kind === 'check'
          ? t(locale, 'terminal.askGridChecks', { row: rowLabel, columns })
          : t(locale, spec.cell.kind === 'text' && spec.columns.length > 1 ? 'terminal.askGridTextRow' : 'terminal.askGridRow', {
              row: rowLabel,
              columns: spec.columns.map((c) => localize(c.label, locale)).join(spec.cell.kind === 'text' ? ' | ' : ' '),
            }),
      );
      const line = await reader.next(`${rowLabel}> `);
      if (line === null) return null;
      const read = readGridRow(spec, line, locale, rowLabel);
      if (typeof read === 'string') {
        write(`⚠ ${read}`);
        continue;
      }
      cells[row.id] = read;
      break;
    }
  }
  return { kind: 'send', interaction: { type: 'ANSWER', itemId: f.itemId, answer: { kind: 'grid', cells } } };
}

/** One typed grid row → its cells, or what was expected (naming the cell) when a cell cannot be read. */
function readGridRow(spec: Extract<AnswerSpec, { type: 'grid' }>, line: string, locale: Locale, rowLabel: string): Record<string, GridValue> | string {
  const values = splitGridLine(line, spec.cell.kind, spec.columns.length);
  const rowCells: Record<string, GridValue> = {};
  if (spec.cell.kind === 'check') {
    for (const col of spec.columns) rowCells[col.id] = false;
    for (const v of values) {
      const n = Number(toHalfWidth(v));
      const col = Number.isInteger(n) ? spec.columns[n - 1] : undefined;
      if (!col) return t(locale, 'terminal.gridCheckExpected', { row: rowLabel, max: spec.columns.length });
      rowCells[col.id] = true;
    }
    return rowCells;
  }
  if (values.length > spec.columns.length)
    return t(locale, 'terminal.gridTooManyCells', { row: rowLabel, count: values.length, max: spec.columns.length });
  for (const [i, col] of spec.columns.entries()) {
    const v = values[i];
    const column = localize(col.label, locale);
    if (v === undefined || v === '' || v === '-' || v === '－') {
      rowCells[col.id] = null;
      continue;
    }
    const value = spec.cell.kind === 'number' ? readTypedNumber(v) : v;
    if (value === undefined) return t(locale, 'terminal.gridNumberExpected', { row: rowLabel, column, value: v });
    const problem = checkGridCell(spec.cell, value);
    if (problem) return `${t(locale, 'terminal.gridCell', { row: rowLabel, column })}${engineErrorText(locale, problem, (id) => id)}`;
    rowCells[col.id] = value;
  }
  return rowCells;
}

/**
 * Check grids take column numbers; number grids, numbers separated by spaces; text grids keep spaces
 * inside a cell ("平日 8:00-16:00"), so their columns are separated by "|" and a one-column grid takes
 * the whole line.
 */
export function splitGridLine(line: string, kind: 'check' | 'number' | 'text', columns: number): string[] {
  const trimmed = line.trim();
  if (trimmed === '') return [];
  if (kind === 'check') return trimmed.split(/[\s,、]+/);
  // Full-width spaces separate numbers too; 11,000 keeps its comma (a thousands separator, not a column break).
  if (kind === 'number') return trimmed.split(/[\s\u3000]+/);
  return columns === 1 ? [trimmed] : trimmed.split('|').map((v) => v.trim());
}

/** The closing summary: each section's counts, then the planned items sorted by date. */
export function summaryLines(turn: Turn, answers: Answers, locale: Locale): string[] {
  if (turn.prompt.kind !== 'submitted') return [];
  const lines = ['', t(locale, 'terminal.summaryTitle')];
  for (const tally of turn.prompt.tallies) {
    if (!tally.section.isGates) lines.push(`  ${localize(tally.section.title, locale)}: ${tallyText(locale, tally)}`);
  }
  const planned = turn.flow.sections.flatMap((s) =>
    s.items.flatMap((item) => {
      const a = answers[item.id];
      if (a?.kind !== 'planned') return [];
      const text = localize(item.text, locale).split('\n')[0];
      return [{ date: a.date, line: `  ${formatDate(locale, a.date)}  ${localize(s.title, locale)} ${item.number ?? ''} ${text}` }];
    }),
  );
  if (planned.length > 0) {
    planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    lines.push(t(locale, 'terminal.summaryPlanned'), ...planned.map((r) => r.line));
  }
  return lines;
}
