// What a re-assessment adds to the terminal's prompts: 「前回: …」 and 0) 変更なし on a question, the section's
// list with a) この分野はすべて変更なし, and the comparison with last time on the review.
import type { CarriedSection, CarryOver } from '../engine/carry-over.ts';
import type { Interaction } from '../engine/events.ts';
import type { ItemComparison } from '../flow/cycle-comparison.ts';
import { findItem, type Flow } from '../flow/model.ts';
import type { AnswerSpec } from '../flow/schema.ts';
import { carriedNotes, listLine, previousLine } from '../i18n/carry-over-text.ts';
import { changesText } from '../i18n/comparison-text.ts';
import { localize, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';

export function carriedQuestionLines(locale: Locale, spec: AnswerSpec, carried: Extract<CarryOver, { kind: 'question' }>): string[] {
  return [
    ...carriedNotes(locale, carried.item).map((n) => `  ${n}`),
    `  ${previousLine(locale, spec, carried.item)}`,
    `  ${t(locale, 'carry.progress', { confirmed: carried.confirmed, total: carried.total })}`,
  ];
}

export function carriedSectionLines(flow: Flow, locale: Locale, section: CarriedSection): string[] {
  const lines = [t(locale, 'carry.listTitle', { count: section.items.length })];
  for (const item of section.items) lines.push(`  ${listLine(locale, findItem(flow, item.itemId)!.item.answer, item)}`);
  if (section.canConfirmAll) lines.push(`  ${t(locale, 'carry.terminal.confirmAll')}`, `  ${t(locale, 'carry.terminal.itemByItem')}`);
  else if (section.items.some((i) => !i.confirmed) && !flow.sections.find((s) => s.id === section.sectionId && s.kind === 'gates'))
    lines.push(t(locale, 'carry.cannotConfirmAll'));
  return lines;
}

/** On the review of a re-assessment (carried over or blank): what changed since the previous cycle. */
export function comparisonLines(locale: Locale, changes: ItemComparison[]): string[] {
  if (changes.length === 0) return [t(locale, 'carry.noChanges')];
  return [
    `${t(locale, 'carry.changesTitle', { count: changes.length })}:`,
    ...changes.map((c) => {
      const text = localize(c.ref.item.text, locale).split('\n')[0] ?? '';
      const short = [...text].length > 30 ? `${[...text].slice(0, 29).join('')}…` : text;
      return `  ${localize(c.ref.section.title, locale)} ${c.ref.item.number ?? ''} ${short} — ${changesText(locale, c)}`;
    }),
  ];
}

/** 実施済 chosen for a carried 実施予定 whose date has passed: the 実施日 is asked next. */
export function asksDoneDate(carryOver: CarryOver | undefined, interaction: Interaction): boolean {
  return (
    carryOver?.kind === 'question' &&
    carryOver.item.notConfirmable === 'pastPlanned' &&
    interaction.type === 'ANSWER' &&
    interaction.itemId === carryOver.item.itemId &&
    interaction.answer.kind === 'done' &&
    interaction.answer.on === undefined
  );
}

/** A past 実施予定 asks 「実施できましたか？」: its first two choices read 実施済 / 新しい実施時期…. */
export function pastPlannedChoice(locale: Locale, carried: Extract<CarryOver, { kind: 'question' }>, index: number): string | undefined {
  if (carried.item.notConfirmable !== 'pastPlanned') return undefined;
  return index === 0 ? t(locale, 'carry.pastPlannedDone') : index === 1 ? t(locale, 'carry.pastPlannedNewDate') : undefined;
}

/**
 * What confirms a question's carried answer: 0 beside numbered choices; = where the answer is typed (a
 * number, a text, a date), since 0 could be the answer itself.
 */
export function unchangedKey(spec: AnswerSpec): '0' | '=' {
  return spec.type === 'status' || spec.type === 'yesno' || spec.type === 'single' || spec.type === 'multi' ? '0' : '=';
}

/** The unchanged key confirms the question's carried answer; a confirms the section's list at once. Undefined: not ours. */
export function carryOverCommand(
  carryOver: CarryOver | undefined,
  spec: AnswerSpec | undefined,
  line: string,
): { confirmItem: string } | { confirmSection: string } | undefined {
  const typed = line.trim().replace(/０/g, '0').replace(/＝/g, '=').toLowerCase();
  if (carryOver?.kind === 'question' && spec && typed === unchangedKey(spec)) return { confirmItem: carryOver.item.itemId };
  if (carryOver?.kind === 'section' && (typed === 'a' || typed === 'ａ')) return { confirmSection: carryOver.section.sectionId };
  return undefined;
}
